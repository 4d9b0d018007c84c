// The publishing formats against independent readers and writers: the Kyrgyz NSC's SDMX-ML files
// against their flat copy and against sdmx1; Kerwen's SDMX-CSV read by sdmx1 and sdmx1's read by
// Kerwen; workbooks written by openpyxl read by Kerwen, Kerwen's read by openpyxl and LibreOffice;
// the Open SDG export read back. The Python side runs in .build/test-venv (tools/test-venv.sh).

import Foundation
import XCTest

final class FormatTests: XCTestCase {
    static let sdmxFolder = TestSupport.repoRoot.appendingPathComponent("examples/data/real/kyrgyzstan/sdmx")
    static let dsd = TestSupport.repoRoot.appendingPathComponent("stdlib/sdmx/SDG_DSD.KG_1.8.xml").path
    static let compared = ["FREQ", "REPORTING_TYPE", "SERIES", "REF_AREA", "SEX", "AGE", "URBANISATION", "INCOME_WEALTH_QUANTILE",
                           "EDUCATION_LEV", "OCCUPATION", "CUST_BREAKDOWN", "COMPOSITE_BREAKDOWN", "DISABILITY_STATUS", "ACTIVITY",
                           "PRODUCT", "UNIT_MEASURE", "TIME_PERIOD", "OBS_VALUE", "OBS_STATUS", "UNIT_MULT", "NATURE"]

    var work: URL!

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("kerwen-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    // MARK: - SDMX-ML

    func testTheThirteenKyrgyzFilesLoadAsTheirFlatCopy() throws {
        let flat = try Self.csvRows(Self.sdmxFolder.appendingPathComponent("DERIVED_flat_all.csv"))
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.sdmxFolder.path).filter { $0.hasSuffix(".xml") }.sorted()
        XCTAssertEqual(files.count, 13)
        var total = 0
        for file in files {
            let ours = try kerwenTable(load: Self.sdmxFolder.appendingPathComponent(file).path)
            let theirs = flat.filter { $0["SOURCE_FILE"] == file }
            XCTAssertEqual(ours.count, theirs.count, file)
            XCTAssertEqual(Self.keyed(ours), Self.keyed(theirs), file)
            total += ours.count
        }
        XCTAssertEqual(total, 1821)
    }

    func testSdmx1ReadsTheSameObservations() throws {
        try requirePython()
        // All 13 files in one sdmx1 run (each row names its file), compared file by file.
        let theirs = work.appendingPathComponent("sdmx1.csv")
        try python(["Tests/formats/sdmx_tool.py", "read-ml", Self.sdmxFolder.path, Self.dsd, theirs.path])
        let read = try Self.csvRows(theirs)
        XCTAssertEqual(read.count, 1821)
        let columns = Self.compared.filter { $0 != "UNIT_MULT" }
        for file in Set(read.map { $0["SOURCE_FILE"]! }).sorted() {
            let ours = try kerwenTable(load: Self.sdmxFolder.appendingPathComponent(file).path)
            XCTAssertEqual(Self.keyed(ours, columns: columns), Self.keyed(read.filter { $0["SOURCE_FILE"] == file }, columns: columns), file)
        }
    }

    // MARK: - SDMX-CSV

    func testSdmx1ReadsKerwensSDMXCSV() throws {
        try requirePython()
        let script = """
        load k from "\(Self.sdmxFolder.appendingPathComponent("13.1.1.xml").path)"
        indicator deaths {
          code: "13.1.1"  series: "VC_DSR_MORT"  unit: "NUMBER"
          data: k | where SEX != "_T"
          value: sum(OBS_VALUE)
          by: REF_AREA, SEX, TIME_PERIOD
          totals: SEX
        }
        export deaths to "\(work.path)/v2.csv" with format: "sdmx-csv", version: 2
        export deaths to "\(work.path)/v1.csv" with format: "sdmx-csv"
        export deaths to "\(work.path)/plain.csv"
        """
        try run(script)
        let theirs = work.appendingPathComponent("read.csv")
        try python(["Tests/formats/sdmx_tool.py", "read-csv", work.appendingPathComponent("v2.csv").path, Self.dsd, theirs.path])
        let read = try Self.csvRows(theirs)
        let plain = try Self.csvRows(work.appendingPathComponent("plain.csv"))
        XCTAssertEqual(read.count, plain.count)
        XCTAssertGreaterThan(read.count, 300)
        // Every cell of the indicator, totals included, is an observation with the same key and value.
        var expected: [String: Double] = [:]
        for r in plain { expected["\(r["REF_AREA"]!)|\(r["SEX"]!)|\(r["TIME_PERIOD"]!)"] = Double(r["value"]!) }
        for r in read {
            let key = "\(r["REF_AREA"]!)|\(r["SEX"]!)|\(r["TIME_PERIOD"]!)"
            XCTAssertEqual(Double(r["OBS_VALUE"]!), expected[key], key)
            XCTAssertEqual(r["SERIES"], "VC_DSR_MORT")
            XCTAssertEqual(r["UNIT_MEASURE"], "NUMBER")
            XCTAssertEqual(r["AGE"], "_T")
        }
        // 1.0: DATAFLOW first, then the 15 dimensions in the DSD's order, TIME_PERIOD, OBS_VALUE.
        let header = try String(contentsOf: work.appendingPathComponent("v1.csv"), encoding: .utf8).split(separator: "\n")[0]
        XCTAssertTrue(header.hasPrefix("DATAFLOW,FREQ,REPORTING_TYPE,SERIES,REF_AREA,SEX,AGE,URBANISATION,INCOME_WEALTH_QUANTILE,EDUCATION_LEV,OCCUPATION,CUST_BREAKDOWN,COMPOSITE_BREAKDOWN,DISABILITY_STATUS,ACTIVITY,PRODUCT,TIME_PERIOD,OBS_VALUE,"), String(header))
    }

    func testSDMXCSVWrittenBySdmx1LoadsWithTheSameCells() throws {
        try requirePython()
        let xml = Self.sdmxFolder.appendingPathComponent("16.2.2.xml").path
        let written = work.appendingPathComponent("by_sdmx1.csv")
        try python(["Tests/formats/sdmx_tool.py", "write-csv", xml, Self.dsd, written.path])
        let theirs = work.appendingPathComponent("their_rows.csv")
        try python(["Tests/formats/sdmx_tool.py", "read-ml", xml, Self.dsd, theirs.path])
        let ours = try kerwenTable(load: written.path, options: #" with layout: "sdmx-csv""#)
        let columns = Array(Self.compared.prefix(15)) + ["TIME_PERIOD", "OBS_VALUE"]
        XCTAssertEqual(Self.keyed(ours, columns: columns), Self.keyed(try Self.csvRows(theirs), columns: columns))
    }

    func testACodeOutsideTheCodeListWritesNothing() throws {
        let target = work.appendingPathComponent("bad.csv")
        let result = try TestSupport.runKerwen([], stdin: """
        load k from "\(Self.sdmxFolder.appendingPathComponent("13.1.1.xml").path)"
        let t = k | derive sex = if SEX == "F" then "female" else SEX | select REF_AREA, sex, TIME_PERIOD, OBS_VALUE
        export t to "\(target.path)" with format: "sdmx-csv", series: "VC_DSR_MORT"
        """, cwd: work)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("E149"), result.stderr)
        XCTAssertTrue(result.stderr.contains("`female`"), result.stderr)
        XCTAssertTrue(result.stderr.contains("`F`"), result.stderr)  // the nearest code, by its name "Female"
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path))
    }

    func testThePublishExampleWritesWhatSdmx1AndOpenpyxlRead() throws {
        try requirePython()
        let result = try TestSupport.runKerwen(["run", "examples/publish.kw"], cwd: TestSupport.repoRoot)
        XCTAssertEqual(result.status, 0, result.stderr)
        let out = TestSupport.repoRoot.appendingPathComponent("examples/out")
        let read = work.appendingPathComponent("published.csv")
        try python(["Tests/formats/sdmx_tool.py", "read-csv", out.appendingPathComponent("central_asia_sdmx.csv").path, Self.dsd, read.path])
        let rows = try Self.csvRows(read)
        XCTAssertEqual(Set(rows.map { $0["SERIES"]! }), ["SI_RMT_COST", "VC_DSR_MTMP", "BX_TRF_PWKR"])
        XCTAssertEqual(Set(rows.map { $0["REF_AREA"]! }).isSubset(of: ["398", "417", "762", "795", "860"]), true)
        // Kazakhstan 10.c.1 2015 as published (1.43); 13.1.1 Kyrgyzstan 2021: 109 / 6,851,224 × 100,000.
        XCTAssertEqual(rows.first { $0["SERIES"] == "SI_RMT_COST" && $0["REF_AREA"] == "398" && $0["TIME_PERIOD"] == "2015" }?["OBS_VALUE"], "1.43")
        let kg = rows.first { $0["SERIES"] == "VC_DSR_MTMP" && $0["REF_AREA"] == "417" && $0["TIME_PERIOD"] == "2021" }
        XCTAssertEqual(Double(kg?["OBS_VALUE"] ?? "") ?? 0, (109.0 / 6_851_224 * 100_000 * 1e5).rounded() / 1e5, accuracy: 1e-12)
        let sheets = work.appendingPathComponent("sheets.json")
        try python(["Tests/formats/xlsx_tool.py", "read", out.appendingPathComponent("central_asia.xlsx").path, sheets.path])
        let names = ((try JSONSerialization.jsonObject(with: Data(contentsOf: sheets)) as! [String: [[String: Any]]])["sheets"]!).map { $0["name"] as! String }
        XCTAssertEqual(names, ["10.c.1", "10.c.1 metadata", "13.1.1", "13.1.1 metadata", "17.3.2", "17.3.2 metadata"])
        let open = try String(contentsOf: out.appendingPathComponent("13-1-1.csv"), encoding: .utf8)
        XCTAssertTrue(open.hasPrefix("Year,Units,Series,REF_AREA,Value\n"))
    }

    // MARK: - Excel

    func testAWorkbookFromOpenpyxlLoads() throws {
        try requirePython()
        let book = work.appendingPathComponent("made.xlsx"), expectedFile = work.appendingPathComponent("expected.json")
        try python(["Tests/formats/xlsx_tool.py", "make", book.path, expectedFile.path])
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: expectedFile)) as! [String: [String: Any]]
        for (sheet, options) in [("departures", #" with skip: 2, header_rows: 2"#), ("second", #" with sheet: "Second""#)] {
            let want = expected[sheet]!
            let out = work.appendingPathComponent("\(sheet).json")
            try run("load t from \"\(book.path)\"\(options)\nexport t to \"\(out.path)\"\n")
            let rows = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as! [[String: Any]]
            let names = want["names"] as! [String]
            let cells = want["rows"] as! [[Any]]
            XCTAssertEqual(rows.count, cells.count, sheet)
            for (r, row) in rows.enumerated() {
                XCTAssertEqual(row.keys.sorted(), names.sorted(), sheet)
                for (j, name) in names.enumerated() {
                    XCTAssertEqual(Self.plain(row[name]), Self.plain(cells[r][j]), "\(sheet) row \(r + 1) \(name)")
                }
            }
        }
    }

    func testOpenpyxlReadsKerwensWorkbook() throws {
        try requirePython()
        let book = work.appendingPathComponent("ours.xlsx")
        try run("""
        load survey from "\(TestSupport.repoRoot.path)/examples/data/labour_migrants.csv"
        let by_sex = survey | group by sex, destination | summarize migrants = count(), income = round(mean(monthly_income_usd), 2), any_displaced = max(displaced_by_disaster) > 0 | sort sex, destination
        export [by_sex, (survey | take 20)] to "\(book.path)" with sheets: ["By sex", "Первые 20"]
        export by_sex to "\(work.path)/by_sex.csv"
        """)
        let out = work.appendingPathComponent("read.json")
        try python(["Tests/formats/xlsx_tool.py", "read", book.path, out.path])
        let read = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as! [String: [[String: Any]]]
        let sheets = read["sheets"]!
        XCTAssertEqual(sheets.map { $0["name"] as! String }, ["By sex", "Первые 20"])
        XCTAssertEqual(sheets[0]["freeze"] as? String, "A2")
        XCTAssertEqual(sheets[0]["header_bold"] as? Bool, true)
        let cells = sheets[0]["cells"] as! [[[Any]]]
        let csv = try Self.csvRows(work.appendingPathComponent("by_sex.csv"))
        XCTAssertEqual(cells.count, csv.count + 1)
        XCTAssertEqual(cells[0].map { $0[0] as! String }, ["sex", "destination", "migrants", "income", "any_displaced"])
        for (r, row) in csv.enumerated() {
            let line = cells[r + 1]
            XCTAssertEqual(line[0][0] as? String, row["sex"]); XCTAssertEqual(line[0][1] as? String, "s")
            XCTAssertEqual(line[2][1] as? String, "n"); XCTAssertEqual((line[2][0] as? NSNumber)?.intValue, Int(row["migrants"]!))
            XCTAssertEqual(line[3][1] as? String, "n"); XCTAssertEqual((line[3][0] as? NSNumber)?.doubleValue ?? .nan, Double(row["income"]!)!, accuracy: 1e-12)
            XCTAssertEqual(line[4][1] as? String, "b"); XCTAssertEqual(line[4][0] as? Bool, row["any_displaced"] == "true")
        }
        XCTAssertEqual((sheets[1]["cells"] as! [[[Any]]]).count, 21)
    }

    // Days are written as Excel dates (a serial number with a `yyyy-mm-dd` format): openpyxl reads
    // them as dates; quarters stay text; a day before 1 March 1900 (Excel's phantom 29 February) is
    // text; Kerwen reads its own workbook back to the same days.
    func testDaysAreWrittenAsExcelDates() throws {
        try requirePython()
        let book = work.appendingPathComponent("days.xlsx")
        try "day,quarter,n\n2023-01-15,2023Q1,1\n1900-01-10,2023Q2,2\n2024-02-29,2024Q1,3\n,2024Q2,4\n"
            .write(to: work.appendingPathComponent("days.csv"), atomically: true, encoding: .utf8)
        try run("""
        load t from "days.csv"
        export t to "\(book.path)"
        load back from "\(book.path)"
        export back to "\(work.path)/back.csv"
        """)
        let out = work.appendingPathComponent("days.json")
        try python(["Tests/formats/xlsx_tool.py", "read", book.path, out.path])
        let read = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as! [String: [[String: Any]]]
        let cells = read["sheets"]![0]["cells"] as! [[[Any]]]
        XCTAssertEqual(cells[1][0][0] as? String, "2023-01-15 00:00:00")
        XCTAssertEqual(cells[1][0][1] as? String, "d")
        XCTAssertEqual(cells[2][0][0] as? String, "1900-01-10")
        XCTAssertEqual(cells[2][0][1] as? String, "s")
        XCTAssertEqual(cells[3][0][0] as? String, "2024-02-29 00:00:00")
        XCTAssertEqual(cells[1][1][0] as? String, "2023-Q1")
        XCTAssertEqual(cells[1][1][1] as? String, "s")
        let back = try Self.csvRows(work.appendingPathComponent("back.csv"))
        XCTAssertEqual(back.map { $0["day"] ?? "" }, ["2023-01-15", "1900-01-10", "2024-02-29", ""])
        XCTAssertEqual(back.map { $0["quarter"] ?? "" }, ["2023-Q1", "2023-Q2", "2024-Q1", "2024-Q2"])
    }

    func testLibreOfficeOpensKerwensWorkbook() throws {
        let office = ["/usr/bin/libreoffice", "/usr/bin/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let office else { throw XCTSkip("LibreOffice is not installed (Debian: libreoffice-calc-nogui)") }
        let book = work.appendingPathComponent("ours.xlsx")
        try run("""
        load survey from "\(TestSupport.repoRoot.path)/examples/data/labour_migrants.csv"
        let by_sex = survey | group by sex | summarize migrants = count(), income = mean(monthly_income_usd) | sort sex
        export by_sex to "\(book.path)"
        """)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: office)
        p.arguments = ["--headless", "-env:UserInstallation=file://\(work.path)/lo-profile", "--convert-to", "csv", "--outdir", work.path, book.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        let rows = try Self.csvRows(work.appendingPathComponent("ours.csv"))
        XCTAssertEqual(rows.map { $0["sex"]! }, ["F", "M"])
        XCTAssertEqual(rows.map { Int($0["migrants"]!)! }.reduce(0, +), 3000)
    }

    // MARK: - Open SDG

    func testOpenSDGExportReloadsToTheSameCells() throws {
        // The standard library's 13.1.1 on the real UN and World Bank files, by country and year, with totals.
        let real = TestSupport.repoRoot.path + "/examples/data/real"
        try run("""
        use sdg13
        load mort from "\(real)/un-sdg/indicator_13-1-1-VC_DSR_MORT.csv" with layout: "open-sdg"
        load miss from "\(real)/un-sdg/indicator_13-1-1-VC_DSR_MISS.csv" with layout: "open-sdg"
        load wb from "\(real)/worldbank/population.csv"
        let losses = mort | distinct | select Year, GeoAreaName, Value | rename Value to deaths
          | left join (miss | distinct | select Year, GeoAreaName, Value | rename Value to missing) on Year, GeoAreaName
          | derive iso3 = iso3(GeoAreaName)
          | join (wb | rename `Country Code` to iso3, Value to people | select iso3, Year, people) on iso3, Year
          | derive sex = if Year % 2 == 0 then "F" else "M"
        indicator rate = sdg_13_1_1 {
          data: losses
          columns: deaths = deaths, missing = missing, population = people
          by: GeoAreaName, sex, Year
          totals: true
        }
        export rate to "\(work.path)/open.csv" with format: "open-sdg"
        export rate to "\(work.path)/plain.csv"
        load back from "\(work.path)/open.csv" with layout: "open-sdg"
        export back to "\(work.path)/back.csv"
        """)
        // As the real platform files: Year first, Value last (Kazakhstan's: Year, then units and series).
        let header = try String(contentsOf: work.appendingPathComponent("open.csv"), encoding: .utf8).split(separator: "\n")[0]
        XCTAssertEqual(header, "Year,Units,Series,GeoAreaName,sex,Value")
        let open = try String(contentsOf: work.appendingPathComponent("open.csv"), encoding: .utf8)
        XCTAssertTrue(open.contains(",FEMALE,"), "codes become the platform's labels")
        XCTAssertTrue(open.contains(",PER_100000_POP,VC_DSR_MTMP,"), "the library's unit and series")
        let plain = try Self.csvRows(work.appendingPathComponent("plain.csv"))
        let back = try Self.csvRows(work.appendingPathComponent("back.csv"))
        // Reloaded: empty cells are `_T` again and labels codes again; the same cells, the same values.
        // GeoAreaName is an identifying column of the layout, not a disaggregation: its total stays empty.
        func key(_ r: [String: String], _ year: String, _ value: String) -> String {
            "\(r["GeoAreaName"]! == "" ? "_T" : r["GeoAreaName"]!)|\(r["sex"]!)|\(r[year]!)|\(r[value]!)"
        }
        XCTAssertGreaterThan(back.count, 50)
        XCTAssertEqual(Set(plain.filter { $0["Year"] != "_T" }.map { key($0, "Year", "value") }), Set(back.map { key($0, "Year", "Value") }))
        XCTAssertEqual(plain.filter { $0["Year"] != "_T" }.count, back.count)
    }

    // MARK: - Helpers

    func requirePython() throws {
        let python = TestSupport.repoRoot.appendingPathComponent(".build/test-venv/bin/python")
        if !FileManager.default.isExecutableFile(atPath: python.path) {
            let setup = Process()
            setup.executableURL = URL(fileURLWithPath: "/bin/bash")
            setup.arguments = [TestSupport.repoRoot.appendingPathComponent("tools/test-venv.sh").path]
            try? setup.run()
            setup.waitUntilExit()
        }
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            // In CI the readers must be there (make test installs them); elsewhere the test says why it did not run.
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("sdmx1/openpyxl could not be installed"); return }
            throw XCTSkip("the test environment with sdmx1 and openpyxl could not be made (no PyPI?)")
        }
    }

    func python(_ args: [String]) throws {
        let p = Process()
        p.executableURL = TestSupport.repoRoot.appendingPathComponent(".build/test-venv/bin/python")
        p.arguments = args
        p.currentDirectoryURL = TestSupport.repoRoot
        let err = Pipe()
        p.standardError = err
        try p.run()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, String(decoding: message, as: UTF8.self))
    }

    func run(_ script: String) throws {
        let result = try TestSupport.runKerwen([], stdin: script, cwd: work)
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    /// A file loaded by Kerwen and written as CSV, read back as rows.
    func kerwenTable(load path: String, options: String = "") throws -> [[String: String]] {
        let out = work.appendingPathComponent("loaded-\(UUID().uuidString).csv")
        try run("load t from \"\(path)\"\(options)\nexport t to \"\(out.path)\"\n")
        return try Self.csvRows(out)
    }

    /// Rows as a sorted list of `column=value` keys: numbers compared as numbers.
    static func keyed(_ rows: [[String: String]], columns: [String] = compared) -> [String] {
        rows.map { row in
            columns.map { c -> String in
                let v = row[c] ?? ""
                // SDMX writes a missing observation as NaN, or leaves it empty.
                if v == "NaN" { return "\(c)=" }
                if let d = Double(v) { return "\(c)=\(d)" }
                return "\(c)=\(v)"
            }.joined(separator: "|")
        }.sorted()
    }

    static func plain(_ v: Any?) -> String {
        switch v {
        case nil, is NSNull: return "na"
        case let b as Bool where type(of: v!) == Bool.self: return b ? "true" : "false"
        case let n as NSNumber:
            let kind = String(cString: n.objCType)
            return kind == "c" || kind == "B" ? (n.boolValue ? "true" : "false") : String(n.doubleValue)
        case let s as String: return s
        default: return "\(v!)"
        }
    }

    /// A small RFC 4180 reader (quotes, doubled quotes, commas and newlines inside quotes), written
    /// here so the comparison does not go through Kerwen's own reader.
    static func csvRows(_ url: URL) throws -> [[String: String]] {
        var text = try String(contentsOf: url, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var records: [[String]] = [], field = "", record: [String] = [], quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false } }
                else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { record.append(field); field = "" }
            else if c == "\n" || c == "\r" {
                if c == "\r", chars.first == "\n" { chars.removeFirst() }
                record.append(field); records.append(record); record = []; field = ""
            } else { field.unicodeScalars.append(c) }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        guard let header = records.first else { return [] }
        return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0 + Array(repeating: "", count: max(0, header.count - $0.count)))) }
    }
}

// Exported CSV, written in chunks formatted on all cores: every cell as `ScalarFormat.plain` gives
// it (quoted when needed), rows in order across chunk boundaries, and read back to the same values.

import Foundation
import KerwenData
import XCTest

final class CSVWriterTests: XCTestCase {
    private func table(rows n: Int) -> Table {
        let words = ["plain", "with, comma", "say \"hi\"", "two\nlines", "Tashkent City", ""]
        let ints: [Scalar] = (0..<n).map { $0 % 11 == 3 ? .na : .integer(Int64($0 * 7919 % 100_003) - 50_000) }
        let nums: [Scalar] = (0..<n).map { i in
            switch i % 9 {
            case 0: return .na
            case 1: return .number(1e-7 * Double(i))
            case 2: return .number(1.5e20 + Double(i))
            case 3: return .number(-0.0)
            case 4: return .number(i % 2 == 0 ? .infinity : -.infinity)
            default: return .number(Double(i % 1000) / 8 - 3.3)
            }
        }
        let texts: [Scalar] = (0..<n).map { i in words[i % words.count].isEmpty ? .na : .text(words[i % words.count]) }
        let flags: [Scalar] = (0..<n).map { $0 % 5 == 0 ? .na : .boolean($0 % 2 == 0) }
        // Around the year 2000 in each frequency's own count (weeks and days count from 1970).
        let starts: [(Frequency, Int64)] = [(.annual, 1990), (.halfYear, 4_000), (.quarterly, 8_000), (.monthly, 24_000), (.weekly, 1_500), (.daily, 11_000)]
        let periods: [Scalar] = (0..<n).map { i in
            i % 13 == 7 ? .na : .period(Period(starts[i % 6].0, ordinal: starts[i % 6].1 + Int64(i % 300)))
        }
        return Table(names: ["id", "x", "word, quoted", "flag", "period"],
                     columns: [Column.from(ints, type: .integer), Column.from(nums, type: .number),
                               Column.from(texts, type: .text), Column.from(flags, type: .boolean),
                               Column.from(periods)])
    }

    /// A cell as JSON, written here without the encoder: `na` (and non-finite numbers) as null.
    private func jsonValue(_ v: Scalar) -> String {
        switch v {
        case .na: return "null"
        case .integer(let x): return String(x)
        case .number(let x): return x.isFinite ? ScalarFormat.number(x) : "null"
        case .text(let s): return TableWriter.jsonString(s)
        case .boolean(let b): return b ? "true" : "false"
        case .period(let p): return "\"\(p)\""
        }
    }

    /// The expected text, cell by cell, written here without the encoder.
    private func expected(_ t: Table) -> String {
        func field(_ s: String) -> String {
            s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var out = t.names.map(field).joined(separator: ",") + "\n"
        for r in 0..<t.rowCount { out += t.columns.map { field(ScalarFormat.plain($0.scalar(at: r))) }.joined(separator: ",") + "\n" }
        return out
    }

    func testSmallTableTextMatchesCellByCell() {
        let t = table(rows: 200)
        XCTAssertEqual(TableWriter.csv(t), expected(t))
    }

    func testBigTableWrittenInChunksReadsBack() throws {
        let t = table(rows: 150_000)   // three 65,536-row chunks, formatted at once
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kerwen-writer-\(UUID().uuidString).csv").path
        try TableWriter.writeCSV(t, to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(text, expected(t))
        let back = try CSVReader.read(path: path)
        XCTAssertEqual(back.rowCount, t.rowCount)
        for r in stride(from: 0, to: t.rowCount, by: 997) {
            for j in 0..<4 where j != 1 || r % 9 != 3 {   // -0.0 is written "0"; periods of mixed frequencies read back as text
                XCTAssertEqual(back.columns[j].scalar(at: r), t.columns[j].scalar(at: r), "row \(r), column \(t.names[j])")
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: (path as NSString).deletingLastPathComponent + "/." + (path as NSString).lastPathComponent + ".tmp-\(getpid())"))
    }

    func testJSONRowsInChunksMatchCellByCellAndParse() throws {
        let t = table(rows: 70_000)   // three 32,768-row chunks
        var expected = "[\n"
        for r in 0..<t.rowCount {
            if r > 0 { expected += ",\n" }
            let fields = zip(t.names, t.columns).map { "\(TableWriter.jsonString($0)): \(jsonValue($1.scalar(at: r)))" }
            expected += "  {" + fields.joined(separator: ", ") + "}"
        }
        expected += "\n]"
        let json = TableWriter.jsonRows(t)
        XCTAssertEqual(json, expected)
        let rows = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [[String: Any]]
        XCTAssertEqual(rows.count, t.rowCount)
        XCTAssertEqual(rows[2]["word, quoted"] as? String, "say \"hi\"")
        XCTAssertTrue(rows[0]["x"] is NSNull)
        XCTAssertEqual(TableWriter.jsonRows(Table(names: ["a"], columns: [Column.from([], type: .integer)], rowCount: 0)), "[]")
    }

    // `export … with delimiter: ";", decimal: ",", bom: true` (for Russian-locale Excel): the bytes
    // written, against the file worked out by hand (share = v / 4).
    func testExportForExcelWritesSemicolonsDecimalCommasAndTheBOM() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kerwen-excel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "region,v\nАхал,1\nМары,2\nBalkan,5\n".write(to: folder.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
        let script = folder.appendingPathComponent("s.kw")
        try "load t from \"d.csv\"\nexport t | derive share = v / 4 to \"out.csv\" with delimiter: \";\", decimal: \",\", bom: true\n"
            .write(to: script, atomically: true, encoding: .utf8)
        let r = try TestSupport.runKerwen(["run", script.path], cwd: folder)
        XCTAssertEqual(r.status, 0, r.stderr)
        let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("out.csv")))
        let expected: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("region;v;share\nАхал;1;0,25\nМары;2;0,5\nBalkan;5;1,25\n".utf8)
        XCTAssertEqual(bytes, expected, String(decoding: bytes, as: UTF8.self))
    }

    // Fixed decimals, a decimal comma, a semicolon delimiter, a text holding the delimiter, a
    // period, missing cells and infinities: the bytes against a file written here by hand, as CSV
    // and as JSON. Also a table as wide as a pivot makes (300,000 columns, more fields than one
    // slice formats at once) and a table with no columns.
    func testEveryKindOfCellWrittenByHand() throws {
        var share = Column.from([.number(0.125), .number(2), .na, .number(-.infinity), .number(1234.5)], type: .number)
        share.decimals = 2
        let t = Table(names: ["region", "share", "period", "ok"],
                      columns: [Column.from([.text("Ахал"), .text("a;b"), .text("say \"x\""), .na, .text("Ахал")], type: .text), share,
                                Column.from([.period(Period(.quarterly, ordinal: 2023 * 4)), .na, .period(Period(.monthly, ordinal: 2024 * 12 + 1)),
                                             .period(Period(.annual, ordinal: 2020)), .period(Period(.daily, ordinal: 19_723))]),
                                Column.from([.boolean(true), .boolean(false), .na, .boolean(true), .boolean(false)], type: .boolean)])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kerwen-cells-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try TableWriter.writeCSV(t, to: path, options: CSVWriteOptions(delimiter: 59, decimalComma: true))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), #"""
            region;share;period;ok
            Ахал;0,13;2023-Q1;true
            "a;b";2,00;;false
            "say ""x""";;2024-02;
            ;-inf;2020;true
            Ахал;1234,50;2024-01-01;false

            """#)
        XCTAssertEqual(TableWriter.jsonRows(t), #"""
            [
              {"region": "Ахал", "share": 0.13, "period": "2023-Q1", "ok": true},
              {"region": "a;b", "share": 2.00, "period": null, "ok": false},
              {"region": "say \"x\"", "share": null, "period": "2024-02", "ok": null},
              {"region": null, "share": null, "period": "2020", "ok": true},
              {"region": "Ахал", "share": 1234.50, "period": "2024-01-01", "ok": false}
            ]
            """#)

        let wide = 300_000
        let w = Table(names: (0..<wide).map { "c\($0)" },
                      columns: (0..<wide).map { j in Column.from([.integer(Int64(j)), j % 2 == 0 ? .na : .integer(-1)], type: .integer) })
        let lines = TableWriter.csv(w).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 4)
        XCTAssertEqual(lines[1], Substring((0..<wide).map(String.init).joined(separator: ",")))
        XCTAssertEqual(lines[2], Substring((0..<wide).map { $0 % 2 == 0 ? "" : "-1" }.joined(separator: ",")))
        XCTAssertEqual(lines[3], "")

        let none = Table(names: [], columns: [], rowCount: 3)
        XCTAssertEqual(TableWriter.csv(none), "\n\n\n\n")
        XCTAssertEqual(TableWriter.jsonRows(none), "[\n  {},\n  {},\n  {}\n]")
    }

    // A table 2,100 columns wide: a chunk holds about a million fields (499 rows here), so the rows
    // are written in three chunks, each in slices; the file against text built here row by row.
    func testAWideTableIsWrittenInChunksOfAMillionFields() throws {
        let width = 2_100, rows = 1_000
        let columns = (0..<width).map { j in Column.from((0..<rows).map { i in (i + j) % 17 == 0 ? .na : .integer(Int64(i * width + j)) }, type: .integer) }
        let t = Table(names: (0..<width).map { "c\($0)" }, columns: columns)
        var expected = (0..<width).map { "c\($0)" }.joined(separator: ",") + "\n"
        for i in 0..<rows { expected += (0..<width).map { j in (i + j) % 17 == 0 ? "" : String(i * width + j) }.joined(separator: ",") + "\n" }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kerwen-wide-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try TableWriter.writeCSV(t, to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), expected)
    }
}

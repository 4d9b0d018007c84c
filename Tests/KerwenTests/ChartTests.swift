// Charts and the report read back by independent readers: the SVG parsed by Foundation's XMLParser
// (series, points, line breaks at gaps, labels, title and description counted against the data
// written here), the same bytes twice; rendered by headless Chromium when it is installed; the
// report parsed as XML, printed to PDF by Chromium and read back by pdftotext, its file checksums
// compared with `sha256sum`'s.

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

final class ChartTests: XCTestCase {
    /// Elements and texts of an XML document, counted.
    final class Census: NSObject, XMLParserDelegate {
        var elements: [String: Int] = [:]
        var classes: [String: Int] = [:]
        var texts: [String] = []
        var seriesNames: [String] = []
        var pointsPerSeries: [Int] = []
        var polylinesPerSeries: [Int] = []
        private var text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements[name, default: 0] += 1
            if let c = attributes["class"] { classes[c, default: 0] += 1 }
            if attributes["class"] == "series" { seriesNames.append(attributes["data-name"] ?? ""); pointsPerSeries.append(0); polylinesPerSeries.append(0) }
            if attributes["class"] == "point", !pointsPerSeries.isEmpty { pointsPerSeries[pointsPerSeries.count - 1] += 1 }
            if name == "polyline", !polylinesPerSeries.isEmpty { polylinesPerSeries[polylinesPerSeries.count - 1] += 1 }
            text = ""
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { texts.append(text.trimmingCharacters(in: .whitespacesAndNewlines)) }
            text = ""
        }
    }

    static func census(_ data: Data) throws -> Census {
        let parser = XMLParser(data: data)
        let census = Census()
        parser.delegate = census
        XCTAssertTrue(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        return census
    }

    /// Three series over quarters: Андижон complete, Хоразм with a missing value (a gap), and the total.
    static let quarters = """
    region,quarter,departures
    Андижон,2023Q1,100
    Андижон,2023Q2,120
    Андижон,2023Q3,130
    Андижон,2023Q4,110
    Хоразм,2023Q1,50
    Хоразм,2023Q2,
    Хоразм,2023Q3,70
    Хоразм,2023Q4,65
    _T,2023Q1,150
    _T,2023Q2,120
    _T,2023Q3,200
    _T,2023Q4,175

    """

    func testSVGIsWellFormedCompleteAndTheSameEveryTime() throws {
        let work = try TestSupport.scratchFolder("kerwen-svg")
        defer { try? FileManager.default.removeItem(at: work) }
        try Self.quarters.write(to: work.appendingPathComponent("q.csv"), atomically: true, encoding: .utf8)
        let script = """
        load q from "q.csv"
        plot q over quarter by region with title: "Выезды по кварталам", y: "persons" to "a.svg"
        plot q over quarter by region with title: "Выезды по кварталам", y: "persons" to "b.svg"
        plot q | where quarter == "2023Q3" over region as bar to "bars.svg"
        """
        let result = try TestSupport.runKerwen([], stdin: script, cwd: work)
        XCTAssertEqual(result.status, 0, result.stderr)
        let a = try Data(contentsOf: work.appendingPathComponent("a.svg")), b = try Data(contentsOf: work.appendingPathComponent("b.svg"))
        XCTAssertEqual(a, b, "the same chart gives the same bytes")
        let svg = try Self.census(a)
        XCTAssertEqual(svg.elements["svg"], 1)
        XCTAssertEqual(svg.elements["title"], 1)
        XCTAssertEqual(svg.elements["desc"], 1)
        XCTAssertEqual(svg.seriesNames, ["Андижон", "Хоразм", "_T"])
        // Every present value is a marker; Хоразм's missing 2023Q2 breaks its line in two runs, one
        // of a single point (no polyline) — so one polyline, and the others one each.
        XCTAssertEqual(svg.pointsPerSeries, [4, 3, 4])
        XCTAssertEqual(svg.polylinesPerSeries, [1, 1, 1])
        for label in ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "Выезды по кварталам", "persons", "quarter", "Андижон", "Хоразм"] {
            XCTAssertTrue(svg.texts.contains(label), "\(label) among the texts \(svg.texts)")
        }
        let text = String(decoding: a, as: UTF8.self)
        XCTAssertFalse(text.contains("nan") || text.contains("inf"), "no non-finite coordinate")
        XCTAssertTrue(text.contains("DejaVu Sans"), "a font with Cyrillic letters is named")
        let bars = try Self.census(try Data(contentsOf: work.appendingPathComponent("bars.svg")))
        XCTAssertEqual(bars.classes["bar"], 3)
        for value in ["130", "70", "200"] { XCTAssertTrue(bars.texts.contains(value), "\(value) beside its bar: \(bars.texts)") }
    }

    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func runChromium(_ arguments: [String]) throws {
        // Under `timeout`: a browser that hangs must not hang the test run.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        p.arguments = ["120", chromium!, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-pdf-header-footer"] + arguments
        p.standardError = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
    }

    func testChromiumDrawsTheSVG() throws {
        guard Self.chromium != nil else { throw XCTSkip("Chromium is not installed (Debian: chromium)") }
        let work = TestSupport.repoRoot.appendingPathComponent(".build/chart-render")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try Self.quarters.write(to: work.appendingPathComponent("q.csv"), atomically: true, encoding: .utf8)
        let result = try TestSupport.runKerwen([], stdin: "load q from \"q.csv\"\nplot q over quarter by region with title: \"Выезды\" to \"q.svg\"", cwd: work)
        XCTAssertEqual(result.status, 0, result.stderr)
        let png = work.appendingPathComponent("q.png")
        try? FileManager.default.removeItem(at: png)
        try Self.runChromium(["--window-size=760,440", "--screenshot=\(png.path)", work.appendingPathComponent("q.svg").absoluteString])
        let bytes = [UInt8](try Data(contentsOf: png))
        // A PNG of the window's size (IHDR: width and height, big-endian, at bytes 16–23).
        XCTAssertEqual(Array(bytes.prefix(8)), [137, 80, 78, 71, 13, 10, 26, 10])
        func be32(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        XCTAssertEqual(be32(16), 760)
        XCTAssertEqual(be32(20), 440)
        XCTAssertGreaterThan(bytes.count, 5_000, "something was drawn")
    }

    func testReportIsSelfContainedPrintsAndListsTheFilesChecksums() throws {
        let examples = TestSupport.repoRoot.appendingPathComponent("examples")
        let result = try TestSupport.runKerwen(["run", "report.kw"], cwd: examples, env: ["KERWEN_REPORT_DATE": "2026-12-05 12:00 UTC"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let html = examples.appendingPathComponent("out/central_asia.html")
        let data = try Data(contentsOf: html)
        let census = try Self.census(data)
        XCTAssertEqual(census.elements["section", default: 0], 7 + 2, "seven indicators, the checks and the run")
        let text = String(decoding: data, as: UTF8.self)
        for pattern in ["src=\"http", "href=\"http", "url(http", "@import", "<script", "<link"] {
            XCTAssertFalse(text.contains(pattern), "nothing is fetched: \(pattern)")
        }
        // Each data file's SHA-256 as sha256sum computes it.
        let files = ["data/real/un-sdg/indicator_10-c-1-SI_RMT_COST.csv", "data/real/un-sdg/indicator_17-3-2.csv"]
        for file in files {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            p.arguments = [examples.appendingPathComponent(file).path]
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            p.waitUntilExit()
            let digest = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: " ")[0]
            XCTAssertTrue(text.contains(String(digest)), "\(file): \(digest) in the report")
        }
        guard Self.chromium != nil else { throw XCTSkip("Chromium is not installed (Debian: chromium)") }
        let pdf = TestSupport.repoRoot.appendingPathComponent(".build/central_asia.pdf")
        try? FileManager.default.removeItem(at: pdf)
        try Self.runChromium(["--print-to-pdf=\(pdf.path)", html.absoluteString])
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else { throw XCTSkip("pdftotext is not installed (Debian: poppler-utils)") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        p.arguments = [pdf.path, "-"]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
        p.waitUntilExit()
        for title in ["Average remittance cost of sending USD 200", "Refugees by country of origin per 100,000 population",
                      "Local governments with disaster risk reduction strategies", "Personal remittances received, % of GDP",
                      "Open Data Inventory (ODIN) score", "Central Asia: migration and disaster SDG indicators", "SHA-256"] {
            XCTAssertTrue(printed.contains(title), "\(title) in the printed report")
        }
    }
}

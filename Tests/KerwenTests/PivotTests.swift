// pivot wider and pivot longer against DuckDB's PIVOT and UNPIVOT on a few thousand rows, cell by
// cell (DuckDB from the benchmark's environment, .build/bench-venv, made by Benchmarks/setup.sh).

import Foundation
import XCTest

final class PivotTests: XCTestCase {
    func testPivotWiderAndLongerMatchDuckDB() throws {
        let python = try TestSupport.duckDBPython()
        let work = try TestSupport.scratchFolder("kerwen-pivot")
        defer { try? FileManager.default.removeItem(at: work) }
        // 10 regions × 10 years × 10 ages × 3 sexes, a tenth of the combinations left out and a
        // twentieth of the values missing (a fixed generator, so the file is the same every run).
        var state: UInt64 = 42
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        var csv = "region,year,age,sex,value\n"
        for r in 1...10 { for y in 2015...2024 { for a in stride(from: 15, to: 65, by: 5) { for s in ["F", "M", "_T"] {
            if next() % 10 == 0 { continue }
            let v = next() % 20 == 0 ? "" : String(Double(next() % 100_000) / 100)
            csv += "R\(r),\(y),Y\(a),\(s),\(v)\n"
        } } } }
        try csv.write(to: work.appendingPathComponent("long.csv"), atomically: true, encoding: .utf8)
        let script = """
        load t from "long.csv"
        export t | pivot wider names from sex values from value to "wide.csv"
        load w from "wide.csv"
        export w | pivot longer except region, year, age into sex, value to "longer.csv"
        """
        let result = try TestSupport.runKerwen([], stdin: script, cwd: work)
        XCTAssertEqual(result.status, 0, result.stderr)
        for (command, input, output) in [("wider", "long.csv", "duck_wide.csv"), ("longer", "wide.csv", "duck_long.csv")] {
            let p = Process()
            p.executableURL = python
            p.arguments = [TestSupport.repoRoot.appendingPathComponent("Tests/formats/pivot_duckdb.py").path, command,
                           work.appendingPathComponent(input).path, work.appendingPathComponent(output).path]
            try p.run()
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0)
        }
        func cells(_ file: String, value columns: [String]) throws -> [String: String] {
            let rows = try FormatTests.csvRows(work.appendingPathComponent(file))
            var out: [String: String] = [:]
            for row in rows {
                for c in columns {
                    let key = "\(row["region"]!)|\(row["year"]!)|\(row["age"]!)|\(c == "value" ? row["sex"]! : c)"
                    let v = row[c] ?? ""
                    out[key] = v.isEmpty ? "na" : String(Double(v)!)
                }
            }
            return out
        }
        let ours = try cells("wide.csv", value: ["F", "M", "_T"]), duck = try cells("duck_wide.csv", value: ["F", "M", "_T"])
        XCTAssertEqual(ours.count, duck.count)
        XCTAssertGreaterThan(ours.count, 2000)
        XCTAssertEqual(ours, duck)
        let oursLong = try cells("longer.csv", value: ["value"]), duckLong = try cells("duck_long.csv", value: ["value"])
        XCTAssertEqual(oursLong, duckLong)
        XCTAssertEqual(try FormatTests.csvRows(work.appendingPathComponent("longer.csv")).count, ours.count)
    }

    func testAPivotOnAnIdentifierStopsWithAMessage() throws {
        // 10,001 distinct names: more columns than a pivot makes (E164), said at once, nothing built.
        let work = try TestSupport.scratchFolder("kerwen-pivot")
        defer { try? FileManager.default.removeItem(at: work) }
        var csv = "id,value\n"
        for i in 0...10_000 { csv += "p\(i),\(i)\n" }
        try csv.write(to: work.appendingPathComponent("ids.csv"), atomically: true, encoding: .utf8)
        let result = try TestSupport.runKerwen([], stdin: "load t from \"ids.csv\"\nshow t | pivot wider names from id values from value\n", cwd: work)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("E164"), result.stderr)
        XCTAssertTrue(result.stderr.contains("10,001"), result.stderr)
    }
}

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
            default: return .number(Double(i % 1000) / 8 - 3.3)
            }
        }
        let texts: [Scalar] = (0..<n).map { i in words[i % words.count].isEmpty ? .na : .text(words[i % words.count]) }
        let flags: [Scalar] = (0..<n).map { $0 % 5 == 0 ? .na : .boolean($0 % 2 == 0) }
        return Table(names: ["id", "x", "word, quoted", "flag"],
                     columns: [Column.from(ints, type: .integer), Column.from(nums, type: .number),
                               Column.from(texts, type: .text), Column.from(flags, type: .boolean)])
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
            for j in 0..<4 where j != 1 || r % 9 != 3 {   // -0.0 is written "0"
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
}

// A table of 300 rows — several 64-row validity words — with missing cells and zero divisors,
// shared by the kernel and deferred-filter tests, and a runner that exports a script's result `r`.

import Foundation
import XCTest

enum KernelFixture {
    struct Row { var a: Double?; var b: Double?; var k: Int; var g: String }

    /// a: missing every 7th row; b: zero every 5th row, missing every 11th; k: 0…9; g: three groups.
    static let rows: [Row] = (0..<300).map { i in
        Row(a: i % 7 == 3 ? nil : Double(i) * 1.25 - 40,
            b: i % 11 == 4 ? nil : (i % 5 == 0 ? 0 : Double(i % 13) - 6.5),
            k: i % 10, g: ["north", "south", "east"][i % 3])
    }

    static func csv() -> String {
        "a,b,k,g\n" + rows.map { r in
            [r.a.map { "\($0)" } ?? "", r.b.map { "\($0)" } ?? "", "\(r.k)", r.g].joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }

    /// Runs `script` over the table (as `t`) and returns the exported CSV's rows and the warnings.
    static func run(_ script: String) throws -> (rows: [[String]], err: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kerwen-kernels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try csv().write(to: dir.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
        let (_, err, ok) = try TestSupport.session("load t from \"t.csv\"\n" + script + "\nexport r to \"r.csv\"\n", base: dir)
        XCTAssertTrue(ok, err)
        let text = try String(contentsOf: dir.appendingPathComponent("r.csv"), encoding: .utf8)
        // Not omitting empty lines: a one-column row whose cell is missing is an empty line.
        return (text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }, err)
    }
}

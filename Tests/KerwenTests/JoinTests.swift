// Joins on encoded keys against a nested-loop join written here in plain Swift: text keys from
// different dictionaries, integer keys in a small and in a wide range, a number matched with an
// integer, missing keys (never matching), repeated right keys (one row per match), left joins and
// the `_right` suffix, in the left table's row order and each match in the right table's order.

import Foundation
import XCTest

final class JoinTests: XCTestCase {
    private struct Left { var id: Int; var region: String?; var year: Int?; var code: Int; var x: Double }
    private struct Right { var region: String?; var year: Double; var code: Int; var x: Int }

    private static let regions = ["Andijan", "Bukhara", "Fergana", "Khorezm", "Navoi"]

    private static func makeLeft(_ i: Int) -> Left {
        let region: String? = i % 13 == 5 ? nil : regions[i % 4]
        let year: Int? = i % 17 == 2 ? nil : 2015 + i % 6
        return Left(id: i, region: region, year: year, code: (i % 5) * 1_000_000_007, x: Double(i) / 4)
    }

    // Navoi appears only on the right; years written as 2017.0 (a number column); the last row has no region.
    private static func makeRight(_ j: Int) -> Right {
        let region: String? = j == 29 ? nil : regions[(j * 3) % 5]
        return Right(region: region, year: Double(2015 + j % 6), code: (j % 7) * 1_000_000_007, x: j)
    }

    private let left: [Left] = (0..<400).map(JoinTests.makeLeft)
    private let right: [Right] = (0..<30).map(JoinTests.makeRight)

    private func write(_ dir: URL) throws {
        let l = "id,region,year,code,x\n" + left.map { "\($0.id),\($0.region ?? ""),\($0.year.map(String.init) ?? ""),\($0.code),\($0.x)" }.joined(separator: "\n")
        let r = "region,year,code,x\n" + right.map { "\($0.region ?? ""),\(String(format: "%.1f", $0.year)),\($0.code),\($0.x)" }.joined(separator: "\n")
        try (l + "\n").write(to: dir.appendingPathComponent("l.csv"), atomically: true, encoding: .utf8)
        try (r + "\n").write(to: dir.appendingPathComponent("r.csv"), atomically: true, encoding: .utf8)
    }

    private func run(_ pipeline: String) throws -> [String] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kerwen-join-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try write(dir)
        let script = "load l from \"l.csv\"\nload r from \"r.csv\"\nlet out = l | \(pipeline)\nexport out to \"out.csv\"\n"
        let (_, err, ok) = try TestSupport.session(script, base: dir)
        XCTAssertTrue(ok, err)
        return try String(contentsOf: dir.appendingPathComponent("out.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func testInnerJoinOnTextAndYearAcrossIntegerAndNumber() throws {
        let got = try run("join r on region, year | select id, x, x_right").dropFirst().map { line -> [Double] in
            line.split(separator: ",").map { Double($0)! }
        }
        var expected: [[Double]] = []
        for l in left {
            for r in right where l.region != nil && l.region == r.region && l.year.map(Double.init) == r.year {
                expected.append([Double(l.id), l.x, Double(r.x)])
            }
        }
        XCTAssertGreaterThan(expected.count, 40)
        XCTAssertEqual(got, expected)
    }

    func testLeftJoinOnAWideIntegerKeyKeepsUnmatchedRows() throws {
        let got = try run("left join r on code | select id, code, x_right | sort id")
        var expected = ["id,code,x_right"]
        for l in left {
            let matches = right.filter { $0.code == l.code }
            if matches.isEmpty { expected.append("\(l.id),\(l.code),") }
            for r in matches { expected.append("\(l.id),\(l.code),\(r.x)") }
        }
        XCTAssertEqual(got, expected)
    }

    func testColumnsPrunedBeforeAJoinKeepTheRightSuffix() throws {
        // Only `id` and `x_right` are read after the join: the left `x` must stay for the suffix.
        let got = try run("join r on region, year | select id, x_right")
        XCTAssertEqual(got.first, "id,x_right")
        XCTAssertGreaterThan(got.count, 40)
    }
}

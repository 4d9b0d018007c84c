// The column kernels (arithmetic, comparisons, logic, is_na, filters, sums by group) on a table of
// 300 rows — several 64-row validity words — with missing cells and zero divisors, checked row by
// row against plain Swift written here from the generated values, not from Kerwen's output.

import Foundation
import XCTest

final class ColumnKernelTests: XCTestCase {
    private let data = KernelFixture.rows
    private func run(_ script: String) throws -> (rows: [[String]], err: String) { try KernelFixture.run(script) }

    func testDivisionByZeroIsMissingAndCountedOnce() throws {
        let (rows, err) = try run("let r = t | derive q = a / b * 2 | select q")
        var zeroDivisions = 0
        for (i, r) in data.enumerated() {
            guard let a = r.a, let b = r.b else { XCTAssertEqual(rows[i][0], "", "row \(i)"); continue }
            if b == 0 { zeroDivisions += 1; XCTAssertEqual(rows[i][0], "", "row \(i)"); continue }
            XCTAssertEqual(Double(rows[i][0])!, a / b * 2, accuracy: 1e-12 * max(1, abs(a / b * 2)), "row \(i)")
        }
        XCTAssertTrue(err.contains("\(zeroDivisions)"), err)
    }

    func testComparisonsLogicAndIsNA() throws {
        let (rows, _) = try run("""
        let r = t | derive big = a > 10, even = k == 4 or k == 6, both = a > 10 and k >= 5, gone = is_na(a) or is_na(b)
          | select big, even, both, gone
        """)
        for (i, r) in data.enumerated() {
            let big: Bool? = r.a.map { $0 > 10 }
            XCTAssertEqual(rows[i][0], big.map { "\($0)" } ?? "", "big, row \(i)")
            XCTAssertEqual(rows[i][1], "\(r.k == 4 || r.k == 6)", "even, row \(i)")
            // Kleene: false and na is false; true and na is na.
            let both: Bool? = r.k >= 5 ? big : false
            XCTAssertEqual(rows[i][2], both.map { "\($0)" } ?? "", "both, row \(i)")
            XCTAssertEqual(rows[i][3], "\(r.a == nil || r.b == nil)", "gone, row \(i)")
        }
    }

    func testFilterKeepsMissingCellsInTheirRows() throws {
        // Kept rows cross 64-row words at different offsets from the source rows.
        let (rows, _) = try run("let r = t | where k != 2 and k != 7 | select a, b, k")
        let kept = data.filter { $0.k != 2 && $0.k != 7 }
        XCTAssertEqual(rows.count, kept.count)
        for (j, r) in kept.enumerated() {
            XCTAssertEqual(Double(rows[j][0]), r.a, "a, kept row \(j)")
            XCTAssertEqual(Double(rows[j][1]), r.b, "b, kept row \(j)")
            XCTAssertEqual(rows[j][2], "\(r.k)", "k, kept row \(j)")
        }
    }

    func testWeightedAndPlainSumsByGroup() throws {
        let (rows, err) = try run("""
        let r = t | where not is_na(a) | derive w = k + 1 | group by g
          | summarize s = sum(a), ws = wsum(a, w), wm = wmean(a, w), sb = sum(b)
        """)
        var s: [String: Double] = [:], ws: [String: Double] = [:], w: [String: Double] = [:], sb: [String: Double] = [:]
        var skipped = 0
        for r in data {
            guard let a = r.a else { continue }
            s[r.g, default: 0] += a
            ws[r.g, default: 0] += a * Double(r.k + 1)
            w[r.g, default: 0] += Double(r.k + 1)
            if let b = r.b { sb[r.g, default: 0] += b } else { skipped += 1 }
        }
        XCTAssertEqual(rows.map { $0[0] }, ["east", "north", "south"])
        for row in rows {
            let g = row[0]
            XCTAssertEqual(Double(row[1])!, s[g]!, accuracy: 1e-9)
            XCTAssertEqual(Double(row[2])!, ws[g]!, accuracy: 1e-9)
            XCTAssertEqual(Double(row[3])!, ws[g]! / w[g]!, accuracy: 1e-9)
            XCTAssertEqual(Double(row[4])!, sb[g]!, accuracy: 1e-9)
        }
        // The sum of b skipped its missing cells and said how many.
        XCTAssertTrue(err.contains("\(skipped)"), err)
    }

    func testMedianAndQuantileByGroupSkipMissingCells() throws {
        let (rows, _) = try run("let r = t | group by g | summarize m = median(a), q = quantile(b, 0.9)")
        func quantile(_ v: [Double], _ p: Double) -> Double {
            let s = v.sorted(), h = Double(s.count - 1) * p, lo = Int(h)
            return lo + 1 < s.count ? s[lo] + (h - Double(lo)) * (s[lo + 1] - s[lo]) : s[lo]
        }
        for row in rows {
            let members = data.filter { $0.g == row[0] }
            XCTAssertEqual(Double(row[1])!, quantile(members.compactMap(\.a), 0.5), accuracy: 1e-12, row[0])
            XCTAssertEqual(Double(row[2])!, quantile(members.compactMap(\.b), 0.9), accuracy: 1e-12, row[0])
        }
        XCTAssertEqual(rows.count, 3)
    }

    func testGroupingByBooleanIntegerAndTextKeysWithMissingValues() throws {
        // `big` is na where a is missing; groups come out ordered by their keys, na last.
        let (rows, _) = try run("let r = t | derive big = a > 10 | group by big, k, g | summarize n = count()")
        var counts: [String: Int] = [:]
        for r in data { counts["\(r.a.map { $0 > 10 ? "true" : "false" } ?? "")|\(r.k)|\(r.g)", default: 0] += 1 }
        XCTAssertEqual(rows.count, counts.count)
        for row in rows { XCTAssertEqual(Int(row[3]), counts[row[0...2].joined(separator: "|")], row.joined(separator: ",")) }
        XCTAssertEqual(rows.first?[0], "false")
        XCTAssertEqual(rows.last?[0], "")
    }

    /// The order plain Swift gives: by each key (missing last either way), ties by row number.
    private func expectedOrder(_ keys: [(KernelFixture.Row) -> Double?], descending: [Bool]) -> [Int] {
        Array(data.indices).sorted { i, j in
            for (key, desc) in zip(keys, descending) {
                let a = key(data[i]), b = key(data[j])
                if (a == nil) != (b == nil) { return a != nil }
                if let a, let b, a != b { return desc ? a > b : a < b }
            }
            return i < j
        }
    }

    func testSortByNumbersWithMissingValuesAndTies() throws {
        // b repeats and is missing every 11th row; a breaks ties, descending, missing every 7th row.
        let all = try run("let r = t | derive row = k | sort b, -a | select a, b")
        let order = expectedOrder([{ $0.b }, { $0.a }], descending: [false, true])
        XCTAssertEqual(all.rows.count, data.count)
        for (j, i) in order.enumerated() {
            XCTAssertEqual(Double(all.rows[j][0]), data[i].a, "a at \(j)")
            XCTAssertEqual(Double(all.rows[j][1]), data[i].b, "b at \(j)")
        }
        // `take` after `sort` keeps the first rows of the same order (from a heap, not a full sort).
        let top = try run("let r = t | sort -a | take 7 | select a")
        XCTAssertEqual(top.rows.map { Double($0[0]) }, expectedOrder([{ $0.a }], descending: [true]).prefix(7).map { data[$0].a })
        let single = try run("let r = t | sort a | select a")
        XCTAssertEqual(single.rows.map { Double($0[0]) }, expectedOrder([{ $0.a }], descending: [false]).map { data[$0].a })
    }

    func testSortByTextDescendingThenInteger() throws {
        let (rows, _) = try run("let r = t | sort -g, k | take 40 | select g, k")
        let order = Array(data.indices).sorted { i, j in
            data[i].g != data[j].g ? data[i].g > data[j].g : (data[i].k != data[j].k ? data[i].k < data[j].k : i < j)
        }
        XCTAssertEqual(rows.map { $0[0] + "," + $0[1] }, order.prefix(40).map { "\(data[$0].g),\(data[$0].k)" })
    }

    func testTextFunctionsOncePerValueAndCoalesce() throws {
        // `label` is missing where a is; upper/length/concat computed per distinct value, spread by code.
        let (rows, _) = try run("""
        let r = t | derive label = if is_na(a) then na else g, code = concat(upper(g), "-", label), size = length(label),
                    filled = coalesce(a, b, -1), whole = coalesce(k, 0), back = number(text(k)), shown = text(a)
          | select code, size, filled, whole, back, shown
        """)
        for (i, r) in data.enumerated() {
            let label: String? = r.a == nil ? nil : r.g
            XCTAssertEqual(rows[i][0], label.map { r.g.uppercased() + "-" + $0 } ?? "", "code, row \(i)")
            XCTAssertEqual(rows[i][1], label.map { "\($0.count)" } ?? "", "size, row \(i)")
            XCTAssertEqual(Double(rows[i][2]), r.a ?? r.b ?? -1, "filled, row \(i)")
            XCTAssertEqual(rows[i][3], "\(r.k)", "whole, row \(i)")
            XCTAssertEqual(Double(rows[i][4]), Double(r.k), "back, row \(i)")
            XCTAssertEqual(Double(rows[i][5]), r.a, "shown, row \(i)")
        }
    }

    func testConditionalBetweenTextColumnsAndConstants() throws {
        let (rows, _) = try run("""
        let r = t | derive band = if a > 10 then "high" else if a <= 10 then g else na | select band
        """)
        for (i, r) in data.enumerated() {
            let band: String? = r.a.map { $0 > 10 ? "high" : r.g }
            XCTAssertEqual(rows[i][0], band ?? "", "row \(i)")
        }
    }
}

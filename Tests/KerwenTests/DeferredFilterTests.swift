// A `where` followed (through derive/select/rename/where) by `summarize` is kept as a mask instead
// of copying its rows. These tests check that the results, the division-by-zero warnings and the
// skipped-value notes are those of the rows the filters kept — computed here in plain Swift.

import Foundation
import XCTest

final class DeferredFilterTests: XCTestCase {
    private let data = KernelFixture.rows
    private func run(_ script: String) throws -> (rows: [[String]], err: String) { try KernelFixture.run(script) }

    func testWarningsAndNotesCountOnlyKeptRows() throws {
        let (rows, err) = try run("""
        let r = t | where k >= 4 | derive q = a / b | where g != "east" | group by g | summarize s = sum(q), n = count()
        """)
        var sum: [String: Double] = [:], n: [String: Int] = [:]
        var zeroDivisions = 0, skipped = 0
        for r in data where r.k >= 4 {
            // The division runs before the second filter: its rows count, east included.
            guard let a = r.a, let b = r.b else {
                if r.g != "east" { skipped += 1; n[r.g, default: 0] += 1 }
                continue
            }
            if b == 0 { zeroDivisions += 1 }
            guard r.g != "east" else { continue }
            n[r.g, default: 0] += 1
            if b == 0 { skipped += 1 } else { sum[r.g, default: 0] += a / b }
        }
        XCTAssertEqual(rows.map { $0[0] }, ["north", "south"])
        for row in rows {
            XCTAssertEqual(Double(row[1])!, sum[row[0]]!, accuracy: 1e-9, row[0])
            XCTAssertEqual(Int(row[2]), n[row[0]], row[0])
        }
        XCTAssertTrue(err.contains("division by zero in \(zeroDivisions) rows"), err)
        XCTAssertTrue(err.contains("skipped \(skipped) missing values"), err)
    }

    func testNoWarningWhenTheFilterRemovesTheZeroDivisors() throws {
        let (rows, err) = try run("let r = t | where b != 0 | derive q = a / b | summarize s = sum(q)")
        let expected = data.compactMap { r -> Double? in
            guard let a = r.a, let b = r.b, b != 0 else { return nil }
            return a / b
        }.reduce(0, +)
        XCTAssertEqual(Double(rows[0][0])!, expected, accuracy: 1e-9)
        XCTAssertFalse(err.contains("division by zero"), err)
    }

    func testNestedAggregateSeesOnlyKeptRowsOfItsGroup() throws {
        let (rows, _) = try run("""
        let r = t | where k != 3 and not is_na(a) | rename a to income | select income, g
          | group by g | summarize low = share(income < 0.5 * median(income))
        """)
        for row in rows {
            let incomes = data.filter { $0.g == row[0] && $0.k != 3 }.compactMap(\.a)
            let sorted = incomes.sorted()
            let h = Double(sorted.count - 1) * 0.5, lo = Int(h)
            let median = sorted[lo] + (h - Double(lo)) * (sorted[min(lo + 1, sorted.count - 1)] - sorted[lo])
            let share = Double(incomes.filter { $0 < 0.5 * median }.count) / Double(incomes.count)
            XCTAssertEqual(Double(row[1])!, share, accuracy: 1e-12, row[0])
        }
        XCTAssertEqual(rows.count, 3)
    }

    func testFilterKeepingNothing() throws {
        let grouped = try run("let r = t | where k > 100 | group by g | summarize n = count()")
        XCTAssertEqual(grouped.rows.count, 0)
        let total = try run("let r = t | where k > 100 | summarize n = count(), s = sum(a)")
        XCTAssertEqual(total.rows, [["0", ""]])
    }

    func testWeightedMeanAndMedianReadTheMaskDirectly() throws {
        // No missing value in x or w (the sums read through the mask); a has missing cells (the median
        // skips them among the kept rows only).
        let (rows, err) = try run("""
        let r = t | where k != 1 and k != 8 | derive x = k * 1.5, w = k + 1
          | group by g | summarize wm = wmean(x, w), s = sum(x), m = median(a)
        """)
        for row in rows {
            let kept = data.filter { $0.g == row[0] && $0.k != 1 && $0.k != 8 }
            let ws = kept.map { Double($0.k) * 1.5 * Double($0.k + 1) }.reduce(0, +)
            let w = kept.map { Double($0.k + 1) }.reduce(0, +)
            XCTAssertEqual(Double(row[1])!, ws / w, accuracy: 1e-12, row[0])
            XCTAssertEqual(Double(row[2])!, kept.map { Double($0.k) * 1.5 }.reduce(0, +), accuracy: 1e-9, row[0])
            let a = kept.compactMap(\.a).sorted()
            let h = Double(a.count - 1) * 0.5, lo = Int(h)
            XCTAssertEqual(Double(row[3])!, a[lo] + (h - Double(lo)) * (a[lo + 1] - a[lo]), accuracy: 1e-12, row[0])
        }
        let missingA = data.filter { $0.k != 1 && $0.k != 8 && $0.a == nil }.count
        XCTAssertTrue(err.contains("`median(a)` skipped \(missingA) missing values"), err)
    }
}

// `describe`'s figures (ColumnSummary) against Swift's Set and plain loops over the same values.

import KerwenData
import XCTest

final class ColumnSummaryTests: XCTestCase {
    func testDistinctCountsMinMaxAndMeanOfNumbers() {
        // Many repeats, -0.0 beside 0.0, missing cells.
        var values: [Scalar] = (0..<50_000).map { i in i % 9 == 4 ? .na : .number(Double((i * 7919) % 3_001) / 4 - 200) }
        values += [.number(-0.0), .number(0.0)]
        let c = Column.from(values, type: .number)
        let present = values.compactMap { v -> Double? in if case .number(let d) = v { return d } else { return nil } }
        let s = ColumnSummary.of(c)
        XCTAssertEqual(s.distinct, Set(present.map { $0 == 0 ? 0.0 : $0 }.map(\.bitPattern)).count)
        XCTAssertEqual(s.missing, values.count - present.count)
        XCTAssertEqual(s.min, present.min())
        XCTAssertEqual(s.max, present.max())
        XCTAssertEqual(s.mean!, present.reduce(0, +) / Double(present.count), accuracy: 1e-9)
    }

    func testIntegersInANarrowAndAWideRange() {
        let narrow = (0..<10_000).map { Scalar.integer(Int64(2015 + $0 % 10)) }
        XCTAssertEqual(ColumnSummary.of(Column.from(narrow, type: .integer)).distinct, 10)
        // Hashed: one value is the counter's free-slot pattern, counted apart.
        let free: Int64 = 0x7FF8_DEAD_BEEF_0001
        let wide: [Scalar] = (0..<10_000).map { .integer(Int64($0 % 777) * 1_000_000_007 - 5) } + [.na, .integer(free), .integer(free)]
        let s = ColumnSummary.of(Column.from(wide, type: .integer))
        XCTAssertEqual(s.distinct, 778)
        XCTAssertEqual(s.intMin, -5)
        XCTAssertEqual(s.intMax, free)
        XCTAssertEqual(s.missing, 1)
    }

    func testMostFrequentTexts() {
        let words = ["Russia", "Kazakhstan", "Russia", "UAE", "Kazakhstan", "Russia", "Turkey"]
        let s = ColumnSummary.of(Column.from(words.map { .text($0) } + [.na], type: .text))
        XCTAssertEqual(s.distinct, 4)
        XCTAssertEqual(s.top.map(\.text), ["Russia", "Kazakhstan", "Turkey"])
        XCTAssertEqual(s.top.map(\.count), [3, 2, 1])
    }
}

// TAB completion in isolation: what the prompt offers for a line and a cursor position.

import Foundation
import KerwenREPL
import XCTest

final class CompleterTests: XCTestCase {
    private let completer = Completer(
        names: [("survey", ["sex", "monthly_income_usd", "migratory_status"]), ("year", nil)],
        functions: ["median", "mean", "per_100k"],
        baseDirectory: TestSupport.repoRoot.appendingPathComponent("examples"))

    /// Candidates for the word that ends at the end of `line`.
    private func complete(_ line: String) -> [String] {
        let bytes = Array(line.utf8)
        var start = bytes.count
        while start > 0, let c = Unicode.Scalar(UInt32(bytes[start - 1])), c.properties.isAlphabetic || c == "_" || ("0"..."9").contains(c) { start -= 1 }
        return completer.complete(line: line, wordStart: start, cursor: bytes.count)
    }

    func testMetaCommands() {
        XCTAssertEqual(complete(":de"), ["decimals", "describe"])
        XCTAssertEqual(complete(":des"), ["describe"])
        XCTAssertEqual(complete(":mode j"), ["json"])
    }

    func testStatementsNamesAndFunctionsAtTheStart() {
        XCTAssertEqual(complete("sh"), ["show"])
        XCTAssertEqual(complete("su"), ["survey"])
        XCTAssertEqual(complete("per"), ["per_100k("])
    }

    func testStepsAfterABarAndColumnsInsideAStep() {
        XCTAssertEqual(complete("show survey | wh"), ["where"])
        XCTAssertEqual(complete("show survey | where monthly_inc"), ["monthly_income_usd"])
        XCTAssertEqual(complete("show survey | group by sex | summarize m = med"), ["median("])
        XCTAssertEqual(complete("show survey | group "), ["by"])
    }

    func testColumnsAfterADatasetDot() {
        XCTAssertEqual(complete("show survey.mig"), ["migratory_status"])
    }

    func testBlockFieldsAndCheckRulesOnAnIndentedLine() {
        XCTAssertEqual(complete("  nee"), ["needs"])
        XCTAssertEqual(complete("  uni"), ["unique", "unit"])
        XCTAssertEqual(complete("  tot"), ["total", "totals"])
    }

    func testPathsInsideQuotes() {
        XCTAssertTrue(complete("load s from \"data/lab").contains("labour_migrants.csv\"") || complete("load s from \"data/lab").contains { $0.hasPrefix("labour_migrants.csv") }, "\(complete("load s from \"data/lab"))")
        XCTAssertTrue(complete("load s from \"dat").contains("data/"))
    }
}

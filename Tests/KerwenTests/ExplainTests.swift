// `explain` tells the truth: it is generated from the plan, so changing an indicator's filter,
// scale, dimensions, totals or measures changes the words accordingly (a fixed text would fail).

import Foundation
import KerwenDiagnostics
import KerwenSession
import XCTest

final class ExplainTests: XCTestCase {
    private func explain(_ indicator: String, language: Language = .en) throws -> String {
        let folder = TestSupport.repoRoot.appendingPathComponent("Tests/golden/data")
        let session = Session(baseDirectory: folder, language: language)
        var out = "", err = ""
        session.writeOut = { out += $0 }
        session.writeErr = { err += $0 }
        let ok = try session.run(text: "load t from \"pop_parts.csv\"\n" + indicator + "\nexplain x\n", name: "e.kw")
        XCTAssertTrue(ok, err)
        return out
    }

    private let base = """
    indicator x {
      data: t | where year >= 2020
      numerator: sum(people)
      denominator: count()
      scale: 100
      by: area
    }
    """

    func testTheFilterIsTheOneInTheDefinition() throws {
        let a = try explain(base)
        XCTAssertTrue(a.contains("only those where `year` is at least 2020"), a)
        let b = try explain(base.replacingOccurrences(of: "year >= 2020", with: "year < 2021 and area != \"_T\""))
        XCTAssertTrue(b.contains("only those where `year` is below 2021 and `area` is not \"_T\""), b)
        XCTAssertFalse(b.contains("2020"), b)
    }

    func testScaleDimensionsTotalsAndMeasuresFollowTheDefinition() throws {
        let a = try explain(base)
        XCTAssertTrue(a.contains("the sum of `people` divided by the number of records, multiplied by 100."), a)
        XCTAssertTrue(a.contains("One value for each `area`."), a)
        XCTAssertFalse(a.contains("totals"), a)
        let b = try explain(base.replacingOccurrences(of: "scale: 100", with: "scale: 100000")
            .replacingOccurrences(of: "by: area", with: "by: area, year\n  totals: year")
            .replacingOccurrences(of: "sum(people)", with: "mean(people)"))
        XCTAssertTrue(b.contains("the mean of `people` divided by the number of records, multiplied by 100000."), b)
        XCTAssertTrue(b.contains("One value for each `area` and `year`, with totals (_T) over `year` and an overall total."), b)
        let c = try explain(base.replacingOccurrences(of: "  scale: 100\n", with: ""))
        XCTAssertFalse(c.contains("multiplied"), c)
    }

    func testMissingValuesNameTheColumnsTheMeasuresRead() throws {
        let a = try explain(base)
        XCTAssertTrue(a.contains("only when it has `people`"), a)
        let b = try explain(base.replacingOccurrences(of: "sum(people)", with: "sum(coalesce(people, 0))"))
        XCTAssertTrue(b.contains("no measure reads a column, so every record counts"), b)
    }

    func testTheSameFactsInEveryLanguage() throws {
        // The filter's number and the scale appear in each language's explanation.
        for language in [Language.ru, .tk, .uz] {
            let text = try explain(base.replacingOccurrences(of: "2020", with: "2019"), language: language)
            XCTAssertTrue(text.contains("2019") && text.contains("100") && text.contains("`area`"), "\(language): \(text)")
            XCTAssertFalse(text.contains("divided by") || text.contains("Records:"), "\(language) has English words: \(text)")
        }
    }
}

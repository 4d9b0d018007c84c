// Sampling errors of indicators over a sample design against R's survey package: ratio, mean and
// total by sex with their `_T` totals, a stratum with one cluster ("adjust"), and a ratio with strata
// but no clusters (each record its own unit), to 1e-9 relative.
// The expected numbers are committed (Tests/survey/expected.csv, from Tests/survey/reference.R);
// when R is installed the script runs again here and must agree with them.

import Foundation
import XCTest

final class SurveyTests: XCTestCase {
    static let folder = TestSupport.repoRoot.appendingPathComponent("Tests/survey")

    func testStandardErrorsMatchRsSurveyPackage() throws {
        var expected = try FormatTests.csvRows(Self.folder.appendingPathComponent("expected.csv"))
        if let rscript = ["/usr/bin/Rscript", "/usr/local/bin/Rscript"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            let work = try TestSupport.scratchFolder("kerwen-survey")
            defer { try? FileManager.default.removeItem(at: work) }
            let p = Process()
            p.executableURL = URL(fileURLWithPath: rscript)
            p.arguments = [Self.folder.appendingPathComponent("reference.R").path, Self.folder.appendingPathComponent("design.csv").path,
                           work.appendingPathComponent("now.csv").path]
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            // Without the survey package R cannot run the script: the committed numbers stand.
            if p.terminationStatus == 0 {
                let now = try FormatTests.csvRows(work.appendingPathComponent("now.csv"))
                for (a, b) in zip(now, expected) {
                    XCTAssertEqual(Double(a["se"]!)!, Double(b["se"]!)!, accuracy: 1e-12 * Double(b["se"]!)!, "R today vs the committed numbers")
                }
                expected = now
            }
        }
        let script = """
        load d from "design.csv"
        indicator ratio { data: d  numerator: sum(cost)  denominator: sum(income)  by: sex  totals: true  weight: w  strata: region  cluster: psu }
        indicator mean { data: d  numerator: sum(cost)  denominator: count()  by: sex  totals: true  weight: w  strata: region  cluster: psu }
        indicator total { data: d  numerator: sum(cost)  by: sex  totals: true  weight: w  strata: region  cluster: psu }
        indicator ratio_records { data: d  numerator: sum(cost)  denominator: sum(income)  by: sex  totals: true  weight: w  strata: region }
        export ratio to "\(FileManager.default.temporaryDirectory.path)/kerwen-survey-ratio.csv"
        export mean to "\(FileManager.default.temporaryDirectory.path)/kerwen-survey-mean.csv"
        export total to "\(FileManager.default.temporaryDirectory.path)/kerwen-survey-total.csv"
        export ratio_records to "\(FileManager.default.temporaryDirectory.path)/kerwen-survey-ratio_records.csv"
        """
        let result = try TestSupport.runKerwen([], stdin: script, cwd: Self.folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        var compared = 0
        for estimator in ["ratio", "mean", "total", "ratio_records"] {
            let ours = try FormatTests.csvRows(FileManager.default.temporaryDirectory.appendingPathComponent("kerwen-survey-\(estimator).csv"))
            for row in expected where row["estimator"] == estimator {
                guard let cell = ours.first(where: { $0["sex"] == row["sex"] }) else { XCTFail("\(estimator) \(row["sex"]!) missing"); continue }
                let value = Double(cell["value"]!)!, se = Double(cell["se"]!)!
                let rValue = Double(row["estimate"]!)!, rSE = Double(row["se"]!)!
                XCTAssertEqual(value, rValue, accuracy: 1e-9 * abs(rValue), "\(estimator) \(row["sex"]!) value")
                XCTAssertEqual(se, rSE, accuracy: 1e-9 * rSE, "\(estimator) \(row["sex"]!) se")
                // The 95 % interval is the normal one R's confint gives; cv is se / value.
                XCTAssertEqual(Double(cell["ci_low"]!)!, rValue - 1.959963984540054 * rSE, accuracy: 1e-9 * abs(rValue))
                XCTAssertEqual(Double(cell["cv"]!)!, rSE / abs(rValue), accuracy: 1e-9)
                compared += 1
            }
        }
        XCTAssertEqual(compared, 12)
    }
}

// Sampling errors of indicators over a sample design against R's survey package: ratio, mean and
// total by sex with their `_T` totals and design effects, a ratio by sex × region with every total,
// a stratum with one cluster ("adjust"), a
// ratio with strata but no clusters (each record its own unit), finite population corrections (a
// population count of clusters, a census stratum, a sampling fraction of records), and medians and
// quartiles with Woodruff's interval, and intervals with Student's t (`df: design`, the
// domain's degrees of freedom as svyquantile's default; `df: 30`), to 1e-9 relative.
// The expected numbers are committed (Tests/survey/expected.csv, from Tests/survey/reference.R);
// when R is installed the script runs again here and must agree with them.

import Foundation
@testable import KerwenEval
import XCTest

final class SurveyTests: XCTestCase {
    static let folder = TestSupport.repoRoot.appendingPathComponent("Tests/survey")
    static let estimators = ["ratio", "mean", "total", "ratio_records", "ratio_fpc", "mean_fpc", "total_fpc", "ratio_records_fpc", "median", "q25",
                             "share", "mean_value", "ratio2", "median_df", "q25_df", "ratio_df", "mean_df30"]

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
                XCTAssertEqual(now.count, expected.count, "R today vs the committed numbers")
                for (a, b) in zip(now, expected) {
                    let x = Double(a["se"]!.trimmingCharacters(in: .whitespaces))!, y = Double(b["se"]!.trimmingCharacters(in: .whitespaces))!
                    XCTAssertEqual(x, y, accuracy: 1e-12 * y, "R today vs the committed numbers")
                }
                expected = now
            }
        }
        let design = "weight: w  strata: region  cluster: psu"
        let script = """
        load d from "design.csv"
        indicator ratio { data: d  numerator: sum(cost)  denominator: sum(income)  by: sex  totals: true  \(design) }
        indicator mean { data: d  numerator: sum(cost)  denominator: count()  by: sex  totals: true  \(design) }
        indicator total { data: d  numerator: sum(cost)  by: sex  totals: true  \(design) }
        indicator ratio_records { data: d  numerator: sum(cost)  denominator: sum(income)  by: sex  totals: true  weight: w  strata: region }
        indicator ratio_fpc { data: d  numerator: sum(cost)  denominator: sum(income)  by: sex  totals: true  \(design)  fpc: psu_total }
        indicator mean_fpc { data: d  numerator: sum(cost)  denominator: count()  by: sex  totals: true  \(design)  fpc: psu_total }
        indicator total_fpc { data: d  numerator: sum(cost)  by: sex  totals: true  \(design)  fpc: psu_total }
        indicator ratio_records_fpc { data: d  numerator: sum(cost)  denominator: sum(income)  by: sex  totals: true  weight: w  strata: region  fpc: fraction }
        indicator median { data: d  value: median(cost)  by: sex  totals: true  \(design) }
        indicator q25 { data: d  value: quantile(cost, 0.25)  by: sex  totals: true  \(design) }
        indicator share { data: d  value: share(cost > 150)  by: sex  totals: true  \(design) }
        indicator mean_value { data: d  value: mean(cost)  by: sex  totals: true  \(design) }
        indicator ratio2 { data: d  numerator: sum(cost)  denominator: sum(income)  by: sex, region  totals: true  \(design) }
        indicator median_df { data: d  value: median(cost)  by: sex  totals: true  \(design)  df: design }
        indicator q25_df { data: d  value: quantile(cost, 0.25)  by: sex  totals: true  \(design)  df: design }
        indicator ratio_df { data: d  numerator: sum(cost)  denominator: sum(income)  by: sex  totals: true  \(design)  df: design }
        indicator mean_df30 { data: d  numerator: sum(cost)  denominator: count()  by: sex  totals: true  \(design)  df: 30 }
        """ + Self.estimators.map { "\nexport \($0) to \"\(FileManager.default.temporaryDirectory.path)/kerwen-survey-\($0).csv\"" }.joined()
        let result = try TestSupport.runKerwen([], stdin: script, cwd: Self.folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        var compared = 0
        func number(_ text: String?) -> Double? { text.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } }
        for estimator in Self.estimators {
            let ours = try FormatTests.csvRows(FileManager.default.temporaryDirectory.appendingPathComponent("kerwen-survey-\(estimator).csv"))
            // `value: mean(cost)` is the same estimate as `numerator: sum(cost)  denominator: count()`.
            for row in expected where row["estimator"] == (estimator == "mean_value" ? "mean" : estimator) {
                let label = "\(estimator) \(row["sex"]!) \(row["region"] ?? "")"
                // Two-level cells are matched on the region too (empty for the one-level estimators).
                let region = row["region"] ?? ""
                guard let cell = ours.first(where: { $0["sex"] == row["sex"] && (region.isEmpty || $0["region"] == region) }) else { XCTFail("\(label) \(region) missing"); continue }
                let value = Double(cell["value"]!)!, se = Double(cell["se"]!)!
                let rValue = number(row["estimate"])!, rSE = number(row["se"])!
                XCTAssertEqual(value, rValue, accuracy: 1e-9 * abs(rValue), "\(label) value")
                // A domain of one cluster has no variance: R's is a rounding residue (2e-17), Kerwen's 0.
                XCTAssertEqual(se, rSE, accuracy: max(1e-9 * rSE, 1e-12), "\(label) \(region) se")
                if let low = number(row["ci_low"]), let high = number(row["ci_high"]) {
                    // A quantile's interval is Woodruff's, as svyquantile gives it; with `df:` R's
                    // interval is given for the other measures too (confint with df).
                    XCTAssertEqual(Double(cell["ci_low"]!)!, low, accuracy: 1e-9 * abs(low), "\(label) ci_low")
                    XCTAssertEqual(Double(cell["ci_high"]!)!, high, accuracy: 1e-9 * abs(high), "\(label) ci_high")
                    if let deff = number(row["deff"]) {
                        XCTAssertEqual(Double(cell["deff"]!)!, deff, accuracy: 1e-9 * deff, "\(label) deff")
                    } else {
                        XCTAssertEqual(cell["deff"], "", "\(label): R gives no design effect for a quantile")
                    }
                } else if rSE > 1e-12 {
                    // The 95 % interval is the normal one R's confint gives.
                    XCTAssertEqual(Double(cell["ci_low"]!)!, rValue - 1.959963984540054 * rSE, accuracy: 1e-9 * abs(rValue), "\(label) ci_low")
                    XCTAssertEqual(Double(cell["deff"]!)!, number(row["deff"])!, accuracy: 1e-9 * number(row["deff"])!, "\(label) deff")
                }
                XCTAssertEqual(Double(cell["cv"]!)!, rSE / abs(rValue), accuracy: 1e-9, "\(label) cv")
                compared += 1
            }
        }
        XCTAssertEqual(compared, 3 * (Self.estimators.count - 1) + 15)
    }

    // `df: design` over sex × region with every total: each cell's degrees of freedom counted here
    // from design.csv (the clusters holding its records less their regions), its interval
    // value ± t · se; the West cells (one cluster in one stratum: none) get no interval, as R's
    // confint gives NaN there, but keep their se.
    func testEachCellGetsItsOwnDegreesOfFreedom() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("kerwen-survey-df-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: out) }
        let script = """
        load d from "design.csv"
        indicator r { data: d  numerator: sum(cost)  denominator: sum(income)  by: sex, region  totals: true  weight: w  strata: region  cluster: psu  df: design  level: 0.9 }
        export r to "\(out.path)"
        """
        let result = try TestSupport.runKerwen([], stdin: script, cwd: Self.folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let records = try FormatTests.csvRows(Self.folder.appendingPathComponent("design.csv"))
        let cells = try FormatTests.csvRows(out)
        XCTAssertEqual(cells.count, 15)
        var withoutInterval = 0
        for cell in cells {
            let mine = records.filter { ($0["sex"] == cell["sex"] || cell["sex"] == "_T") && ($0["region"] == cell["region"] || cell["region"] == "_T") && Double($0["w"]!)! != 0 }
            let degrees = Set(mine.map { $0["region"]! + "/" + $0["psu"]! }).count - Set(mine.map { $0["region"]! }).count
            let value = Double(cell["value"]!)!, se = Double(cell["se"]!)!
            let label = "\(cell["sex"]!) \(cell["region"]!)"
            if degrees == 0 {
                XCTAssertEqual(cell["region"], "West", label)
                XCTAssertEqual(cell["ci_low"], "", label)
                XCTAssertEqual(cell["ci_high"], "", label)
                withoutInterval += 1
            } else {
                let t = StudentT.quantile(0.95, degrees: Double(degrees))
                XCTAssertEqual(Double(cell["ci_low"]!)!, value - t * se, accuracy: 1e-12 * abs(value), label)
                XCTAssertEqual(Double(cell["ci_high"]!)!, value + t * se, accuracy: 1e-12 * abs(value), label)
            }
        }
        XCTAssertEqual(withoutInterval, 3, "F, M and _T in the West")
    }
}

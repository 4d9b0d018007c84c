// Indicator values checked against an independent computation: the example CSV split by hand
// (it has no quoted fields) and plain Swift loops, written here without any Kerwen code path.

import Foundation
import XCTest

final class IndicatorIndependentTests: XCTestCase {
    struct Row { var fields: [String: String] }

    private func rows() throws -> [Row] {
        let text = try String(contentsOf: TestSupport.repoRoot.appendingPathComponent("examples/data/labour_migrants.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Row(fields: Dictionary(uniqueKeysWithValues: zip(header, cells)))
        }
    }

    private func exported(_ script: String, file: String) throws -> [[String: String]] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kerwen-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let source = "load survey from \"\(TestSupport.repoRoot.path)/examples/data/labour_migrants.csv\"\n" + script
            + "\nexport result to \"\(dir.path)/\(file)\"\n"
        let (_, err, ok) = try TestSupport.session(source, base: dir)
        XCTAssertTrue(ok, err)
        let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init))) }
    }

    private func assertClose(_ a: Double, _ b: Double, _ what: String) {
        XCTAssertLessThanOrEqual(abs(a - b), 1e-9 * max(1, abs(b)), "\(what): \(a) vs \(b)")
    }

    func testRemittanceCostByCorridorWithTotals() throws {
        var fee: [String: Double] = [:], amount: [String: Double] = [:], n: [String: Int] = [:]
        for r in try rows() where r.fields["year"] == "2023" {
            guard let a = Double(r.fields["remit_amount_usd"]!), a > 0, let f = Double(r.fields["remit_fee_usd"]!) else { continue }
            for key in [r.fields["destination"]!, "_T"] {
                fee[key, default: 0] += f; amount[key, default: 0] += a; n[key, default: 0] += 1
            }
        }
        let result = try exported("""
        indicator result {
          data: survey | where remit_amount_usd > 0 and year == 2023
          numerator: sum(remit_fee_usd)
          denominator: sum(remit_amount_usd)
          scale: 100
          by: destination
          totals: true
        }
        """, file: "10c1.csv")
        XCTAssertEqual(result.count, fee.count)
        for row in result {
            let key = row["destination"]!
            assertClose(Double(row["value"]!)!, fee[key]! / amount[key]! * 100, key)
            assertClose(Double(row["numerator"]!)!, fee[key]!, key)
            XCTAssertEqual(Int(row["n"]!), n[key])
        }
    }

    func testRecruitmentCostWeightedMeanOfRatiosWithMissing() throws {
        var num: [String: Double] = [:], den: [String: Double] = [:], used: [String: Int] = [:], skipped: [String: Int] = [:]
        for r in try rows() {
            guard let inc = Double(r.fields["monthly_income_usd"]!), inc > 0 else { continue }
            let key = r.fields["sex"]! + "|" + r.fields["year"]!
            guard let cost = Double(r.fields["recruitment_cost_usd"]!) else { skipped[key, default: 0] += 1; continue }
            let w = Double(r.fields["weight"]!)!
            num[key, default: 0] += w * cost / inc * 100
            den[key, default: 0] += w
            used[key, default: 0] += 1
        }
        let result = try exported("""
        indicator result {
          data: survey | where monthly_income_usd > 0
          numerator: wsum(recruitment_cost_usd / monthly_income_usd * 100, weight)
          denominator: sum(weight)
          by: sex, year
        }
        """, file: "1071.csv")
        XCTAssertEqual(result.count, 20)
        for row in result {
            let key = row["sex"]! + "|" + row["year"]!
            assertClose(Double(row["value"]!)!, num[key]! / den[key]!, key)
            XCTAssertEqual(Int(row["n"]!), used[key] ?? 0)
            XCTAssertEqual(Int(row["n_missing"]!), skipped[key] ?? 0, key)
        }
        XCTAssertGreaterThan(skipped.values.reduce(0, +), 0, "the example data has missing recruitment costs")
    }

    /// A derive, then `where` steps, then the indicator's own `where:` filter: the records are those
    /// all of them keep (filters become masks, not copies); totals over both dimensions.
    func testFiltersAfterADeriveAndTheWhereFieldWithTotals() throws {
        var num: [String: Double] = [:], den: [String: Double] = [:], used: [String: Int] = [:], skipped: [String: Int] = [:]
        for r in try rows() {
            guard let inc = Double(r.fields["monthly_income_usd"]!), inc > 0, r.fields["migratory_status"] != "returnee",
                  r.fields["year"]! >= "2020" else { continue }
            let keys = [r.fields["sex"]!, "_T"].flatMap { s in [r.fields["destination"]!, "_T"].map { s + "|" + $0 } }
            let cost = Double(r.fields["recruitment_cost_usd"]!)
            for key in keys {
                guard let cost else { skipped[key, default: 0] += 1; continue }
                num[key, default: 0] += cost / inc * 100
                den[key, default: 0] += 1
                used[key, default: 0] += 1
            }
        }
        let result = try exported("""
        indicator result {
          data: survey | derive ratio = recruitment_cost_usd / monthly_income_usd * 100 | where monthly_income_usd > 0 | where year >= 2020
          where: migratory_status != "returnee"
          numerator: sum(ratio)
          denominator: count()
          by: sex, destination
          totals: true
        }
        """, file: "filtered.csv")
        XCTAssertEqual(result.count, num.count + skipped.keys.filter { num[$0] == nil }.count)
        for row in result {
            let key = row["sex"]! + "|" + row["destination"]!
            if let d = den[key] { assertClose(Double(row["value"]!)!, num[key]! / d, key) }
            XCTAssertEqual(Int(row["n"]!), used[key] ?? 0, key)
            XCTAssertEqual(Int(row["n_missing"]!), skipped[key] ?? 0, key)
        }
    }

    func testMedianIncomeByDestination() throws {
        var values: [String: [Double]] = [:]
        for r in try rows() { if let v = Double(r.fields["monthly_income_usd"]!) { values[r.fields["destination"]!, default: []].append(v) } }
        let result = try exported("let result = survey | group by destination | summarize m = median(monthly_income_usd)", file: "median.csv")
        for row in result {
            let xs = values[row["destination"]!]!.sorted()
            let median = xs.count % 2 == 1 ? xs[xs.count / 2] : (xs[xs.count / 2 - 1] + xs[xs.count / 2]) / 2
            assertClose(Double(row["m"]!)!, median, row["destination"]!)
        }
    }
}

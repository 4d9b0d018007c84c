// The published Central Asian data: relations between published series worked out here with plain
// Swift over the CSV lines (no Kerwen code path), then the same findings asserted in Kerwen's output.

import Foundation
import XCTest

final class RealDataTests: XCTestCase {
    private let real = TestSupport.repoRoot.appendingPathComponent("examples/data/real")

    /// Open SDG rows as (year, country, value) keyed by "year|country"; these files quote text, never commas inside.
    private func series(_ file: String) throws -> [(key: String, value: Double?)] {
        let text = try String(contentsOf: real.appendingPathComponent("un-sdg/" + file), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.replacingOccurrences(of: "\"", with: "") }
            return ("\(f[0])|\(f[2])", Double(f[f.count - 1]))
        }
    }

    private func uniqueValues(_ file: String) throws -> [String: Double] {
        var out: [String: Double] = [:]
        for (k, v) in try series(file) { if let v { out[k] = v } }
        return out
    }

    private func runExample(_ name: String) throws -> TestSupport.Result {
        try TestSupport.runKerwen(["run", "examples/\(name).kw"], cwd: TestSupport.repoRoot)
    }

    func testDeathsPlusMissingEqualsPublishedDeathsAndMissing() throws {
        let mort = try uniqueValues("indicator_13-1-1-VC_DSR_MORT.csv"), miss = try uniqueValues("indicator_13-1-1-VC_DSR_MISS.csv")
        let mmhn = try uniqueValues("indicator_13-1-1-VC_DSR_MMHN.csv")
        var compared = 0
        for (k, d) in mort { if let m = miss[k], let total = mmhn[k] { compared += 1; XCTAssertEqual(d + m, total, k) } }
        XCTAssertEqual(compared, 43)
        let r = try runExample("sdg13")
        XCTAssertTrue(r.stdout.contains("check `deaths_plus_missing == published` on recomputed: all 43 rows pass"), r.stdout)
    }

    func testLocalStrategyRatioIsStrategiesOverLocalGovernments() throws {
        let siln = try uniqueValues("indicator_13-1-3-SG_DSR_SILN.csv"), logv = try uniqueValues("indicator_13-1-3-SG_GOV_LOGV.csv")
        let sils = try uniqueValues("indicator_13-1-3-SG_DSR_SILS.csv")
        var compared = 0
        for (k, n) in siln {
            guard let d = logv[k], d > 0, let published = sils[k] else { continue }
            compared += 1
            // Published with 5 decimals: within one unit of the last decimal.
            XCTAssertLessThanOrEqual(abs(n / d * 100 - published), 1e-5, k)
        }
        XCTAssertEqual(compared, 17)
        let r = try runExample("sdg13")
        XCTAssertTrue(r.stdout.contains("check `abs(recomputed - published) <= 1e-05` on strategies: all 17 rows pass"), r.stdout)
    }

    func testRatePerHundredThousandWithWorldBankPopulationIsWithinFivePercent() throws {
        let mort = try uniqueValues("indicator_13-1-1-VC_DSR_MORT.csv"), miss = try uniqueValues("indicator_13-1-1-VC_DSR_MISS.csv")
        let mtmp = try uniqueValues("indicator_13-1-1-VC_DSR_MTMP.csv")
        var population: [String: Double] = [:]
        let wb = try String(contentsOf: real.appendingPathComponent("worldbank/population.csv"), encoding: .utf8)
        for line in wb.split(whereSeparator: \.isNewline).dropFirst() {
            let f = line.split(separator: ",").map(String.init)
            population["\(f[2])|\(f[0] == "Kyrgyz Republic" ? "Kyrgyzstan" : f[0])"] = Double(f[3])
        }
        var compared = 0, worst = 0.0
        for (k, d) in mort {
            guard let m = miss[k], let p = population[k], let published = mtmp[k], published > 0 else { continue }
            compared += 1
            worst = max(worst, abs((d + m) / p * 100_000 - published) / published)
        }
        XCTAssertEqual(compared, 42)
        XCTAssertLessThan(worst, 0.05)
        XCTAssertGreaterThan(worst, 0.01, "the UN uses another population series: the rates are close, not equal")
        let r = try runExample("sdg13")
        XCTAssertTrue(r.stdout.contains("check `relative_difference <= 0.05` on compared: all 42 rows pass"), r.stdout)
        XCTAssertTrue(r.stdout.contains("not the UN WPP series"), r.stdout)
    }

    func testDuplicateRowsAreFoundAndConsistentSeriesPass() throws {
        func repeated(_ file: String) throws -> Set<String> {
            var count: [String: Int] = [:]
            for (k, _) in try series(file) { count[k, default: 0] += 1 }
            return Set(count.filter { $0.value > 1 }.keys)
        }
        XCTAssertEqual(try repeated("indicator_10-c-1-SI_RMT_COST.csv"), ["2021|Uzbekistan"])
        XCTAssertEqual(try repeated("indicator_13-1-1-VC_DSR_MORT.csv").count, 44)
        XCTAssertEqual(try repeated("indicator_17-3-2.csv"), [])
        let r = try runExample("central_asia")
        // The two 2021 Uzbekistan lines of the 10.c.1 file are the same line twice: identical copies.
        let costLines = try String(contentsOf: real.appendingPathComponent("un-sdg/indicator_10-c-1-SI_RMT_COST.csv"), encoding: .utf8)
            .split(separator: "\n").filter { $0.hasPrefix("2021,") || $0.hasPrefix("\"2021\",") }.filter { $0.contains("Uzbekistan") }
        XCTAssertEqual(costLines.count, 2)
        XCTAssertEqual(Set(costLines).count, 1, "the copies are identical")
        XCTAssertTrue(r.stdout.contains("check `unique: Year, GeoAreaName` on cost: 1 of 28 keys are repeated (1 with identical copies, which `distinct` removes; 0 conflicting)\n  Year=2021  GeoAreaName=Uzbekistan  rows=2  copies=identical"), r.stdout)
        XCTAssertTrue(r.stdout.contains("check `unique: Year, GeoAreaName` on remittances: all 86 keys are unique"), r.stdout)
        XCTAssertTrue(r.stdout.contains("check `gaps: Year by GeoAreaName` on remittances: no gaps in 5 series"), r.stdout)
        let sdg13 = try runExample("sdg13")
        XCTAssertTrue(sdg13.stdout.contains("check `unique: Year, GeoAreaName` on mort: 44 of 44 keys are repeated"), sdg13.stdout)
    }

    func testFemalePlusMaleMismatchesAreExactlyThoseInTheFile() throws {
        // Detected trafficking victims (16.2.2), by age and sex: where F + M ≠ both sexes.
        let text = try String(contentsOf: real.appendingPathComponent("un-sdg/indicator_16-2-2-VC_HTF_DETV.csv"), encoding: .utf8)
        var cells: [String: [Double]] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",").map { $0.replacingOccurrences(of: "\"", with: "") }
            cells["\(f[0])|\(f[2])|\(f[3])|\(f[4])", default: []].append(Double(f[5])!)
        }
        var mismatches: [String] = []
        // Cells where a total and each part occur once: the ones that can be compared.
        var compared = 0
        for (k, total) in cells where k.hasSuffix("|BOTHSEX") {
            let base = String(k.dropLast("BOTHSEX".count))
            guard total.count == 1, let f = cells[base + "FEMALE"], let m = cells[base + "MALE"], f.count == 1, m.count == 1 else { continue }
            compared += 1
            if f[0] + m[0] != total[0] { mismatches.append(base) }
        }
        XCTAssertEqual(Set(mismatches), ["2019|Tajikistan|18+|", "2020|Tajikistan|ALLAGE|"])
        let r = try runExample("central_asia")
        XCTAssertTrue(r.stdout.contains("""
            check `total: _T = F + M in Sex on Value` on victims: 2 of \(compared) compared totals differ from the sum of their parts
              Year=2019  SeriesCode=VC_HTF_DETV  GeoAreaName=Tajikistan  Age=Y_GE18  _T=50  sum_of_parts=60  difference=-10
              Year=2020  SeriesCode=VC_HTF_DETV  GeoAreaName=Tajikistan  Age=_T  _T=76  sum_of_parts=68  difference=8
            """), r.stdout)
    }

    func testKyrgyzRegionsAndSexesAgainstTheirTotals() throws {
        // 13.1.1 deaths by region (REF_AREA) and sex from the Kyrgyz NSC SDMX file, summed here.
        let text = try String(contentsOf: real.appendingPathComponent("kyrgyzstan/sdg_flat.csv"), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let (area, sex, time, value, file) = (header.firstIndex(of: "REF_AREA")!, header.firstIndex(of: "SEX")!,
                                              header.firstIndex(of: "TIME_PERIOD")!, header.firstIndex(of: "OBS_VALUE")!, header.firstIndex(of: "SOURCE_FILE")!)
        var cell: [String: Double] = [:]
        for line in lines.dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f[file] == "13.1.1.xml" else { continue }
            cell["\(f[time])|\(f[area])|\(f[sex])"] = Double(f[value])!
        }
        var regional: [String: Double] = [:], national: [String: Double] = [:]
        for (k, v) in cell {
            let p = k.split(separator: "|").map(String.init)
            if p[1] == "KG" { national["\(p[0])|\(p[2])"] = v } else { regional["\(p[0])|\(p[2])", default: 0] += v }
        }
        let regionMismatch = national.filter { k, v in regional[k].map { $0 != v } ?? false }.keys.sorted()
        XCTAssertEqual(regionMismatch, ["2019|M", "2019|_T", "2020|F"])
        var sexMismatch: [String] = []
        var sexCompared = 0
        for (k, total) in cell where k.hasSuffix("|_T") {
            let base = String(k.dropLast(2))
            guard let f = cell[base + "F"], let m = cell[base + "M"] else { continue }
            sexCompared += 1
            if f + m != total { sexMismatch.append(base) }
        }
        let regionCompared = national.keys.filter { regional[$0] != nil }.count
        XCTAssertEqual(sexMismatch, ["2020|KG03|"])
        let r = try runExample("sdg13")
        XCTAssertTrue(r.stdout.contains("on kyrgyz: 1 of \(sexCompared) compared totals differ from the sum of their parts\n  TIME_PERIOD=2020  REF_AREA=KG03  _T=15  sum_of_parts=14  difference=1"), "\(sexCompared)\n" + r.stdout)
        XCTAssertTrue(r.stdout.contains("on kyrgyz: 3 of \(regionCompared) compared totals differ"), "\(regionCompared)\n" + r.stdout)
    }
}

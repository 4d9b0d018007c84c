// The standard library's SDG definitions on small tables whose expected values are worked out by hand
// in each test (the arithmetic is in the comments), plus the column-mapping error a user sees.

import Foundation
import XCTest

final class SDGLibraryTests: XCTestCase {
    /// Writes `csv` to a temporary folder, runs `script` (with `data.csv` loaded as `t`) and returns
    /// the exported `result` as rows of column → text.
    private func run(_ csv: String, _ script: String) throws -> [[String: String]] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kerwen-sdg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try csv.write(to: dir.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        let source = "use sdg\nload t from \"data.csv\"\n" + script + "\nexport result to \"out.csv\"\n"
        let (_, err, ok) = try TestSupport.session(source, base: dir)
        XCTAssertTrue(ok, err)
        let lines = try String(contentsOf: dir.appendingPathComponent("out.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init))) }
    }

    private func value(_ rows: [[String: String]], where key: String? = nil, is k: String? = nil) -> Double? {
        let row = key == nil ? rows.first : rows.first { $0[key!] == k }
        return row.flatMap { $0["value"] }.flatMap(Double.init)
    }

    private func assertClose(_ a: Double?, _ b: Double, _ what: String) {
        guard let a else { return XCTFail("\(what): no value") }
        XCTAssertLessThanOrEqual(abs(a - b), 1e-9 * max(1, abs(b)), "\(what): \(a) vs \(b)")
    }

    func test10_2_1MedianIsTakenWithinEachGroup() throws {
        // A: 100 200 300 400 1000 → median 300, half 150 → one below → 1/5 = 20 %.
        // B: 50 60 500 600 → median (60+500)/2 = 280, half 140 → two below → 2/4 = 50 %.
        // All nine: median 300, half 150 → 50 60 100 → 3/9 = 33.33 %.
        let csv = "g,inc\nA,100\nA,200\nA,300\nA,400\nA,1000\nB,50\nB,60\nB,500\nB,600\n"
        let rows = try run(csv, "indicator result = sdg_10_2_1 { data: t  columns: income = inc  by: g  totals: true }")
        assertClose(value(rows, where: "g", is: "A"), 20, "A")
        assertClose(value(rows, where: "g", is: "B"), 50, "B")
        assertClose(value(rows, where: "g", is: "_T"), 100.0 / 3, "total")
    }

    func test10_7_1MeanOfIndividualRatiosOverWorkersWithBothPositive() throws {
        // (100, 1000) → 0.1; (0, 800) no cost paid → out; (300, 600) → 0.5; (50, missing) → out.
        // Mean 0.3 → 30 %, over 2 workers.
        let csv = "c,i\n100,1000\n0,800\n300,600\n50,\n"
        let rows = try run(csv, "indicator result = sdg_10_7_1 { data: t  columns: cost = c, income = i }")
        assertClose(value(rows), 30, "10.7.1")
        XCTAssertEqual(rows.first?["denominator"], "2")
    }

    func test10_c_1TotalCostOverTotalAmount() throws {
        // (2, 100) and (9, 300); (5, 0) sends nothing → out. 11 / 400 × 100 = 2.75 %.
        let rows = try run("fee,amt\n2,100\n9,300\n5,0\n", "indicator result = sdg_10_c_1 { data: t  columns: fee = fee, amount = amt }")
        assertClose(value(rows), 2.75, "10.c.1")
    }

    func test10_7_3And10_7_4() throws {
        // Dead 3 (missing not recorded) + dead 2 and missing 4 = 9.
        let deaths = try run("dead,gone\n3,\n2,4\n", "indicator result = sdg_10_7_3 { data: t  columns: dead = dead, missing = gone }")
        assertClose(value(deaths), 9, "10.7.3")
        // 500 refugees from a country of 1,000,000 people = 50 per 100,000.
        let refugees = try run("r,p\n500,1000000\n", "indicator result = sdg_10_7_4 { data: t  columns: refugees = r, population = p }")
        assertClose(value(refugees), 50, "10.7.4")
    }

    func test13_1_1PerHundredThousand() throws {
        // Area 1: 3 deaths, missing not recorded, 100,000 people; area 2: 1 death, 2 missing, 300,000 people.
        // (3 + 0 + 1 + 2) / 400,000 × 100,000 = 1.5; affected (40 + 20) / 400,000 × 100,000 = 15.
        let csv = "area,d,m,aff,pop\nA,3,,40,100000\nB,1,2,20,300000\n"
        let rate = try run(csv, "indicator result = sdg_13_1_1 { data: t  columns: deaths = d, missing = m, population = pop }")
        assertClose(value(rate), 1.5, "13.1.1")
        XCTAssertEqual(rate.first?["n"], "2")
        let affected = try run(csv, "indicator result = sdg_13_1_1_affected { data: t  columns: affected = aff, population = pop }")
        assertClose(value(affected), 15, "13.1.1 affected")
    }

    func test13_1_3And17_18_1Shares() throws {
        // Three of four local governments adopted a strategy: 75 %.
        let drr = try run("lg,has\na,true\nb,false\nc,true\nd,true\n", "indicator result = sdg_13_1_3 { data: t  columns: adopted = has }")
        assertClose(value(drr), 75, "13.1.3")
        // One of two series fully disaggregated: 50 %.
        let cap = try run("s,full\nx,true\ny,false\n", "indicator result = sdg_17_18_1 { data: t  columns: disaggregated = full }")
        assertClose(value(cap), 50, "17.18.1")
    }

    func test17_3_2And17_19_2() throws {
        // Remittances 5 over GDP 200 = 2.5 % (and 3 / 100 = 3 % for the second country).
        let remit = try run("k,r,gdp\nA,5,200\nB,3,100\n", "indicator result = sdg_17_3_2 { data: t  columns: remittances = r, gdp = gdp  by: k }")
        assertClose(value(remit, where: "k", is: "A"), 2.5, "17.3.2 A")
        assertClose(value(remit, where: "k", is: "B"), 3, "17.3.2 B")
        // Census 8 years ago, births 95 %, deaths 80 % → meets; census 13 years ago → not;
        // births 85 % → not. 1 of 3 = 33.33 %.
        let csv = "y,c,b,d\n2023,2015,95,80\n2023,2010,99,90\n2023,2020,85,80\n"
        let reg = try run(csv, "indicator result = sdg_17_19_2 { data: t  columns: year = y, census_year = c, birth_registration = b, death_registration = d }")
        assertClose(value(reg), 100.0 / 3, "17.19.2")
    }

    func test8_8_1And16_2_2() throws {
        // Migrant workers: 3 fatal, 40 non-fatal among 60,000; non-migrants: 2 fatal, 100 among 140,000.
        // Fatal: 3 / 60,000 × 100,000 = 5; non-fatal migrants 40 / 60,000 × 100,000 = 66.67;
        // both groups: 5 / 200,000 × 100,000 = 2.5.
        let csv = "status,f,nf,w\nMIGPER,3,40,60000\nNONMIG,2,100,140000\n"
        let fatal = try run(csv, "indicator result = sdg_8_8_1_fatal { data: t  columns: fatal_injuries = f, workers = w  by: status  totals: true }")
        assertClose(value(fatal, where: "status", is: "MIGPER"), 5, "8.8.1 fatal migrants")
        assertClose(value(fatal, where: "status", is: "_T"), 2.5, "8.8.1 fatal total")
        let nonfatal = try run(csv, "indicator result = sdg_8_8_1_nonfatal { data: t  columns: injuries = nf, workers = w  by: status }")
        assertClose(value(nonfatal, where: "status", is: "MIGPER"), 40.0 / 60_000 * 100_000, "8.8.1 non-fatal")
        // 16.2.2: 30 victims in a population of 6,000,000 = 0.5 per 100,000.
        let victims = try run("v,p\n30,6000000\n", "indicator result = sdg_16_2_2 { data: t  columns: victims = v, population = p }")
        assertClose(value(victims), 0.5, "16.2.2")
    }

    func testAMissingMappedColumnIsNamedWithTheMapping() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kerwen-sdg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "fee_usd,amount_usd\n1,10\n".write(to: dir.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
        let (_, err, ok) = try TestSupport.session("use sdg10\nload t from \"d.csv\"\nindicator c = sdg_10_c_1 { data: t  columns: fee = fee_usd }\nshow c\n", base: dir)
        XCTAssertFalse(ok)
        XCTAssertTrue(err.contains("error[E080]: `c` needs a column for `amount`, but the data has no column `amount`"), err)
        XCTAssertTrue(err.contains("columns: amount = YOUR_COLUMN` (did you mean `amount_usd`?)"), err)
    }
}

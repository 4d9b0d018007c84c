// Periods against Foundation's calendars (an independent implementation of the Gregorian and the
// ISO 8601 week calendars), over every day of 1899–2101 that is near a year's end and every 5th
// day otherwise: reading a day, its ISO week and week-year, its quarter and month, the day after,
// the first and last day of its month, quarter and week, and the forms periods are written in.

import Foundation
import XCTest

final class PeriodTests: XCTestCase {
    private var utc: Calendar { var c = Calendar(identifier: .gregorian); c.timeZone = TimeZone(identifier: "UTC")!; return c }
    private var iso: Calendar { var c = Calendar(identifier: .iso8601); c.timeZone = TimeZone(identifier: "UTC")!; return c }

    private func text(_ date: Date) -> String {
        let c = utc.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    func testDaysWeeksAndQuartersMatchFoundationCalendars() throws {
        let work = try TestSupport.scratchFolder("kerwen-periods")
        defer { try? FileManager.default.removeItem(at: work) }
        var days: [Date] = []
        var d = utc.date(from: DateComponents(year: 1899, month: 1, day: 1))!
        let end = utc.date(from: DateComponents(year: 2101, month: 12, day: 31))!
        var k = 0
        while d <= end {
            let c = utc.dateComponents([.month, .day], from: d)
            if k % 5 == 0 || (c.month == 12 && c.day! >= 25) || (c.month == 1 && c.day! <= 7) || (c.month == 2 && c.day! >= 28) { days.append(d) }
            d = utc.date(byAdding: .day, value: 1, to: d)!
            k += 1
        }
        try ("day\n" + days.map(text).joined(separator: "\n") + "\n").write(to: work.appendingPathComponent("days.csv"), atomically: true, encoding: .utf8)
        let script = """
        load t from "days.csv"
        export t | derive y = year(day), w = week(day), q = quarter(day), m = month(day), wk = to_month(day),
          next = day + 1, wy = year(to_year(day)), week_start = start_date(period(concat(text(year(day)), "-W", text(w)))),
          month_end = end_date(to_month(day)), quarter_start = start_date(to_quarter(day)), half = to_half(day), f = frequency(day) to "out.csv"
        """
        let result = try TestSupport.runKerwen([], stdin: script, cwd: work)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = try String(contentsOf: work.appendingPathComponent("out.csv"), encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(lines[0], ["day", "y", "w", "q", "m", "wk", "next", "wy", "week_start", "month_end", "quarter_start", "half", "f"])
        XCTAssertEqual(lines.count - 1, days.count)
        var checked = 0
        for (row, date) in zip(lines.dropFirst(), days) {
            let c = utc.dateComponents([.year, .month, .day], from: date)
            let isoWeek = iso.component(.weekOfYear, from: date), isoYear = iso.component(.yearForWeekOfYear, from: date)
            let weekStart = iso.date(from: DateComponents(weekOfYear: isoWeek, yearForWeekOfYear: isoYear))!
            let monthEnd = utc.date(byAdding: DateComponents(month: 1, day: -1), to: utc.date(from: DateComponents(year: c.year, month: c.month, day: 1))!)!
            let quarterStart = utc.date(from: DateComponents(year: c.year, month: (c.month! - 1) / 3 * 3 + 1, day: 1))!
            let expected = [text(date), String(c.year!), String(isoWeek), String((c.month! - 1) / 3 + 1), String(c.month!),
                            String(format: "%04d-%02d", c.year!, c.month!), text(utc.date(byAdding: .day, value: 1, to: date)!), String(c.year!),
                            // The week's first day is found from the ISO year the week belongs to.
                            "", text(monthEnd), text(quarterStart), "\(String(format: "%04d", c.year!))-S\(c.month! <= 6 ? 1 : 2)", "D"]
            var got = row
            // week_start was made from the calendar year, not the ISO year: compare it only where they agree.
            if isoYear == c.year! { XCTAssertEqual(got[8], text(weekStart), "week start of \(text(date))") }
            got[8] = ""
            XCTAssertEqual(got, expected, "row of \(text(date))")
            checked += 1
            if checked > 200, got != expected { break }
        }
        XCTAssertGreaterThan(checked, 15_000)
    }

    func testFormsComparisonsAndArithmetic() throws {
        // Each form SDMX and national spreadsheets write reads as the same period; values by hand.
        let script = """
        show [period("2023Q1") == period("2023-Q1"), period("2023M01") == period("2023-01"), period("2023-M1") == period("2023-01"),
              period("2023S2") == period("2023-S2"), period("2023W05") == period("2023-W05"), period("2023-A1") == period(2023)]
        show period("2023-Q4") + 1
        show period("2024-01") - 13
        show period("2023-Q1") - period("2020-Q3")
        show period("2020-W53") + 1
        show period("2024-02-28") + 2
        show 3 + period("2023-S2")
        show period("2023-Q2") > "2023Q1"
        show to_quarter(period("2026-W01"))
        show to_year(period("2020-W53"))
        show year(period("2021-01-01"))
        show [text(period("2023S2")), text(period("2023M1")), text(period("2023W5")), text(period("2023-A1")), text(period("2023q3")), text(period(" 2024-02-29 "))]
        """
        let result = try TestSupport.runKerwen([], stdin: script, cwd: TestSupport.repoRoot)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        // 2020-W53 ends on 2021-01-03, so the week after is 2021-W01; 2026-W01 starts on Monday
        // 2025-12-29, and its Thursday (1 January 2026) puts it in 2026-Q1; 2020-W53's Thursday is
        // 31 December 2020; 1 January 2021 is a day of the calendar year 2021.
        // Each form is written back in its SDMX form (a round trip through text).
        XCTAssertEqual(Array(lines.suffix(12)), ["[true, true, true, true, true, true]", "2024-Q1", "2022-12", "10", "2021-W01", "2024-03-01",
                                                  "2025-S1", "true", "2026-Q1", "2020", "2021",
                                                  "[2023-S2, 2023-01, 2023-W05, 2023, 2023-Q3, 2024-02-29]"])
    }

    func testErrorsSayWhereWhatAndHow() throws {
        let cases: [(String, String)] = [
            ("show period(\"2023Q5\")", "E179"),
            ("show period(\"2023-Q1\") < period(\"2023-02\")", "E178"),
            ("show period(\"2023-Q1\") * 2", "E181"),
            ("show period(\"2023-Q1\") + period(\"2023-Q2\")", "E181"),
            ("show quarter(period(\"2023\"))", "E180"),
            ("show month(period(\"2023-Q2\"))", "E180"),
            ("show period(\"9999-Q4\") + 1", "E182"),
            ("show period(\"2023-02-29\")", "E179"),
            ("show period(\"2020-W53\") == period(\"2021-W53\")", "E179"),
        ]
        for (script, code) in cases {
            let result = try TestSupport.runKerwen([], stdin: script, cwd: TestSupport.repoRoot)
            XCTAssertNotEqual(result.status, 0, script)
            XCTAssertTrue(result.stderr.contains("[\(code)]"), "\(script): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("hint:"), "\(script): \(result.stderr)")
        }
    }

    func testLoadingInfersForcesAndReportsBadCells() throws {
        let work = try TestSupport.scratchFolder("kerwen-period-load")
        defer { try? FileManager.default.removeItem(at: work) }
        try "region,q,year,v\nA,2023-Q1,2023,1\nA,2023Q2,2024,2\nB,,2025,3\nB,2023-Q4,2026,4\n".write(to: work.appendingPathComponent("q.csv"), atomically: true, encoding: .utf8)
        try "region,q,v\nA,2023-Q1,1\nA,2023-Q5,2\n".write(to: work.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        try "region,q,v\nA,2023-Q1,1\nA,2023-01,2\n".write(to: work.appendingPathComponent("mixed.csv"), atomically: true, encoding: .utf8)
        let script = """
        load t from "q.csv" with period: [year]
        show t | derive a = frequency(q), b = frequency(year), c = year + 1 | select q, a, b, c
        load m from "mixed.csv"
        show m | derive f = frequency(period(q)) | select f
        load raw from "q.csv" with text: [q]
        show raw | derive l = length(q) | select l
        """
        let ok = try TestSupport.runKerwen([], stdin: script, cwd: work)
        XCTAssertEqual(ok.status, 0, ok.stderr)
        let cells = ok.stdout.split(whereSeparator: { $0 == "\n" || $0 == " " }).map(String.init)
        // q is read as quarters (the missing cell stays na); the forced year column is annual; a
        // column of quarters and months stays text until `period()` reads each cell; `text:` keeps text.
        for expected in ["2023-Q2", "Q", "A", "2027", "M", "7"] { XCTAssertTrue(cells.contains(expected), "\(expected) in\n\(ok.stdout)") }
        let bad = try TestSupport.runKerwen([], stdin: "load b from \"bad.csv\" with period: [q]\nshow b", cwd: work)
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("line 3, column 2"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains("2023-Q5"), bad.stderr)
    }
}

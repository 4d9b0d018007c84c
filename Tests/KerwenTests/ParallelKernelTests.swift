// Kernels split their rows over the cores above half a million rows; unit tables are far smaller.
// One table of 600,000 rows goes through those paths (and the CSV reader's parts), and the results
// are checked against plain Swift over the same generated values.

import Foundation
import XCTest

final class ParallelKernelTests: XCTestCase {
    func testBigColumnsGiveTheSameResultsAsPlainLoops() throws {
        let n = 600_000
        let regions = ["Andijan", "Bukhara", "Fergana", "Khorezm"]
        func x(_ i: Int) -> Double { Double(i % 1000) / 8 - 30 }
        func y(_ i: Int) -> Double { Double(i % 7) }   // zero every 7th row
        var text = "x,y,r\n"
        text.reserveCapacity(n * 20)
        for i in 0..<n { text += "\(x(i)),\(y(i)),\(regions[i % 4])\n" }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kerwen-parallel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try text.write(to: dir.appendingPathComponent("big.csv"), atomically: true, encoding: .utf8)
        let script = """
        load t from "big.csv"
        let r = t | derive q = x / y, pos = x > 0 and y != 3, pick = if r == "Fergana" then x else y
          | where pos or r == "Khorezm"
          | group by r | summarize s = sum(q), m = median(x), p = sum(pick), n = count()
        export r to "r.csv"
        check t { rule: x > 0 }
        """
        let (out, err, ok) = try TestSupport.session(script, base: dir)
        XCTAssertTrue(ok, err)
        var s: [String: Double] = [:], p: [String: Double] = [:], xs: [String: [Double]] = [:], count: [String: Int] = [:]
        // The division comes before the `where`: its zero divisors are counted over every row.
        let zeroDivisions = (0..<n).filter { y($0) == 0 }.count
        for i in 0..<n {
            let r = regions[i % 4]
            guard (x(i) > 0 && y(i) != 3) || r == "Khorezm" else { continue }
            if y(i) != 0 { s[r, default: 0] += x(i) / y(i) }
            p[r, default: 0] += r == "Fergana" ? x(i) : y(i)
            xs[r, default: []].append(x(i))
            count[r, default: 0] += 1
        }
        let lines = try String(contentsOf: dir.appendingPathComponent("r.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
        XCTAssertEqual(lines.count, 4)
        for line in lines {
            let f = line.split(separator: ",").map(String.init)
            let r = f[0]
            XCTAssertEqual(Double(f[1])!, s[r]!, accuracy: 1e-6 * abs(s[r]!), r)
            let sorted = xs[r]!.sorted(), h = Double(sorted.count - 1) * 0.5, lo = Int(h)
            XCTAssertEqual(Double(f[2])!, sorted[lo] + (h - Double(lo)) * (sorted[lo + 1] - sorted[lo]), r)
            XCTAssertEqual(Double(f[3])!, p[r]!, accuracy: 1e-6 * abs(p[r]!), r)
            XCTAssertEqual(Int(f[4]), count[r], r)
        }
        let grouped = { (k: Int) in k.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US"))) }
        XCTAssertTrue(err.contains("division by zero in \(grouped(zeroDivisions)) rows"), err)
        // Every failing row is counted, though only the first ones are described.
        let failing = (0..<n).filter { x($0) <= 0 }.count
        XCTAssertTrue(out.contains("\(grouped(failing)) of \(grouped(n)) rows fail"), String(out.prefix(300)))
        XCTAssertTrue(out.contains("\(grouped(failing - 50)) more rows"), String(out.suffix(300)))
    }
}

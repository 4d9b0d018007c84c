// `kerwen run --timer`: after each statement, its file and line and the seconds it took, on
// standard error; standard output is the same as without the flag.

import Foundation
import XCTest

final class TimerTests: XCTestCase {
    func testEveryStatementReportsItsLineAndTime() throws {
        let script = "examples/quickstart.kw"
        let plain = try TestSupport.runKerwen(["run", script], cwd: TestSupport.repoRoot)
        let timed = try TestSupport.runKerwen(["run", "--timer", script], cwd: TestSupport.repoRoot)
        XCTAssertEqual(timed.status, 0, timed.stderr)
        XCTAssertEqual(timed.stdout, plain.stdout)
        let pattern = try NSRegularExpression(pattern: #"^examples/quickstart\.kw:(\d+): time: \d+\.\d{3} s$"#)
        let lines = timed.stderr.split(separator: "\n").map(String.init).compactMap { line -> Int? in
            guard let m = pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { return nil }
            return Int(line[Range(m.range(at: 1), in: line)!])
        }
        // The statements that start on lines 5, 7, 8, 11 and 19 (param, two loads, show, indicator) are among them, in order.
        XCTAssertEqual(lines.filter { [5, 7, 8, 11, 19].contains($0) }, [5, 7, 8, 11, 19])
        XCTAssertEqual(lines, lines.sorted())
        XCTAssertFalse(plain.stderr.contains("time:"))
    }
}

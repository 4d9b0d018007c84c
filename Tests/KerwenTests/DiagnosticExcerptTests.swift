// What a diagnostic shows of the source line: a window around the span on a long line (so a one-line
// 100 KB script gives a short, readable message) and no raw control characters (so the input can
// never send escape sequences to the terminal). Expected columns are counted here on the script text.

import Foundation
import XCTest

final class DiagnosticExcerptTests: XCTestCase {
    private func runScript(_ script: String) throws -> TestSupport.Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kerwen-excerpt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("s.kw")
        try script.write(to: file, atomically: true, encoding: .utf8)
        return try TestSupport.runKerwen(["run", file.path], cwd: folder)
    }

    /// The excerpt line (`N | text`) and the caret line under it.
    private func excerpt(_ stderr: String) -> (text: String, caret: String)? {
        let lines = stderr.components(separatedBy: "\n")
        guard let i = lines.firstIndex(where: { $0.hasPrefix("1 | ") }), i + 1 < lines.count else { return nil }
        return (String(lines[i].dropFirst(4)), String(lines[i + 1].dropFirst(4)))
    }

    func testALongLineIsShownAsAWindowWithTheCaretUnderTheSpan() throws {
        let prefix = "show " + String(repeating: "1 + ", count: 3_000)
        let r = try runScript(prefix + "nope + 2 + 3\n")
        XCTAssertEqual(r.status, 1, r.stderr)
        let shown = try XCTUnwrap(excerpt(r.stderr), r.stderr)
        XCTAssertLessThanOrEqual(shown.text.count, 170, shown.text)
        XCTAssertTrue(shown.text.hasPrefix("…"), shown.text)
        XCTAssertTrue(shown.text.hasSuffix("nope + 2 + 3"), shown.text)
        let column = try XCTUnwrap(shown.text.range(of: "nope")).lowerBound
        let caretColumn = try XCTUnwrap(shown.caret.firstIndex(of: "^"))
        XCTAssertEqual(shown.text.distance(from: shown.text.startIndex, to: column),
                       shown.caret.distance(from: shown.caret.startIndex, to: caretColumn))
        XCTAssertTrue(shown.caret.contains("^^^^") && !shown.caret.contains("^^^^^"), shown.caret)
        // The location is the real column on the whole line (1-based), not the excerpt's.
        XCTAssertTrue(r.stderr.contains("s.kw:1:\(prefix.count + 1):"), r.stderr)
    }

    func testALongLineAfterTheSpanIsCut() throws {
        let r = try runScript("show nope + " + String(repeating: "1 + ", count: 3_000) + "1\n")
        XCTAssertEqual(r.status, 1, r.stderr)
        let shown = try XCTUnwrap(excerpt(r.stderr), r.stderr)
        XCTAssertTrue(shown.text.hasPrefix("show nope + 1 + "), shown.text)
        XCTAssertTrue(shown.text.hasSuffix("…"), shown.text)
        XCTAssertLessThanOrEqual(shown.text.count, 170)
        XCTAssertEqual(shown.caret.firstIndex(of: "^").map { shown.caret.distance(from: shown.caret.startIndex, to: $0) }, 5)
    }

    func testControlCharactersNeverReachTheTerminal() throws {
        // An escape sequence outside a string is E001, named by its code point; inside a name or a
        // string quoted back by a message, it is shown as U+FFFD.
        let r = try runScript("let a = 1 \u{1B}[31m\n")
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("error[E001]"), r.stderr)
        XCTAssertTrue(r.stderr.contains("U+001B"), r.stderr)
        XCTAssertFalse(r.stderr.unicodeScalars.contains("\u{1B}"), r.stderr)
        let s = try runScript("load t from \"x\u{1B}]0;owned\u{07}.csv\"\n")
        XCTAssertEqual(s.status, 1, s.stderr)
        XCTAssertFalse(s.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, s.stderr)
        XCTAssertTrue(s.stderr.contains("\u{FFFD}"), s.stderr)
    }

    func testATabKeepsTheCaretInPlace() throws {
        let r = try runScript("show\t\t1 + nope\n")
        let shown = try XCTUnwrap(excerpt(r.stderr), r.stderr)
        XCTAssertEqual(shown.text, "show  1 + nope")
        XCTAssertEqual(shown.caret.trimmingCharacters(in: .whitespaces).prefix(4), "^^^^")
        XCTAssertEqual(shown.caret.firstIndex(of: "^").map { shown.caret.distance(from: shown.caret.startIndex, to: $0) }, 10)
    }

    func testARunOfOneStrayCharacterIsOneError() throws {
        // 40 copies of U+00A4 between two names: one E001 whose caret covers the run.
        let r = try runScript("show 1 " + String(repeating: "\u{A4}", count: 40) + " 2\n")
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stderr.components(separatedBy: "error[E001]").count - 1, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("s.kw:1:8:"), r.stderr)
        XCTAssertTrue(r.stderr.contains(String(repeating: "^", count: 40)), r.stderr)
    }

    func testAPageOfErrorsShowsTheFirstOnesAndCountsTheRest() throws {
        // 60 lines, each with one unknown name: 25 errors shown, then one line for the other 35.
        let script = (1...60).map { "show nope\($0)" }.joined(separator: "\n") + "\n"
        let r = try runScript(script)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stderr.components(separatedBy: "error[E013]").count - 1, 25, r.stderr)
        XCTAssertTrue(r.stderr.contains("s.kw:25:6:") && !r.stderr.contains("s.kw:26:6:"), r.stderr)
        XCTAssertTrue(r.stderr.contains("35 more problems not shown"), r.stderr)
    }
}

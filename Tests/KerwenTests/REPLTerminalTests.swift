// The prompt driven through a real pseudo-terminal (tmux): typing, completion, history, Ctrl-C, Ctrl-D, UTF-8.

import Foundation
import XCTest

final class REPLTerminalTests: XCTestCase {
    private var session = ""
    private var historyFile = ""
    private let socket = "kerwen-tests"

    /// Runs tmux through the shell with popen/pclose: Foundation's Process could wait forever for the
    /// short-lived tmux client when the tests' output is a pipe.
    private func tmux(_ args: [String]) -> String {
        Self.shell("tmux -L \(socket) " + args.map(Self.quote).joined(separator: " "))
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @discardableResult
    static func shell(_ command: String) -> String {
        guard let f = popen(command + " </dev/null 2>/dev/null", "r") else { return "" }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        pclose(f)
        return String(decoding: data, as: UTF8.self)
    }

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else { throw XCTSkip("tmux is not installed") }
        session = "kw\(UInt32.random(in: 0...UInt32.max))"
        historyFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(session).history").path
    }

    override class func tearDown() { shell("tmux -L kerwen-tests kill-server") }

    override func tearDown() {
        _ = tmux(["kill-session", "-t", session])
        try? FileManager.default.removeItem(atPath: historyFile)
    }

    private func start(_ env: String = "NO_COLOR=1", arguments: String = "--no-rc") {
        let command = "cd \(TestSupport.repoRoot.path) && env -u NO_COLOR \(env) KERWEN_HISTORY=\(historyFile) \(TestSupport.binary.path) \(arguments); echo EXIT=$?; sleep 30"
        Self.shell("tmux -L \(socket) new-session -d -s \(session) -x 120 -y 50 \(Self.quote(command)) >/dev/null")
        XCTAssertTrue(waitFor("kw>"), "no prompt:\n" + screen())
    }

    private func keys(_ k: String...) { _ = tmux(["send-keys", "-t", session] + k) }
    private func type(_ text: String) { _ = tmux(["send-keys", "-t", session, "-l", text]) }

    /// Types a line and presses Enter.
    private func enter(_ text: String) { type(text); keys("Enter") }

    private func loadSurvey() { enter("load survey from \"examples/data/labour_migrants.csv\"") }

    private func screen(escapes: Bool = false) -> String {
        tmux(["capture-pane", "-t", session, "-p"] + (escapes ? ["-e"] : []))
    }

    @discardableResult
    private func waitFor(_ text: String, timeout: Double = 15, count: Int = 1) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if screen().components(separatedBy: text).count - 1 >= count { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    func testExpressionAndResult() {
        start()
        enter("show 6 * 7")
        XCTAssertTrue(waitFor("\n42\n"), screen())
    }

    func testMultiLineIndicatorWithContinuationPromptAndHistoryRecall() {
        start()
        loadSurvey()
        enter("indicator women {")
        XCTAssertTrue(waitFor("...>"), screen())
        for line in ["data: survey", "value: share(sex == \"F\")", "by: destination", "}"] { enter(line) }
        enter("show women | take 2")
        XCTAssertTrue(waitFor("(2 rows)"), screen())
        // Up-arrow twice recalls the whole indicator block as one entry.
        keys("Up"); keys("Up")
        XCTAssertTrue(waitFor("by: destination", count: 2), screen())
    }

    func testTabCompletesColumnName() {
        start()
        loadSurvey()
        XCTAssertTrue(waitFor("kw>", count: 2))
        type("show survey | where monthly_inc"); keys("Tab")
        XCTAssertTrue(waitFor("where monthly_income_usd"), screen())
        enter(" > 5000 | summarize n = count()")
        XCTAssertTrue(waitFor("(1 row)"), screen())
    }

    func testTabCompletesFilePathAndKeyword() {
        start()
        type("load survey from \"examples/da"); keys("Tab")
        XCTAssertTrue(waitFor("\"examples/data/"), screen())
        type("labour_m"); keys("Tab")
        XCTAssertTrue(waitFor("labour_migrants.csv\""), screen())
    }

    func testASandboxedPromptReadsOnlyInsideItsFolder() {
        // `kerwen repl --sandbox examples`: data and `:load` scripts under it only; the session stays.
        start(arguments: "repl --no-rc --sandbox examples --max-memory 1G")
        enter("load survey from \"/etc/passwd\"")
        XCTAssertTrue(waitFor("E111"), screen())
        enter(":load Tests/golden/basics/arithmetic.kw")
        XCTAssertTrue(waitFor("E111", count: 2), screen())
        enter("load survey from \"examples/data/labour_migrants.csv\"")
        enter("show survey | summarize n = count()")
        XCTAssertTrue(waitFor("3000"), screen())
    }

    func testCtrlCInterruptsLongComputationAndPromptStillWorks() {
        start()
        loadSurvey()
        enter("let ids = survey | derive k = 1 | select k, person_id | rename person_id to other")
        // A 9-million-row self join whose rows are read by several aggregates: long enough to
        // interrupt (a bare count reads only the key, and the pruned join is done in a second).
        enter("show survey | derive k = 1 | join ids on k | summarize n = count(), s = sum(other), m = median(other + age), d = n_distinct(other)")
        Thread.sleep(forTimeInterval: 1.0)
        keys("C-c")
        XCTAssertTrue(waitFor("interrupted"), screen())
        enter("show 1 + 1")
        XCTAssertTrue(waitFor("\n2\n"), screen())
        // Ctrl-C on a typed line clears it and stays.
        type("show 99"); keys("C-c")
        enter("show 3")
        XCTAssertTrue(waitFor("\n3\n"), screen())
        XCTAssertFalse(screen().contains("EXIT="))
    }

    func testCtrlDExitsAndHistoryIsSaved() throws {
        start()
        enter("let a = 1")
        enter("show a + 1")
        XCTAssertTrue(waitFor("\n2\n"))
        keys("C-d")
        XCTAssertTrue(waitFor("EXIT=0"), screen())
        let history = try String(contentsOfFile: historyFile, encoding: .utf8)
        XCTAssertTrue(history.contains("let\\040a\\040=\\0401") || history.contains("let a = 1"), history)
        XCTAssertTrue(history.contains("show"), history)
    }

    func testCyrillicAndTurkmenInputRoundTrips() {
        start("NO_COLOR=1 LANG= LC_ALL=")
        enter("let доход = 1200")
        enter("show concat(\"aýlyk \", доход / 3)")
        XCTAssertTrue(waitFor("aýlyk 400"), screen())
    }

    func testNoColorMeansNoEscapeCodes() {
        start("NO_COLOR=1")
        enter("show nosuchname")
        XCTAssertTrue(waitFor("error[E013]"), screen())
        XCTAssertFalse(screen(escapes: true).utf8.contains(0x1B), "escape codes with NO_COLOR")
    }

    func testColourOnTerminalWithoutNoColor() {
        start("TERM=xterm-256color")
        enter("show nosuchname")
        XCTAssertTrue(waitFor("error[E013]"), screen())
        XCTAssertTrue(screen(escapes: true).utf8.contains(0x1B), "expected colour on a terminal:\n" + screen(escapes: true).debugDescription)
    }

    func testMetaCommands() {
        start()
        enter(":quite")
        XCTAssertTrue(waitFor("did you mean `:quit`?"), screen())
        enter("?median")
        XCTAssertTrue(waitFor("median(x)"), screen())
        enter(":q")
        XCTAssertTrue(waitFor("EXIT=0"), screen())
    }
}

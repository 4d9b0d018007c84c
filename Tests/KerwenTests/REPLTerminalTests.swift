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

    // One session that lives through the whole class keeps the tmux server up: without it the server
    // exits with each test's last session, and the next test's `new-session` could meet it shutting
    // down (a test then saw no prompt at all, now and then, on a busy machine).
    override class func setUp() { shell("tmux -L kerwen-tests new-session -d -s keepalive 'sleep 3600'") }

    override class func tearDown() { shell("tmux -L kerwen-tests kill-server") }

    override func tearDown() {
        _ = tmux(["kill-session", "-t", session])
        try? FileManager.default.removeItem(atPath: historyFile)
    }

    private func start(_ env: String = "NO_COLOR=1", arguments: String = "--no-rc", folder: String = "", height: Int = 50) {
        let command = "cd \(TestSupport.repoRoot.appendingPathComponent(folder).path) && env -u NO_COLOR KERWEN_LANG=en \(env) KERWEN_HISTORY=\(historyFile) \(TestSupport.binary.path) \(arguments); echo EXIT=$?; sleep 30"
        Self.shell("tmux -L \(socket) new-session -d -s \(session) -x 120 -y \(height) \(Self.quote(command)) >/dev/null")
        XCTAssertTrue(waitFor("kw>"), "no prompt:\n" + screen())
    }

    private func keys(_ k: String...) { _ = tmux(["send-keys", "-t", session] + k) }
    private func type(_ text: String) { _ = tmux(["send-keys", "-t", session, "-l", text]) }

    /// Types a line and presses Enter.
    private func enter(_ text: String) { type(text); keys("Enter") }

    /// libedit's history file: one entry per line, its `\NNN` escapes decoded (an entry of several
    /// lines is one line of the file, its newlines written `\012`).
    private func historyEntries() -> [String] {
        let raw = (try? String(contentsOfFile: historyFile, encoding: .utf8)) ?? ""
        return raw.split(separator: "\n").dropFirst().map { line in
            var out = "", i = line.startIndex
            while i < line.endIndex {
                if line[i] == "\\", let end = line.index(i, offsetBy: 4, limitedBy: line.endIndex),
                   let code = UInt8(line[line.index(after: i)..<end], radix: 8) {
                    out.append(Character(UnicodeScalar(code))); i = end
                } else { out.append(line[i]); i = line.index(after: i) }
            }
            return out
        }
    }

    /// Types a line and waits until its output has ended in a new prompt (the screen's last line).
    private func enterAndWait(_ text: String) {
        let before = screen()
        enter(text)
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            let now = screen()
            let last = now.split(separator: "\n").last.map(String.init)?.trimmingCharacters(in: .whitespaces)
            if now != before && last == "kw>" { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("no prompt after `\(text)`:\n" + screen())
    }

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

    /// With a Russian locale the prompt speaks Russian (banner, errors, `?share`); `:lang uz` switches
    /// at once, for the next message.
    func testRussianLocaleThenUzbekAtTheSamePrompt() {
        start("NO_COLOR=1 KERWEN_LANG= LC_ALL= LC_MESSAGES= LANG=ru_RU.UTF-8")
        XCTAssertTrue(waitFor("справка: :help, выход: :quit"), screen())
        enterAndWait("show 1 + nosuch")
        XCTAssertTrue(waitFor("ошибка[E013]: неизвестное имя `nosuch`"), screen())
        enterAndWait("?share")
        XCTAssertTrue(waitFor("Доля (от 0 до 1) строк, где условие истинно"), screen())
        enterAndWait(":lang uz")
        XCTAssertTrue(waitFor("Kerwen endi oʻzbekcha gapiradi"), screen())
        enterAndWait("show 1 + nosuch")
        XCTAssertTrue(waitFor("xato[E013]: nomaʼlum nom `nosuch`"), screen())
        enterAndWait(":lang xx")
        XCTAssertTrue(waitFor("foydalaning: `:lang en|ru|tk|uz`"), screen())
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

    // Lesson 02 typed at the prompt line by line, as it is written (each step on its own line
    // starting with `|`), from the lesson's folder. Expected values worked out with Python's csv
    // module over the same file: 174 migrants to Russia in 2023; the largest fee share is person
    // 1655 at 9.0008 %.
    func testLessonTwoTypedLineByLine() {
        // Tall enough that no table is paged: the lesson's lines are typed one after the other.
        start(folder: "examples/workshop", height: 120)
        for line in ["load survey from \"../data/labour_migrants.csv\"", "show survey",
                     "  | where destination == \"Russia\" and year == 2023", "  | summarize migrants = count()"] {
            enterAndWait(line)
        }
        XCTAssertTrue(waitFor(" 174\n(1 row)"), screen())
        for line in ["show survey", "  | where remit_amount_usd > 0", "  | derive fee_percent = remit_fee_usd / remit_amount_usd * 100",
                     "  | select person_id, destination, remit_amount_usd, remit_fee_usd, fee_percent", "  | sort -fee_percent", "  | take 5"] {
            enterAndWait(line)
        }
        XCTAssertTrue(waitFor("(5 rows)"), screen())
        XCTAssertTrue(screen().contains("1655"), screen())
        XCTAssertFalse(screen().contains("error["), screen())
        // `:save` keeps each pipeline once, whole.
        let saved = FileManager.default.temporaryDirectory.appendingPathComponent("\(session).kw").path
        enter(":save \(saved)")
        XCTAssertTrue(waitFor("saved"), screen())
        let text = (try? String(contentsOfFile: saved, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: saved)
        XCTAssertEqual(text.components(separatedBy: "show survey").count - 1, 2, text)
        XCTAssertTrue(text.contains("| summarize migrants = count()"), text)
    }

    // Lesson 04: a `let` continued line by line is rebound; the top region by estimated migrants per
    // 100,000 in 2023 is Navoi (353.52, by Python over the two CSV files).
    func testLessonFourTypedLineByLine() {
        start(folder: "examples/workshop", height: 120)
        for line in ["load survey from \"../data/labour_migrants.csv\"", "load population from \"../data/population.csv\"",
                     "let per_region = survey", "  | group by origin_region, year",
                     "  | summarize migrants = count(), weighted = wsum(weight, 1)",
                     "  | join population on origin_region == region, year",
                     "fn per_100k(count, people) = count / people * 100000", "show per_region", "  | where year == 2023",
                     "  | derive sampled_per_100k = per_100k(migrants, population), estimated_per_100k = per_100k(weighted, population)",
                     "  | sort -estimated_per_100k", "  | take 5"] {
            enterAndWait(line)
        }
        XCTAssertTrue(waitFor("(5 rows)"), screen())
        let rows = screen().split(separator: "\n").filter { $0.hasPrefix("Navoi") }
        XCTAssertFalse(rows.isEmpty, screen())
        XCTAssertTrue(rows.last?.contains("353.5") ?? false, screen())
        XCTAssertFalse(screen().contains("error["), screen())
    }

    // A block pasted at once (one tmux send of several lines) runs once, as one history entry.
    func testAPastedBlockIsOneEntry() {
        start()
        loadSurvey()
        type("show survey\n  | where sex == \"F\"\n  | summarize n = count()\n")
        XCTAssertTrue(waitFor("(1 row)"), screen())
        XCTAssertFalse(screen().contains("(3,000 rows)"), "the first line was not run alone:\n" + screen())
        enter(":quit")
        XCTAssertTrue(waitFor("EXIT=0"), screen())
        let entries = historyEntries()
        XCTAssertTrue(entries.contains("show survey\n  | where sex == \"F\"\n  | summarize n = count()"), "\(entries)")
        XCTAssertFalse(entries.contains("show survey"), "\(entries)")
    }

    // A table taller than the terminal goes through the pager: the last row and the footer are there
    // and no escape code is shown as text.
    func testThePagerShowsEveryRowAndTheFooter() {
        start("FORCE_COLOR=1", height: 30)
        loadSurvey()
        XCTAssertTrue(waitFor("kw>", count: 2), screen())
        enter("show survey | select person_id, sex | take 200")
        XCTAssertTrue(waitFor("\n:"), screen())
        keys("G")
        XCTAssertTrue(waitFor("(200 rows)"), screen())
        XCTAssertTrue(screen().contains("  200  "), screen())
        XCTAssertFalse(screen().contains("ESC[") || screen().contains("[1m"), screen())
        keys("q")
        enter("show 1 + 1")
        XCTAssertTrue(waitFor("\n2\n"), screen())
    }

    // `:load` of a lesson from the repository root: its data paths are relative to the lesson's folder.
    func testLoadRunsALessonWithItsOwnFolder() {
        start(height: 200)
        enterAndWait(":load examples/workshop/01_look_at_data.kw")
        XCTAssertFalse(screen().contains("E022"), screen())
        enter(":datasets")
        XCTAssertTrue(waitFor("survey"), screen())
    }

    // A habit from another tool at the prompt: `exit` gets the way out in its hint; `head(t)` the
    // Kerwen spelling; the session goes on.
    func testFirstHourHabitsGetHintsAtThePrompt() {
        start()
        loadSurvey()
        enter("exit")
        XCTAssertTrue(waitFor("type `:quit`"), screen())
        enter("head(survey)")
        XCTAssertTrue(waitFor("show survey | take 6"), screen())
        enter("show 2 + 2")
        XCTAssertTrue(waitFor("\n4\n"), screen())
    }

    // TAB after a Cyrillic prefix completes the Cyrillic column (it was deleted: libedit counts
    // characters, the completer counted bytes); a name with a space completes in back-quotes; a text
    // value of a column completes inside quotes after `==`.
    func testCompletionOfCyrillicNamesQuotedNamesAndValues() {
        start()
        enter("load r from \"Tests/golden/data/cyrillic_columns.csv\"")
        XCTAssertTrue(waitFor("kw>", count: 2), screen())
        type("show r | select Нас"); keys("Tab")
        XCTAssertTrue(waitFor("select Население"), screen())
        keys("C-u")
        type("show r | select tot"); keys("Tab")
        XCTAssertTrue(waitFor("select `total population`"), screen())
        keys("C-u")
        type("show r | where Регион == \"Ма"); keys("Tab")
        XCTAssertTrue(waitFor("== \"Мары\""), screen())
        keys("Enter")
        XCTAssertTrue(waitFor("(1 row)"), screen())
    }

    // An empty line at the continuation prompt says what is still open and where it was opened;
    // closing it runs the statement; Ctrl-C drops an unfinished one.
    func testAnEmptyLineSaysWhatIsStillOpen() {
        start()
        loadSurvey()
        enter("show survey | summarize n = count(")
        XCTAssertTrue(waitFor("...>"), screen())
        enter("")
        XCTAssertTrue(waitFor("N005"), screen())
        XCTAssertTrue(screen().contains("type the closing `)`"), screen())
        enter(")")
        XCTAssertTrue(waitFor("(1 row)"), screen())
        enter("show \"abc")
        enter("")
        XCTAssertTrue(waitFor("this `\"` is not closed"), screen())
        keys("C-c")
        enter("show 5 * 5")
        XCTAssertTrue(waitFor("\n25\n"), screen())
    }

    // `:decimals 5` shows every number column with five decimals (small.csv's mean income is
    // 1400 / 7 = 200 exactly; its mean cost 143 / 7 = 20.428571…); `:decimals auto` goes back.
    func testDecimalsCommand() {
        start()
        enter("load t from \"Tests/golden/data/small.csv\"")
        enter(":decimals 5")
        enter("show t | summarize c = mean(cost)")
        XCTAssertTrue(waitFor("20.42857"), screen())
        enter(":decimals auto")
        enter("show t | summarize c2 = mean(cost)")
        XCTAssertTrue(waitFor("20.429"), screen())
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

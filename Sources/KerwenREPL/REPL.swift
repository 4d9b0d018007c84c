// The interactive prompt: reads statements (several lines when unfinished), runs them in one Session.

import Foundation
import KerwenDiagnostics
import KerwenSession
import KerwenSyntax

public final class REPL {
    public let session: Session
    var timing = false
    private var editor: LineEditor!
    private var pendingOutput = ""
    public static let prompt = "kw> "
    public static let continuationPrompt = "...> "

    public init(version: String, language: Language = .en) {
        self.version = version
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        session = Session(baseDirectory: cwd, useColor: Terminal.colorAllowed, language: language)
        session.writeOut = { [unowned self] text in self.pendingOutput += text }
        session.writeErr = { text in StandardStreams.err(text) }
        editor = LineEditor(historyPath: Self.historyPath, completion: { [unowned self] line, start, end in
            Completer(session: self.session).complete(line: line, wordStart: start, cursor: end)
        })
    }

    private let version: String

    /// $KERWEN_HISTORY (empty disables history), else ~/.kerwen_history.
    static var historyPath: String? {
        if let env = ProcessInfo.processInfo.environment["KERWEN_HISTORY"] { return env.isEmpty ? nil : env }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".kerwen_history").path
    }

    func write(_ text: String) { StandardStreams.out(text) }

    func report(_ d: Diagnostic) { StandardStreams.err(session.render([d])) }

    /// Runs source text in the session; Ctrl-C stops it and the session stays usable.
    @discardableResult
    func run(_ text: String, name: String = "<input>") -> Bool {
        Interrupt.clear()
        if let size = Terminal.size() {
            session.renderOptions.width = size.columns
            // Charts fill the width and a third of the height (between 8 and 24 rows).
            session.terminalWidth = size.columns
            session.chartHeight = max(8, min(24, size.rows / 3))
        }
        let started = Date()
        var ok = false
        do {
            ok = try session.run(text: text, name: name)
        } catch {
            pendingOutput += session.catalog.word("W.interrupted") + "\n"
        }
        Interrupt.clear()
        let output = pendingOutput
        pendingOutput = ""
        if !output.isEmpty { Terminal.page(output) }
        if timing { write(session.catalog.word("W.time", String(format: "%.3f", Date().timeIntervalSince(started))) + "\n") }
        return ok
    }

    /// The startup file, skipped with `--no-rc` (and never read by `kerwen run`).
    private func readStartupFile() {
        let rc = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".kerwenrc")
        if let text = try? String(contentsOf: rc, encoding: .utf8) { run(text, name: rc.path) }
    }

    public func start(readRC: Bool) -> Int32 {
        write(session.catalog.word("W.banner", version) + "\n")
        if readRC { readStartupFile() }
        var buffer = ""
        // The last statement entered, which a line starting with `|` continues (see `Continuation`).
        var previous: String? = nil, previousRan = false
        // A line read ahead while a paste was still arriving, handled next.
        var readAhead: String? = nil
        while true {
            Interrupt.clear()
            let next = readAhead ?? editor.readLine(prompt: buffer.isEmpty ? Self.prompt : Self.continuationPrompt)
            readAhead = nil
            guard let line = next else {
                if Interrupt.isRequested {
                    // Ctrl-C at the prompt: drop the line (and any unfinished statement), stay.
                    buffer = ""
                    write("\n")
                    continue
                }
                write("\n")
                return 0
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if buffer.isEmpty && (trimmed.hasPrefix(":") || trimmed.hasPrefix("?")) {
                editor.addHistory(trimmed)
                if !metaCommand(trimmed) { return 0 }
                continue
            }
            if buffer.isEmpty && trimmed.isEmpty { continue }
            if !buffer.isEmpty && trimmed.isEmpty {
                // An empty line at the continuation prompt: say what is still open, and where.
                let file = session.sources.add(name: "<input>", text: buffer)
                report(Continuation.whatIsOpen(file))
                continue
            }
            buffer += buffer.isEmpty ? line : "\n" + line
            if Parser.isIncomplete(buffer) { continue }
            // A block pasted at once is one entry: while more input is already waiting, the lines
            // that continue the statement (`| step`) join it before it runs.
            while Terminal.inputPending(), let more = editor.readLine(prompt: Self.continuationPrompt) {
                if Continuation.startsWithStep(more) {
                    buffer += "\n" + more
                } else {
                    readAhead = more
                    break
                }
            }
            // A step that opened a bracket or a quote: the statement goes on on the next line.
            if Parser.isIncomplete(buffer) { continue }
            editor.addHistory(buffer)
            var entry = buffer
            if Continuation.startsWithStep(buffer), let base = previous, Continuation.canContinue(base) {
                // `| where …` on its own line adds a step to the statement before (as IEx's `|>`):
                // it runs again with the step, a `show` shows the new result, a `let` is rebound.
                entry = base + "\n" + buffer
            }
            let ran = run(entry)
            if ran, entry != buffer, previousRan { session.replaceLastEntries(2, with: entry) }
            previous = entry
            previousRan = ran
            buffer = ""
        }
    }
}

// libedit behind a small Swift API: UTF-8 locale, prompts, history file, TAB completion.

@preconcurrency import CLibEdit
import Foundation

/// Candidates for the word under the cursor, given the whole line and the cursor's byte offset.
public typealias CompletionProvider = (_ line: String, _ wordStart: Int, _ cursor: Int) -> [String]

/// State read by libedit's C callbacks; touched only on the input thread.
nonisolated(unsafe) private var completionProvider: CompletionProvider?
nonisolated(unsafe) private var pendingMatches: [String] = []

/// libedit calls this for each TAB; we answer with our own matches, never its filename fallback.
private func attemptedCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1
    let line = rl_line_buffer.map { String(cString: $0) } ?? ""
    // libedit counts `start` and `end` in characters of its wide line, not bytes: after a Cyrillic
    // letter (two bytes) the offsets were short, so `По`+TAB matched nothing and the word was lost.
    let scalars = Array(line.unicodeScalars)
    func byteOffset(_ characters: Int32) -> Int {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars.prefix(max(0, Int(characters))))
        return String(s).utf8.count
    }
    pendingMatches = completionProvider?(line, byteOffset(start), byteOffset(end)) ?? []
    // A directory (ends with "/") or a call (ends with "(") gets no trailing space;
    // a file name inside quotes gets the closing quote.
    let insideQuotes = line.utf8.prefix(byteOffset(start)).filter { $0 == UInt8(ascii: "\"") }.count % 2 == 1
    if pendingMatches.count == 1, let only = pendingMatches.first, only.hasSuffix("/") || only.hasSuffix("(") || only.hasSuffix(".") {
        rl_completion_append_character = 0
    } else {
        rl_completion_append_character = insideQuotes ? 34 : 32
    }
    if pendingMatches.isEmpty { return nil }
    guard let text else { return nil }
    return rl_completion_matches(text, matchGenerator)
}

/// The generator style: called with state 0, 1, 2 … and returning malloc'd strings until nil.
private func matchGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    let i = Int(state)
    guard i < pendingMatches.count else { return nil }
    return strdup(pendingMatches[i])
}

public final class LineEditor {
    public let historyPath: String?
    private var lastEntry: String?
    public static let historyLimit: Int32 = 5000

    /// Sets a UTF-8 locale (libedit drops non-ASCII input without one) and reads the history file.
    public init(historyPath: String?, completion: @escaping CompletionProvider) {
        Self.ensureUTF8Locale()
        self.historyPath = historyPath
        completionProvider = completion
        rl_readline_name = UnsafePointer(strdup("kerwen"))
        rl_attempted_completion_function = attemptedCompletion
        // Word breaks: completion works on names, and on paths inside quotes.
        rl_basic_word_break_characters = UnsafePointer(strdup(" \t\n\"'`@$><=;|&{(,+-*/%^[]:."))
        stifle_history(Self.historyLimit)
        if let historyPath { _ = read_history(historyPath) }
    }

    static func ensureUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    /// One line, or nil on Ctrl-D (or Ctrl-C: the caller tells them apart with the interrupt flag).
    public func readLine(prompt: String) -> String? {
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }

    /// Adds a whole statement as one entry (not the previous one again) and saves the file at once,
    /// so a crash loses nothing.
    public func addHistory(_ entry: String) {
        let trimmed = entry.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed != lastEntry else { return }
        lastEntry = trimmed
        add_history(trimmed)
        if let historyPath { _ = write_history(historyPath) }
    }
}

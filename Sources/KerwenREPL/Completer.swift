// Context-aware TAB completion: meta-commands, keywords, steps, columns, functions, names and paths.

import Foundation
import KerwenSema
import KerwenSession
import KerwenSyntax

public struct Completer {
    /// Names known to the session: (name, columns when it is a table).
    public var names: [(name: String, columns: [String]?)]
    public var functions: [String]
    public var baseDirectory: URL
    /// The text values of a column, for `where region == "…` (none by default).
    public var textValues: (String) -> [String] = { _ in [] }

    public init(names: [(name: String, columns: [String]?)], functions: [String], baseDirectory: URL) {
        self.names = names
        self.functions = functions
        self.baseDirectory = baseDirectory
    }

    public init(session: Session) {
        let symbols = session.symbols
        names = symbols.filter { $0.kind != .function }.map { ($0.name, $0.kind == .dataset || $0.kind == .indicator ? $0.columns : nil) }
        functions = Builtins.all.map(\.name) + symbols.filter { $0.kind == .function }.map(\.name)
        baseDirectory = session.interpreter.baseDirectory
        textValues = { [session] in session.textValues(ofColumn: $0) }
    }

    public static let metaCommands = ["help", "quit", "q", "datasets", "describe", "indicators", "load", "reset", "lang", "explain", "thousands",
                                      "timing", "mode", "save", "plan", "pager", "decimals"]

    /// Candidates for the word that starts at byte `wordStart` and ends at the cursor.
    public func complete(line: String, wordStart: Int, cursor: Int) -> [String] {
        let bytes = Array(line.utf8)
        let start = max(0, min(wordStart, bytes.count)), end = max(start, min(cursor, bytes.count))
        let word = String(decoding: bytes[start..<end], as: UTF8.self)
        let before = String(decoding: bytes[0..<start], as: UTF8.self)
        let trimmedBefore = before.trimmingCharacters(in: .whitespaces)

        // Meta-commands and their file argument.
        if trimmedBefore == ":" { return filter(Self.metaCommands, word) }
        if trimmedBefore.hasPrefix(":load") || trimmedBefore.hasPrefix(":save") {
            return paths(partial: String(trimmedBefore.dropFirst(5)).trimmingCharacters(in: .whitespaces) + word, word: word)
        }
        if trimmedBefore.hasPrefix(":describe") { return filter(tables.map(\.name), word) }
        if trimmedBefore.hasPrefix(":mode") { return filter(["table", "csv", "json", "markdown"], word) }
        if trimmedBefore.hasPrefix(":timing") { return filter(["on", "off"], word) }
        if trimmedBefore.hasPrefix(":help") || trimmedBefore.hasPrefix("?") { return filter(HelpTopics.names, word) }

        // Inside a quoted string: a column's text values after `==`, `!=` or `in [`
        // (`where region == "Ах` → `"Ахал"`); otherwise a file path (`load … from "`, `export … to "`).
        let quotes = before.filter { $0 == "\"" }.count
        if quotes % 2 == 1, let q = before.lastIndex(of: "\"") {
            let typed = String(before[before.index(after: q)...]) + word
            if let column = comparedColumn(String(before[..<q])) {
                let values = textValues(column).filter { $0.hasPrefix(typed) }.sorted()
                if !values.isEmpty { return values.map { String($0.dropFirst(typed.count - word.count)) } }
            }
            return paths(partial: typed, word: word)
        }
        // `dataset.` → its columns.
        if before.hasSuffix("."), let owner = lastIdentifier(in: String(before.dropLast())),
           let cols = names.first(where: { $0.name == owner })?.columns {
            return filter(cols, word)
        }
        // An indented line continues a block: indicator fields and check rules come first.
        if trimmedBefore.isEmpty && !before.isEmpty {
            return filter(Parser.indicatorKeys + Parser.checkRuleWords + names.map(\.name) + functions.map { $0 + "(" }, word)
        }
        if trimmedBefore.isEmpty {
            return filter(Keywords.statements + names.map(\.name) + functions.map { $0 + "(" }, word)
        }
        if trimmedBefore.hasSuffix("|") { return filter(Keywords.steps, word) }
        if trimmedBefore.hasSuffix("group") { return filter(["by"], word) }
        if before.contains("|") || trimmedBefore.hasPrefix("indicator") || before.contains("data:") {
            return quoted(filter(columnsInScope(before), word), after: before) + filter(functions.map { $0 + "(" } + names.map(\.name) + ["and", "or", "not"], word)
        }
        return filter(names.map(\.name) + functions.map { $0 + "(" } + Keywords.all, word)
    }

    private var tables: [(name: String, columns: [String]?)] { names.filter { $0.columns != nil } }

    /// The column compared in `col == `, `col != ` or `col in [… , ` just before a quote.
    private func comparedColumn(_ text: String) -> String? {
        var t = Substring(text.trimmingCharacters(in: .whitespaces))
        if let open = t.lastIndex(of: "["), !t[open...].contains("]") {
            let head = t[..<open].trimmingCharacters(in: .whitespaces)
            guard head.hasSuffix(" in") else { return nil }
            t = Substring(head.dropLast(3))
        } else if t.hasSuffix("==") || t.hasSuffix("!=") {
            t = t.dropLast(2)
        } else {
            return nil
        }
        let head = String(t).trimmingCharacters(in: .whitespaces)
        if head.hasSuffix("`"), let open = head.dropLast().lastIndex(of: "`") { return String(head[head.index(after: open)..<head.index(before: head.endIndex)]) }
        return lastIdentifier(in: head)
    }

    /// Columns of every table named earlier on the line, the first one's first.
    private func columnsInScope(_ text: String) -> [String] {
        var seen: [String] = []
        for ident in identifiers(in: text) {
            if let cols = tables.first(where: { $0.name == ident })?.columns {
                for c in cols where !seen.contains(c) { seen.append(c) }
            }
        }
        return seen
    }

    private func identifiers(in text: String) -> [String] {
        var out: [String] = [], current = ""
        for ch in text {
            if ch.isLetter || ch.isNumber || ch == "_" || ch == "ʻ" { current.append(ch) } else {
                if !current.isEmpty { out.append(current) }
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    private func lastIdentifier(in text: String) -> String? {
        let ids = identifiers(in: text)
        guard let last = ids.last, text.hasSuffix(last) else { return nil }
        return last
    }

    /// Names that are not plain identifiers (`total population`) complete in back-quotes, or with
    /// the closing one when the user already typed the opening back-quote.
    private func quoted(_ names: [String], after before: String) -> [String] {
        let opened = before.filter { $0 == "`" }.count % 2 == 1
        return names.map { n in
            if opened { return n + "`" }
            return ExprPrinter.name(n) == n ? n : "`" + n + "`"
        }
    }

    private func filter(_ candidates: [String], _ word: String) -> [String] {
        var seen = Set<String>()
        return candidates.filter { $0.hasPrefix(word) && seen.insert($0).inserted }.sorted()
    }

    /// Entries of the folder named by `partial` (relative to the session's folder), completing `word`.
    private func paths(partial: String, word: String) -> [String] {
        let dirPart = partial.contains("/") ? String(partial[..<partial.lastIndex(of: "/")!]) + "/" : ""
        let expanded = (dirPart as NSString).expandingTildeInPath
        let dir = expanded.hasPrefix("/") ? URL(fileURLWithPath: expanded) : baseDirectory.appendingPathComponent(expanded)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        let namePrefix = String(partial.dropFirst(dirPart.count))
        // libedit replaces only `word` (it stops at `/`, `.`, `-`…), so answer with what follows it.
        let keep = namePrefix.count - word.count
        return entries.filter { $0.hasPrefix(namePrefix) && !$0.hasPrefix(".") }.sorted().map { entry in
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: dir.appendingPathComponent(entry).path, isDirectory: &isDir)
            return String(entry.dropFirst(max(0, keep))) + (isDir.boolValue ? "/" : "")
        }
    }
}

// The prompt's rule for a line that starts with `|`: the lessons write each pipeline step on its
// own line, and typed line by line each step continues the statement before it.

import KerwenDiagnostics
import KerwenSyntax

enum Continuation {
    /// Whether the entry starts with a pipeline step (`| where …`).
    /// Also `and …` / `or …`: a condition of the `where` before it goes on, as in a script; and
    /// `with …`: the options of the statement before (`with decimals: 5`).
    static func startsWithStep(_ text: String) -> Bool {
        let rest = text.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        if rest.hasPrefix("|") { return true }
        for word in ["and", "or", "with"] where rest.hasPrefix(word) {
            let after = rest.dropFirst(word.count).first
            if after == nil || after == " " || after == "(" || after == "\t" { return true }
        }
        return false
    }

    /// Whether a step can be added to this entry: one statement whose value is a table or a
    /// pipeline at its end (`show`, `describe`, `let`, a bare expression), not `export … to`.
    static func canContinue(_ entry: String) -> Bool {
        let program = Parser.parse(SourceFile(id: SourceID(-4), name: "<previous>", text: entry))
        guard program.diagnostics.isEmpty, program.statements.count == 1 else { return false }
        switch program.statements[0].kind {
        case .show, .describe, .explain, .letBinding, .expression: return true
        default: return false
        }
    }

    /// What keeps an unfinished entry open — an unclosed quote or bracket (where it was opened), or
    /// a last token that needs more — said when the user answers the continuation prompt with an
    /// empty line.
    static func whatIsOpen(_ file: SourceFile) -> Diagnostic {
        let lexer = Lexer.tokenize(file)
        if let unclosed = lexer.diagnostics.first(where: { $0.code == "E002" }), let span = unclosed.span {
            let quote = Span(source: span.source, start: span.start, end: span.start + 1)
            return Diagnostic(.note, Message("N005", "\""), at: quote, hint: Message("H105", "\""))
        }
        var open: [Token] = []
        let closer = ["(": ")", "[": "]", "{": "}"]
        for t in lexer.tokens where t.kind == .symbol {
            if closer[t.text] != nil { open.append(t) } else if let last = open.last, closer[last.text] == t.text { open.removeLast() }
        }
        if let last = open.last {
            return Diagnostic(.note, Message("N005", last.text), at: last.span, hint: Message("H105", closer[last.text] ?? ""))
        }
        let end = lexer.tokens.last { $0.kind != .newline && $0.kind != .eof }
        return Diagnostic(.note, Message("N006", end?.text ?? ""), at: end?.span, hint: Message("H106"))
    }
}

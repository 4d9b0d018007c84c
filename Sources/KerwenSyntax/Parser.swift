// Recursive-descent parser: the token cursor, error recovery and the program rule.

import KerwenDiagnostics

public struct Parser {
    var tokens: [Token]
    var index = 0
    /// How many expression rules are open inside each other (see `Limits.nesting`).
    var nesting = 0
    /// Inside a call's arguments: a `,` before something that is not a name ends a step's list of
    /// names and starts the next argument (`quantile(t | select x, 0.5)`).
    var inCallArguments = 0
    let file: SourceFile
    public internal(set) var diagnostics: [Diagnostic] = []

    public init(file: SourceFile) {
        let lexer = Lexer.tokenize(file)
        self.tokens = lexer.tokens
        self.file = file
        self.diagnostics = lexer.diagnostics
    }

    /// program -> (statement NEWLINE)*
    /// Parses a whole source; a statement with an error is skipped up to its end so later errors are found too.
    public static func parse(_ file: SourceFile) -> Program {
        var parser = Parser(file: file)
        var statements: [Stmt] = []
        parser.skipNewlines()
        while !parser.atEnd {
            do {
                let stmt = try parser.statement()
                statements.append(stmt)
                try parser.endOfStatement()
            } catch let d as Diagnostic {
                parser.diagnostics.append(d)
                parser.synchronize()
            } catch {
                parser.synchronize()
            }
            parser.skipNewlines()
        }
        return Program(statements: statements, diagnostics: parser.diagnostics, file: file)
    }

    /// Whether the text is an unfinished statement the REPL should keep reading (open bracket, block, string or trailing operator).
    public static func isIncomplete(_ text: String) -> Bool {
        let file = SourceFile(id: SourceID(-2), name: "<input>", text: text)
        if Lexer.tokenize(file).endsIncomplete { return true }
        let program = parse(file)
        return program.diagnostics.contains { $0.code == "E003" && $0.message.args.last == .message(Message("T.eof")) }
    }

    // MARK: - Cursor

    var current: Token { tokens[index] }
    var atEnd: Bool { current.kind == .eof }

    func peek(_ offset: Int = 1) -> Token {
        let i = index + offset
        return i < tokens.count ? tokens[i] : tokens[tokens.count - 1]
    }

    @discardableResult
    mutating func advance() -> Token {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    mutating func skipNewlines() {
        while current.kind == .newline { advance() }
    }

    /// How a token is named in "expected …, found …".
    func describe(_ t: Token) -> MessageArgument {
        switch t.kind {
        case .eof: return .message(Message("T.eof"))
        case .newline: return .message(Message("T.newline"))
        case .string: return .text("\"\(t.text)\"")
        case .variable: return .text("`$\(t.text)`")
        default: return .text("`\(t.text)`")
        }
    }

    func unexpected(_ expected: any MessageArgumentConvertible, hint: Message? = nil) -> Diagnostic {
        Diagnostic(.error, Message("E003", expected, describe(current)), at: current.span, hint: hint ?? decimalCommaHint() ?? habitHint())
    }

    /// `0,5` where no list or call is open: a decimal comma, as Russian-locale spreadsheets write it.
    func decimalCommaHint() -> Message? {
        guard current.isSymbol(","), index > 0, index + 1 < tokens.count else { return nil }
        let before = tokens[index - 1], after = tokens[index + 1]
        guard before.kind == .integer, after.kind == .integer,
              before.span.end == current.span.start, after.span.start == current.span.end else { return nil }
        return Message("H117", before.text + "." + after.text)
    }

    @discardableResult
    mutating func expectSymbol(_ s: String, hint: Message? = nil) throws -> Token {
        guard current.isSymbol(s) else { throw unexpected("`\(s)`", hint: hint) }
        return advance()
    }

    mutating func acceptSymbol(_ s: String) -> Bool {
        if current.isSymbol(s) { advance(); return true }
        return false
    }

    mutating func acceptWord(_ w: String) -> Bool {
        if current.isWord(w) { advance(); return true }
        return false
    }

    mutating func expectWord(_ w: String) throws {
        guard acceptWord(w) else { throw unexpected("`\(w)`") }
    }

    /// A column, variable or dataset name.
    mutating func expectName(_ what: Message) throws -> Name {
        if current.kind == .identifier {
            let t = advance()
            return Name(t.text, t.span)
        }
        if current.kind == .keyword {
            throw Diagnostic(.error, Message("E033", current.text), at: current.span, hint: Message("H005", current.text))
        }
        throw unexpected(what)
    }

    mutating func endOfStatement() throws {
        if current.kind == .newline || current.kind == .eof { return }
        if current.isSymbol(";") { advance(); return }
        throw unexpected(Message("T.endOfStatement"))
    }

    /// Skips to the start of the next statement, keeping braces balanced.
    mutating func synchronize() {
        var braces = 0
        while !atEnd {
            if current.isSymbol("{") { braces += 1 }
            if current.isSymbol("}") { braces -= 1; if braces <= 0 { advance(); if braces < 0 { continue } ; return } }
            if current.kind == .newline && braces <= 0 { advance(); return }
            advance()
        }
    }

    func span(from start: Span) -> Span {
        let prev = index > 0 ? tokens[index - 1].span : start
        return start.merged(with: prev)
    }
}

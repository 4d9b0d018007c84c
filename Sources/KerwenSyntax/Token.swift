// Tokens produced by the lexer.

import KerwenDiagnostics

public enum TokenKind: Equatable, Sendable {
    /// A name: plain (`income`, `доход`) or back-quoted (`` `Migratory status` ``).
    case identifier
    /// `$name`: always the variable or parameter, never a column.
    case variable
    case integer
    case decimal
    case string
    /// A reserved word (`and`, `or`, `not`, `if`, `then`, `else`, `true`, `false`, `na`).
    case keyword
    case symbol
    case newline
    case eof
}

public struct Token: Equatable, Sendable {
    public var kind: TokenKind
    /// The name, the decoded string, the number's digits, the keyword or the symbol.
    public var text: String
    public var span: Span
    /// Whether an identifier was written with back-quotes (never a keyword then).
    public var quoted: Bool = false

    public init(kind: TokenKind, text: String, span: Span, quoted: Bool = false) {
        self.kind = kind
        self.text = text
        self.span = span
        self.quoted = quoted
    }

    public func isSymbol(_ s: String) -> Bool { kind == .symbol && text == s }
    public func isKeyword(_ s: String) -> Bool { kind == .keyword && text == s }
    /// A contextual word such as `from`, `by`, `to`: an unquoted identifier with that text.
    public func isWord(_ s: String) -> Bool { kind == .identifier && !quoted && text == s }
}

public enum Keywords {
    /// Words that can never name a column or variable.
    public static let reserved: Set<String> = ["and", "or", "not", "if", "then", "else", "true", "false", "na"]
    /// Words that start a statement.
    public static let statements = ["load", "let", "param", "fn", "show", "describe", "explain", "export", "use", "indicator", "check", "design", "plot", "report"]
    /// Words that start a pipeline step.
    public static let steps = ["where", "derive", "select", "drop", "rename", "group", "summarize", "sort", "take",
                               "join", "left", "union", "distinct", "pivot", "complete"]
    /// Every word the language gives meaning to, for completion and suggestions.
    public static let all: [String] = Array(reserved) + statements + steps
        + ["from", "to", "by", "on", "with", "as", "asc", "desc", "between", "in", "inner"]
}

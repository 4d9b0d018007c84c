// Turns source bytes into tokens; decides where a newline ends a statement.

import KerwenDiagnostics

/// Splits a source into tokens. Newlines end statements except inside `(` `[`, after a
/// token that cannot end an expression, or before a line that starts with `|`.
public struct Lexer {
    private let file: SourceFile
    private let bytes: [UInt8]
    private var pos = 0
    private var depth = 0
    public private(set) var tokens: [Token] = []
    public private(set) var diagnostics: [Diagnostic] = []
    /// True when input ended inside a string, bracket or brace, or after a continuing token (for the REPL).
    public private(set) var endsIncomplete = false
    private var braceDepth = 0

    public init(file: SourceFile) {
        self.file = file
        self.bytes = file.bytes
    }

    public static func tokenize(_ file: SourceFile) -> Lexer {
        var lexer = Lexer(file: file)
        lexer.run()
        return lexer
    }

    private func span(_ start: Int, _ end: Int) -> Span { Span(source: file.id, start: start, end: end) }

    private mutating func run() {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { pos = 3 }
        while pos < bytes.count {
            let b = bytes[pos]
            switch b {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                pos += 1
            case UInt8(ascii: "#"):
                while pos < bytes.count, bytes[pos] != UInt8(ascii: "\n") { pos += 1 }
            case UInt8(ascii: "\n"):
                newline()
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                string(quote: b)
            case UInt8(ascii: "`"):
                quotedIdentifier()
            case UInt8(ascii: "$"):
                variable()
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                number()
            case UInt8(ascii: "."):
                if pos + 1 < bytes.count, isDigit(bytes[pos + 1]) { number() } else { symbol() }
            default:
                if isIdentStart(at: pos) { identifier() } else { symbol() }
            }
        }
        let eofSpan = span(bytes.count, bytes.count)
        if let last = tokens.last, continues(last) { endsIncomplete = true }
        if depth > 0 || braceDepth > 0 { endsIncomplete = true }
        if tokens.last.map({ $0.kind != .newline }) ?? false {
            tokens.append(Token(kind: .newline, text: "\n", span: eofSpan))
        }
        tokens.append(Token(kind: .eof, text: "", span: eofSpan))
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    /// A token after which a line break cannot end the statement.
    private func continues(_ t: Token) -> Bool {
        switch t.kind {
        case .symbol:
            return ["+", "-", "*", "/", "%", "^", "==", "!=", "<", "<=", ">", ">=", "=", "|", ",", "(", "[", "{", ":", "->"].contains(t.text)
        case .keyword:
            return ["and", "or", "not", "if", "then", "else"].contains(t.text)
        default:
            return false
        }
    }

    private mutating func newline() {
        let start = pos
        pos += 1
        if depth > 0 { return }
        if let last = tokens.last, last.kind == .newline || continues(last) { return }
        if tokens.isEmpty { return }
        // A following line that starts with `|` continues a pipeline.
        var p = pos
        while p < bytes.count {
            let c = bytes[p]
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") || c == UInt8(ascii: "\n") { p += 1; continue }
            if c == UInt8(ascii: "#") {
                while p < bytes.count, bytes[p] != UInt8(ascii: "\n") { p += 1 }
                continue
            }
            break
        }
        if p < bytes.count, bytes[p] == UInt8(ascii: "|") { return }
        // … and one that starts with `and` or `or` continues a condition (a long `where`), one that
        // starts with `with` gives the options of the statement above (`show … | sort x` / `with decimals: 5`).
        for word in ["and", "or", "with"] where bytes[p...].starts(with: word.utf8) {
            let after = p + word.utf8.count
            if after >= bytes.count || !(isIdentStart(at: after) || isDigit(bytes[after])) { return }
        }
        tokens.append(Token(kind: .newline, text: "\n", span: span(start, start + 1)))
    }

    private mutating func string(quote: UInt8) {
        let start = pos
        pos += 1
        var out: [UInt8] = []
        while pos < bytes.count {
            let c = bytes[pos]
            if c == quote { pos += 1; tokens.append(Token(kind: .string, text: String(decoding: out, as: UTF8.self), span: span(start, pos))); return }
            if c == UInt8(ascii: "\n") { break }
            if c == UInt8(ascii: "\\"), pos + 1 < bytes.count {
                let e = bytes[pos + 1]
                switch e {
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "t"): out.append(9)
                default: out.append(e)
                }
                pos += 2
                continue
            }
            out.append(c)
            pos += 1
        }
        endsIncomplete = true
        diagnostics.append(.error("E002", at: span(start, pos), hint: Message("H002")))
        tokens.append(Token(kind: .string, text: String(decoding: out, as: UTF8.self), span: span(start, pos)))
    }

    private mutating func quotedIdentifier() {
        let start = pos
        pos += 1
        let nameStart = pos
        while pos < bytes.count, bytes[pos] != UInt8(ascii: "`"), bytes[pos] != UInt8(ascii: "\n") { pos += 1 }
        let name = String(decoding: bytes[nameStart..<pos], as: UTF8.self)
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "`") {
            pos += 1
        } else {
            diagnostics.append(.error("E002", at: span(start, pos), hint: Message("H003")))
        }
        tokens.append(Token(kind: .identifier, text: name, span: span(start, pos), quoted: true))
    }

    private mutating func variable() {
        let start = pos
        pos += 1
        guard pos < bytes.count, isIdentStart(at: pos) else {
            diagnostics.append(.error("E001", "$", at: span(start, pos), hint: Message("H004")))
            return
        }
        let nameStart = pos
        scanIdentifier()
        tokens.append(Token(kind: .variable, text: String(decoding: bytes[nameStart..<pos], as: UTF8.self), span: span(start, pos)))
    }

    private mutating func number() {
        let start = pos
        var isDecimal = false
        var spaced = false
        while pos < bytes.count {
            if isDigit(bytes[pos]) || bytes[pos] == UInt8(ascii: "_") { pos += 1; continue }
            guard let n = spaceInNumber(at: pos) else { break }
            spaced = true
            pos += n
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "."), pos + 1 < bytes.count, isDigit(bytes[pos + 1]) {
            isDecimal = true
            pos += 1
            while pos < bytes.count, isDigit(bytes[pos]) || bytes[pos] == UInt8(ascii: "_") { pos += 1 }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            var p = pos + 1
            if p < bytes.count, bytes[p] == UInt8(ascii: "+") || bytes[p] == UInt8(ascii: "-") { p += 1 }
            if p < bytes.count, isDigit(bytes[p]) {
                isDecimal = true
                pos = p
                while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
            }
        }
        // Digit separators (`1_000`) dropped byte by byte: Foundation's replacingOccurrences cost
        // microseconds per number, which a generated script with millions of numbers felt.
        var text = String(decoding: bytes[start..<pos].lazy.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        if spaced {
            let written = text
            text = String(text.unicodeScalars.filter { $0.isASCII })
            diagnostics.append(.error("E129", written, at: span(start, pos), hint: Message("H116", text)))
        }
        tokens.append(Token(kind: isDecimal ? .decimal : .integer, text: text, span: span(start, pos)))
    }

    private mutating func identifier() {
        let start = pos
        scanIdentifier()
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        let kind: TokenKind = Keywords.reserved.contains(text) ? .keyword : .identifier
        tokens.append(Token(kind: kind, text: text, span: span(start, pos)))
    }

    /// Decodes the scalar at a byte offset (identifiers may be Cyrillic, Turkmen, Uzbek Latin with ʻ).
    private func scalar(at p: Int) -> (Unicode.Scalar, Int)? {
        var it = bytes[p...].makeIterator()
        var decoder = UTF8()
        switch decoder.decode(&it) {
        case .scalarValue(let s): return (s, s.utf8.count)
        default: return nil
        }
    }

    private func isIdentStart(at p: Int) -> Bool {
        guard let (s, _) = scalar(at: p) else { return false }
        return s == "_" || s.properties.isAlphabetic || s == "\u{02BB}" || s == "\u{02BC}"
    }

    private mutating func scanIdentifier() {
        while pos < bytes.count, let (s, n) = scalar(at: pos) {
            let ok = s == "_" || s.properties.isAlphabetic || s.properties.numericType != nil
                || s == "\u{02BB}" || s == "\u{02BC}" || s.properties.generalCategory == .nonspacingMark
            if !ok { break }
            pos += n
        }
    }

    private static let twoCharSymbols: Set<String> = ["==", "!=", "<=", ">=", "<>", "->", "&&", "||"]

    private mutating func symbol() {
        let start = pos
        if pos + 1 < bytes.count {
            let two = String(decoding: bytes[pos..<pos + 2], as: UTF8.self)
            if Self.twoCharSymbols.contains(two) {
                pos += 2
                tokens.append(Token(kind: .symbol, text: two, span: span(start, pos)))
                return
            }
        }
        let c = bytes[pos]
        let singles = "+-*/%^=<>()[]{},:|.?!;&"
        if c < 128, singles.utf8.contains(c) {
            pos += 1
            switch c {
            case UInt8(ascii: "("), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"): depth = max(0, depth - 1)
            case UInt8(ascii: "{"): braceDepth += 1
            case UInt8(ascii: "}"): braceDepth = max(0, braceDepth - 1)
            default: break
            }
            tokens.append(Token(kind: .symbol, text: String(UnicodeScalar(c)), span: span(start, pos)))
            return
        }
        if typographicString() { return }
        let (s, n) = scalar(at: pos) ?? ("?", 1)
        pos += n
        // A run of one stray character (a pasted line of `�` from a file in the wrong encoding) is
        // one error over the whole run, not one per character.
        if let last = diagnostics.last, last.code == "E001", last.span?.end == start, last.message.args == [.text(Self.shown(s))] {
            diagnostics[diagnostics.count - 1].span = span(last.span!.start, pos)
            return
        }
        diagnostics.append(.error("E001", Self.shown(s), at: span(start, pos)))
    }

    /// Closing quote of each typographic opening quote: «…» (Russian), „…“ (Russian handwriting,
    /// Word's autocorrect), “…” (English Word).
    private static let typographicQuotes: [Unicode.Scalar: Set<Unicode.Scalar>] = [
        "\u{00AB}": ["\u{00BB}"], "\u{201E}": ["\u{201C}", "\u{201D}"], "\u{201C}": ["\u{201D}"],
    ]

    /// Text in typographic quotes on one line: one error that shows the straight-quoted text, then a
    /// string token, so the rest of the line is read as meant (no cascade of errors).
    private mutating func typographicString() -> Bool {
        guard let (open, n) = scalar(at: pos), let closers = Self.typographicQuotes[open] else { return false }
        var p = pos + n
        while p < bytes.count, bytes[p] != UInt8(ascii: "\n"), let (s, m) = scalar(at: p) {
            if closers.contains(s) {
                let text = String(decoding: bytes[(pos + n)..<p], as: UTF8.self)
                let start = pos
                pos = p + m
                diagnostics.append(.error("E128", String(decoding: bytes[start..<pos], as: UTF8.self), at: span(start, pos), hint: Message("H115", text)))
                tokens.append(Token(kind: .string, text: text, span: span(start, pos)))
                return true
            }
            p += m
        }
        return false
    }

    /// A no-break or thin space between digits (`1 000`, as Russian Word and Excel write
    /// thousands): the length of the space in bytes, or nil.
    private func spaceInNumber(at p: Int) -> Int? {
        guard let (s, n) = scalar(at: p), ["\u{00A0}", "\u{202F}", "\u{2009}"].contains(s),
              p + n < bytes.count, isDigit(bytes[p + n]) else { return nil }
        return n
    }

    /// A character as a message can show it: invisible and control characters by their code point.
    static func shown(_ s: Unicode.Scalar) -> String {
        let invisible = s.isControlCharacter || s.properties.generalCategory == .format || s.properties.isWhitespace
        return invisible ? "U+" + String(s.value, radix: 16, uppercase: true).leftPadded(to: 4) : String(s)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}

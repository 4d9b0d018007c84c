// The one place diagnostics are drawn: `FILE:LINE:COL: error[CODE]: …`, the source line, carets, hint.

public struct DiagnosticRenderer {
    public let sources: SourceMap
    public let useColor: Bool
    public let catalog: MessageCatalog

    public init(sources: SourceMap, useColor: Bool, catalog: MessageCatalog) {
        self.sources = sources
        self.useColor = useColor
        self.catalog = catalog
    }

    private func paint(_ text: String, _ code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func severityWord(_ s: Severity) -> String {
        let word = catalog.word("W.\(s.rawValue)")
        switch s {
        case .error: return paint(word, "1;31")
        case .warning: return paint(word, "1;33")
        case .note: return paint(word, "1;36")
        }
    }

    public func render(_ d: Diagnostic) -> String {
        var out = ""
        let head = "\(severityWord(d.severity))[\(d.code)]: \(paint(Self.printable(catalog.format(d.message)), "1"))"
        guard let span = d.span, !span.isSynthetic, let file = sources[span.source] else {
            out += head + "\n"
            appendTrailer(d, to: &out, gutter: "")
            return out
        }
        let (line, col) = file.location(of: span.start)
        out += "\(file.name):\(line):\(col): " + head + "\n"
        let excerpt = SourceExcerpt(bytes: file.bytes, line: file.lineRange(line), span: span.start..<span.end)
        let number = String(line)
        let pad = String(repeating: " ", count: number.count)
        out += "\(pad) |\n"
        out += "\(number) | \(excerpt.line)\n"
        // Caret under the span, sized by display width and clipped to the first line.
        let caretCount = max(1, DisplayWidth.of(excerpt.covered))
        var caretLine = String(repeating: " ", count: DisplayWidth.of(excerpt.before)) + paint(String(repeating: "^", count: caretCount), d.severity == .error ? "1;31" : "1;33")
        if let label = d.label { caretLine += " " + catalog.format(label) }
        out += "\(pad) | \(caretLine)\n"
        appendTrailer(d, to: &out, gutter: pad + " ")
        return out
    }

    private func appendTrailer(_ d: Diagnostic, to out: inout String, gutter: String) {
        for note in d.notes {
            out += "\(gutter)= \(catalog.word("W.note")): \(catalog.format(note))\n"
        }
        if let hint = d.hint {
            out += "\(gutter)= \(paint(catalog.word("W.hint"), "1;36")): \(catalog.format(hint))\n"
        }
    }

    /// The most diagnostics one report shows (clang stops at 20 errors): a pasted page of stray text
    /// gives hundreds, and the first ones are the ones to fix; the rest are counted in one line.
    public static let shownAtMost = 25

    public func render(_ list: [Diagnostic]) -> String {
        guard list.count > Self.shownAtMost else { return list.map(render).joined() }
        let rest = Diagnostic(.note, Message("N003", list.count - Self.shownAtMost))
        return list.prefix(Self.shownAtMost).map(render).joined() + render(rest)
    }

    /// Message text with control characters (a name or value quoted from the input) made visible,
    /// so an error never sends escape sequences to the terminal.
    static func printable(_ text: String) -> String {
        let isShown = { (s: Unicode.Scalar) in s == "\n" || !s.isControlCharacter }
        guard !text.unicodeScalars.allSatisfy(isShown) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(isShown(scalar) ? scalar : "\u{FFFD}") }
        return String(out)
    }
}

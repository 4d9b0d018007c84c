// The one place diagnostics are drawn: `FILE:LINE:COL: error[CODE]: …`, the source line, carets, hint.

public struct DiagnosticRenderer {
    public let sources: SourceMap
    public let useColor: Bool

    public init(sources: SourceMap, useColor: Bool) {
        self.sources = sources
        self.useColor = useColor
    }

    private func paint(_ text: String, _ code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func severityWord(_ s: Severity) -> String {
        let word = MessageCatalog.shared.word("W.\(s.rawValue)")
        switch s {
        case .error: return paint(word, "1;31")
        case .warning: return paint(word, "1;33")
        case .note: return paint(word, "1;36")
        }
    }

    public func render(_ d: Diagnostic) -> String {
        var out = ""
        let head = "\(severityWord(d.severity))[\(d.code)]: \(paint(d.message.text, "1"))"
        guard let span = d.span, !span.isSynthetic, let file = sources[span.source] else {
            out += head + "\n"
            appendTrailer(d, to: &out, gutter: "")
            return out
        }
        let (line, col) = file.location(of: span.start)
        out += "\(file.name):\(line):\(col): " + head + "\n"
        let lineText = file.lineText(line)
        let number = String(line)
        let pad = String(repeating: " ", count: number.count)
        out += "\(pad) |\n"
        out += "\(number) | \(lineText.replacingOccurrences(of: "\t", with: " "))\n"
        // Caret under the span, sized by display width and clipped to the first line.
        let lineStart = file.lineStarts[line - 1]
        let before = String(decoding: file.bytes[lineStart..<max(lineStart, min(span.start, file.bytes.count))], as: UTF8.self)
        let lineEnd = lineStart + Array(lineText.utf8).count
        let spanEnd = max(span.start, min(span.end, lineEnd))
        let covered = String(decoding: file.bytes[min(span.start, file.bytes.count)..<min(spanEnd, file.bytes.count)], as: UTF8.self)
        let caretCount = max(1, DisplayWidth.of(covered))
        var caretLine = String(repeating: " ", count: DisplayWidth.of(before)) + paint(String(repeating: "^", count: caretCount), d.severity == .error ? "1;31" : "1;33")
        if let label = d.label { caretLine += " " + label.text }
        out += "\(pad) | \(caretLine)\n"
        appendTrailer(d, to: &out, gutter: pad + " ")
        return out
    }

    private func appendTrailer(_ d: Diagnostic, to out: inout String, gutter: String) {
        for note in d.notes {
            out += "\(gutter)= \(MessageCatalog.shared.word("W.note")): \(note.text)\n"
        }
        if let hint = d.hint {
            out += "\(gutter)= \(paint(MessageCatalog.shared.word("W.hint"), "1;36")): \(hint.text)\n"
        }
    }

    public func render(_ list: [Diagnostic]) -> String { list.map(render).joined() }
}

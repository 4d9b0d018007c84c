// The part of a source line a diagnostic shows: the whole line when it is short, else a window around
// the span with `…` where it was cut, so a 10 MB one-line script gives a readable message in
// constant time. Tabs become spaces and control characters `�`, so a line can neither shift the
// caret nor send escape sequences to the terminal.

struct SourceExcerpt {
    /// Text shown before the span, the span itself (first line only), and after it.
    let before: String
    let covered: String
    let after: String

    static let maxBefore = 40
    static let maxCovered = 80
    static let maxLine = 160

    init(bytes: [UInt8], line: Range<Int>, span: Range<Int>) {
        let start = min(max(span.lowerBound, line.lowerBound), line.upperBound)
        let end = min(max(span.upperBound, start), line.upperBound)
        // Only what could be shown is decoded: a long line is cut by byte count first (4 bytes per
        // column at most, a character's full width), and each cut moved off a continuation byte.
        func boundary(_ i: Int, forward: Bool) -> Int {
            var i = i
            while i > line.lowerBound, i < line.upperBound, bytes[i] & 0xC0 == 0x80 { i += forward ? 1 : -1 }
            return i
        }
        let from = boundary(max(line.lowerBound, start - 4 * Self.maxBefore), forward: true)
        let coveredEnd = boundary(min(end, start + 4 * Self.maxCovered), forward: false)
        let to = boundary(min(line.upperBound, end + 4 * Self.maxLine), forward: false)
        let wholeBefore = Self.clean(bytes[from..<start])
        let wholeCovered = Self.clean(bytes[start..<coveredEnd]) + (coveredEnd < end ? "…" : "")
        let wholeAfter = Self.clean(bytes[end..<to])
        if line.count <= Self.maxLine {
            before = wholeBefore; covered = wholeCovered; after = wholeAfter
            return
        }
        before = Self.tail(wholeBefore, width: Self.maxBefore)
        covered = Self.head(wholeCovered, width: Self.maxCovered)
        let room = max(10, Self.maxLine - DisplayWidth.of(before) - DisplayWidth.of(covered))
        after = covered.hasSuffix("…") ? "" : Self.head(wholeAfter, width: room)
    }

    var line: String { before + covered + after }

    private static func clean(_ bytes: ArraySlice<UInt8>) -> String {
        var out = String.UnicodeScalarView()
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            switch scalar.value {
            case 0x09: out.append(" ")
            case _ where scalar.isControlCharacter: out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// At most `width` columns from the start, `…` when cut.
    private static func head(_ text: String, width: Int) -> String {
        var kept = String.UnicodeScalarView(), used = 0
        for scalar in text.unicodeScalars {
            let w = DisplayWidth.of(scalar)
            if used + w > width - 1 { return String(kept) + "…" }
            kept.append(scalar); used += w
        }
        return String(kept)
    }

    /// At most `width` columns from the end, `…` when cut.
    private static func tail(_ text: String, width: Int) -> String {
        var kept: [Unicode.Scalar] = [], used = 0
        for scalar in text.unicodeScalars.reversed() {
            let w = DisplayWidth.of(scalar)
            if used + w > width - 1 {
                var out = String.UnicodeScalarView(["…"])
                out.append(contentsOf: kept.reversed())
                return String(out)
            }
            kept.append(scalar); used += w
        }
        return String(String.UnicodeScalarView(kept.reversed()))
    }
}

extension Unicode.Scalar {
    /// C0 and C1 control characters: what a terminal may take for a command.
    public var isControlCharacter: Bool { value < 0x20 || (value >= 0x7F && value < 0xA0) }
}

// Source text with the byte offsets of its lines, so spans stay byte offsets until rendering.

/// Identifies one loaded source (a script, a module, a REPL entry).
public struct SourceID: Hashable, Sendable {
    public let raw: Int
    public init(_ raw: Int) { self.raw = raw }
}

/// One piece of source text and where it came from.
public struct SourceFile: Sendable {
    public let id: SourceID
    /// Display name used in `FILE:LINE:COL`.
    public let name: String
    public let text: String
    public let bytes: [UInt8]
    /// Byte offset at which each line starts.
    public let lineStarts: [Int]

    public init(id: SourceID, name: String, text: String) {
        self.id = id
        self.name = name
        self.text = text
        self.bytes = Array(text.utf8)
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        self.lineStarts = starts
    }

    /// 1-based line and column (in characters) of a byte offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, bytes.count))
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= clamped { lo = mid } else { hi = mid - 1 }
        }
        let start = lineStarts[lo]
        let prefix = String(decoding: bytes[start..<clamped], as: UTF8.self)
        return (lo + 1, prefix.count + 1)
    }

    /// The text of a 1-based line, without its line break.
    public func lineText(_ line: Int) -> String {
        String(decoding: bytes[lineRange(line)], as: UTF8.self)
    }

    /// Byte offsets of a line without its line end.
    public func lineRange(_ line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return 0..<0 }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<end
    }

    /// The source text covered by a span.
    public func text(of span: Span) -> String {
        let s = max(0, min(span.start, bytes.count)), e = max(s, min(span.end, bytes.count))
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }
}

/// All sources a session has seen, so any diagnostic can be rendered later.
public final class SourceMap: @unchecked Sendable {
    private var files: [SourceFile] = []
    public init() {}

    public func add(name: String, text: String) -> SourceFile {
        let file = SourceFile(id: SourceID(files.count), name: name, text: text)
        files.append(file)
        return file
    }

    public subscript(id: SourceID) -> SourceFile? {
        id.raw >= 0 && id.raw < files.count ? files[id.raw] : nil
    }
}

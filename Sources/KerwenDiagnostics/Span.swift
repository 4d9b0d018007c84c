// Byte-offset spans into a source; line and column are computed only when rendering.

/// A half-open byte range `[start, end)` in one source.
public struct Span: Hashable, Sendable {
    public var source: SourceID
    public var start: Int
    public var end: Int

    public init(source: SourceID, start: Int, end: Int) {
        self.source = source
        self.start = start
        self.end = end
    }

    /// The smallest span covering both.
    public func merged(with other: Span) -> Span {
        Span(source: source, start: min(start, other.start), end: max(end, other.end))
    }

    /// A span for values that do not come from source text (parameters, defaults).
    public static let synthetic = Span(source: SourceID(-1), start: 0, end: 0)
    public var isSynthetic: Bool { source.raw < 0 }
}

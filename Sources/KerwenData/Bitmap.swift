// A packed validity bitmap: bit i set means row i holds a value (not `na`).

public struct Bitmap: Equatable, Sendable {
    public private(set) var words: [UInt64]
    public let count: Int

    /// All bits set to `value`.
    public init(count: Int, value: Bool) {
        self.count = count
        let n = (count + 63) >> 6
        words = [UInt64](repeating: value ? ~0 : 0, count: n)
        if value, count & 63 != 0, n > 0 { words[n - 1] = (1 << UInt64(count & 63)) - 1 }
    }

    /// Words already packed (bit i of word i / 64), for kernels that build a bitmap a word at a time.
    public init(words: [UInt64], count: Int) {
        self.words = words
        self.count = count
    }

    @inline(__always)
    public subscript(i: Int) -> Bool {
        get { words[i >> 6] & (1 << UInt64(i & 63)) != 0 }
        set {
            if newValue { words[i >> 6] |= 1 << UInt64(i & 63) } else { words[i >> 6] &= ~(1 << UInt64(i & 63)) }
        }
    }

    public var setCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
    public var allSet: Bool { setCount == count }

    /// Bitwise and of two equal-length bitmaps.
    public func and(_ other: Bitmap) -> Bitmap {
        var out = self
        for i in 0..<words.count { out.words[i] &= other.words[i] }
        return out
    }
}

/// Combines two optional validities (nil = all valid).
public func combineValidity(_ a: Bitmap?, _ b: Bitmap?) -> Bitmap? {
    switch (a, b) {
    case (nil, nil): return nil
    case let (x?, nil): return x
    case let (nil, y?): return y
    case let (x?, y?): return x.and(y)
    }
}

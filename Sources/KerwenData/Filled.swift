// Building big result arrays without a zero-filling pass.

/// An array of `n` plain values (numbers, booleans, codes), each written exactly once by `body`
/// through a pointer: no zero-fill pass before the real one, no bounds check per element.
/// `body` must write every element 0..<n.
@inlinable @inline(__always)
public func filledArray<T>(_ n: Int, _ body: (UnsafeMutablePointer<T>) -> Void) -> [T] {
    guard n > 0 else { return [] }
    return [T](unsafeUninitializedCapacity: n) { buffer, count in
        if n * MemoryLayout<T>.stride >= 1 << 20 {
            MemoryPages.populate(UnsafeMutableRawPointer(buffer.baseAddress!), bytes: n * MemoryLayout<T>.stride)
        }
        body(buffer.baseAddress!)
        count = n
    }
}

extension Bitmap {
    /// A bitmap of `count` bits from `bit(i)`, built a word at a time.
    @inlinable @inline(__always)
    public init(count: Int, bit: (Int) -> Bool) {
        let n = (count + 63) >> 6
        let words: [UInt64] = filledArray(n) { w in
            for k in 0..<n {
                var word: UInt64 = 0
                let base = k << 6
                for j in 0..<min(64, count - base) where bit(base + j) { word |= 1 << UInt64(j) }
                w[k] = word
            }
        }
        self.init(words: words, count: count)
    }
}

// A cache in front of a text column's dictionary for short cells, where CSV reading spends its time.

/// Cells of at most 16 bytes (nearly every categorical value: `F`, `Tashkent City`, `25-34`) are
/// looked up as two machine words and a length: one multiply-hash and three compares, instead of
/// hashing byte by byte and comparing against the dictionary's arena. Whether the cell is a missing
/// marker is cached with it (code -1). Direct-mapped: a collision replaces the slot, so the cache
/// is never wrong, only sometimes missed.
struct ShortCellCache {
    static let maxLength = 16
    private static let slotBits = 8

    /// Four words per slot: first 8 bytes, next 8 bytes, length + 1 (0 = empty slot), code.
    /// Allocated on first use: only text columns need it.
    private var slots: [UInt64] = []

    var isReady: Bool { !slots.isEmpty }

    mutating func prepare() { slots = [UInt64](repeating: 0, count: 4 << Self.slotBits) }

    /// The cell's bytes as two little-endian words, zero past its end. Loads whole words when 16 bytes
    /// from `s` are inside the buffer, byte by byte near its end (never reads past a file mapping).
    @inline(__always)
    static func words(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ n: Int) -> (UInt64, UInt64) {
        if s + 16 <= p.count, let base = p.baseAddress {
            let raw = UnsafeRawPointer(base + s)
            let a = raw.loadUnaligned(as: UInt64.self), b = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            if n >= 8 {
                return (UInt64(littleEndian: a), n == 16 ? UInt64(littleEndian: b) : UInt64(littleEndian: b) & ((1 << UInt64(8 * (n - 8))) &- 1))
            }
            return (n == 0 ? 0 : UInt64(littleEndian: a) & ((1 << UInt64(8 * n)) &- 1), 0)
        }
        var w0: UInt64 = 0, w1: UInt64 = 0
        for i in 0..<n {
            let b = UInt64(p[s + i])
            if i < 8 { w0 |= b << UInt64(8 * i) } else { w1 |= b << UInt64(8 * (i - 8)) }
        }
        return (w0, w1)
    }

    @inline(__always)
    private static func slot(_ w0: UInt64, _ w1: UInt64, _ n: Int) -> Int {
        let h = (w0 &* 0x9E37_79B9_7F4A_7C15) ^ (w1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(n)
        return Int(truncatingIfNeeded: (h &* 0xFF51_AFD7_ED55_8CCD) >> UInt64(64 - slotBits)) * 4
    }

    /// The cached code (-1 = missing), or nil.
    @inline(__always)
    func lookup(_ w0: UInt64, _ w1: UInt64, _ n: Int) -> Int32? {
        let k = Self.slot(w0, w1, n)
        if slots[k + 2] == UInt64(n + 1), slots[k] == w0, slots[k + 1] == w1 { return Int32(truncatingIfNeeded: slots[k + 3]) }
        return nil
    }

    mutating func store(_ w0: UInt64, _ w1: UInt64, _ n: Int, code: Int32) {
        let k = Self.slot(w0, w1, n)
        slots[k] = w0
        slots[k + 1] = w1
        slots[k + 2] = UInt64(n + 1)
        slots[k + 3] = UInt64(truncatingIfNeeded: Int64(code))
    }
}

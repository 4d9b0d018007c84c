// Dictionary encoding for text columns: each distinct string stored once, cells hold Int32 codes.

/// The distinct strings of a text column. Shared (copy-on-write) by every column derived from it.
public struct TextDictionary: Sendable {
    public private(set) var values: [String]
    private var index: [String: Int32]

    public init(_ values: [String] = []) {
        self.values = values
        var idx: [String: Int32] = [:]
        idx.reserveCapacity(values.count)
        for (i, v) in values.enumerated() where idx[v] == nil { idx[v] = Int32(i) }
        self.index = idx
    }

    public var count: Int { values.count }

    public func code(of value: String) -> Int32? { index[value] }

    /// The code for a value, adding it when new.
    public mutating func encode(_ value: String) -> Int32 {
        if let c = index[value] { return c }
        let c = Int32(values.count)
        values.append(value)
        index[value] = c
        return c
    }

    @inline(__always) public subscript(code: Int32) -> String { values[Int(code)] }
}

/// Builds a dictionary from raw UTF-8 byte slices without making a `String` per cell:
/// open addressing over an FNV-1a hash, bytes kept once in an arena.
/// Hand-written because Swift's `Dictionary<String, _>` would allocate a String for every CSV field.
struct ByteDictionaryBuilder {
    private var arena: [UInt8] = []
    private var offsets: [Int] = [0]
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var mask: Int

    init() {
        slots = [Int32](repeating: -1, count: 64)
        mask = 63
    }

    var count: Int { offsets.count - 1 }

    @inline(__always)
    private static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in p { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }

    mutating func encode(_ p: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = Self.hash(p)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let code = slots[slot]
            if code < 0 { break }
            if hashes[Int(code)] == h {
                let s = offsets[Int(code)], e = offsets[Int(code) + 1]
                if e - s == p.count {
                    var equal = true
                    arena.withUnsafeBufferPointer { a in
                        for i in 0..<p.count where a[s + i] != p[i] { equal = false; break }
                    }
                    if equal { return code }
                }
            }
            slot = (slot + 1) & mask
        }
        let code = Int32(count)
        arena.append(contentsOf: p)
        offsets.append(arena.count)
        hashes.append(h)
        slots[slot] = code
        if count * 2 > mask { grow() }
        return code
    }

    private mutating func grow() {
        let newSize = (mask + 1) * 2
        var newSlots = [Int32](repeating: -1, count: newSize)
        let newMask = newSize - 1
        for code in 0..<count {
            var slot = Int(truncatingIfNeeded: hashes[code]) & newMask
            while newSlots[slot] >= 0 { slot = (slot + 1) & newMask }
            newSlots[slot] = Int32(code)
        }
        slots = newSlots
        mask = newMask
    }

    /// Codes of `other`'s values in this dictionary (added when new): merging two parts of a file.
    mutating func absorb(_ other: ByteDictionaryBuilder) -> [Int32] {
        var map = [Int32](repeating: -1, count: other.count)
        other.arena.withUnsafeBufferPointer { a in
            for c in 0..<other.count {
                map[c] = encode(UnsafeBufferPointer(rebasing: a[other.offsets[c]..<other.offsets[c + 1]]))
            }
        }
        return map
    }

    func build() -> TextDictionary {
        var values: [String] = []
        values.reserveCapacity(count)
        for c in 0..<count {
            values.append(String(decoding: arena[offsets[c]..<offsets[c + 1]], as: UTF8.self))
        }
        return TextDictionary(values)
    }
}

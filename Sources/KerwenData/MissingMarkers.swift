// The cell texts a CSV file uses for a missing value (`NA`, `..`, `-`, …).

/// The missing-value markers, each packed into a machine word when it fits (all default ones do),
/// so testing a cell compares integers without touching an array of arrays.
struct MissingMarkers: @unchecked Sendable {
    private var packed: [(length: Int, word: UInt64)] = []
    private var long: [[UInt8]] = []

    /// Whether some marker starts with a digit; when none does, a cell starting with one is a value.
    private var digitMarker = false

    /// Whether some marker reads as a number (`-99`): only then must a cell that parses as a number
    /// be tested against the markers first.
    private(set) var numericMarker = false

    init(_ markers: [String]) {
        digitMarker = markers.contains { $0.utf8.first.map { (48...57).contains($0) } ?? false }
        numericMarker = markers.contains { m in
            let bytes = Array(m.utf8)
            return bytes.withUnsafeBufferPointer { b in
                let (s, e) = NumberParser.trim(b, 0, b.count)
                if case .invalid = NumberParser.parse(b, s, e) { return false }
                return true
            }
        }
        for m in markers {
            let bytes = Array(m.utf8)
            if bytes.count <= 8 { packed.append((bytes.count, Self.pack(bytes))) } else { long.append(bytes) }
        }
    }

    private static func pack<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var w: UInt64 = 0
        for b in bytes { w = w << 8 | UInt64(b) }
        return w
    }

    @inline(__always)
    func contains(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        if !digitMarker, (48...57).contains(p[s]) { return false }
        let n = e - s
        if n <= 8 {
            var w: UInt64 = 0
            for i in s..<e { w = w << 8 | UInt64(p[i]) }
            for m in packed where m.length == n && m.word == w { return true }
            return false
        }
        for m in long where m.count == n && m.elementsEqual(p[s..<e]) { return true }
        return false
    }
}

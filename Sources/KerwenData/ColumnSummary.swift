// What `describe` reports about a column, computed in one pass per column, columns on all cores.

/// Missing and distinct counts, range and mean of numbers, counts of booleans, most frequent texts.
public struct ColumnSummary: Sendable {
    public var missing = 0
    public var distinct = 0
    public var min: Double?
    public var max: Double?
    public var mean: Double?
    /// Integers' extremes exactly (a Double cannot hold every Int64).
    public var intMin: Int64?
    public var intMax: Int64?
    /// Periods' extremes (each frequency sorts apart: the first and last of the coarsest).
    public var periodMin: Period?
    public var periodMax: Period?
    public var trueCount = 0
    public var falseCount = 0
    /// The most frequent texts with their counts, most frequent first, ties by text.
    public var top: [(text: String, count: Int)] = []

    public static func of(_ table: Table, top: Int = 3) -> [ColumnSummary] {
        Parallel.values(table.columns.count) { j in of(table.columns[j], top: top) }
    }

    public static func of(_ c: Column, top: Int = 3) -> ColumnSummary {
        var s = ColumnSummary()
        s.missing = c.missingCount
        let n = c.count
        switch c.storage {
        case .integer(let v):
            var lo = Int64.max, hi = Int64.min
            for i in 0..<n where c.isValid(i) { lo = Swift.min(lo, v[i]); hi = Swift.max(hi, v[i]) }
            guard lo <= hi else { break }
            s.intMin = lo
            s.intMax = hi
            let (span, overflow) = hi.subtractingReportingOverflow(lo)
            if !overflow, span < 1 << 26 {
                // A bit per value of the range (ids, years, ages): no hashing.
                var seen = Bitmap(count: Int(span) + 1, value: false)
                for i in 0..<n where c.isValid(i) { seen[Int(v[i] - lo)] = true }
                s.distinct = seen.setCount
            } else {
                var set = DistinctCounter()
                for i in 0..<n where c.isValid(i) { set.insert(UInt64(bitPattern: v[i])) }
                s.distinct = set.count
            }
        case .number(let v):
            var lo = Double.infinity, hi = -Double.infinity, sum = 0.0, count = 0
            var set = DistinctCounter()
            for i in 0..<n where c.isValid(i) {
                let x = v[i]
                lo = Swift.min(lo, x); hi = Swift.max(hi, x); sum += x; count += 1
                set.insert((x == 0 ? 0.0 : x).bitPattern)
            }
            guard count > 0 else { break }
            s.min = lo
            s.max = hi
            s.mean = sum / Double(count)
            s.distinct = set.count
        case .period(let v):
            var lo = Int64.max, hi = Int64.min
            var set = DistinctCounter()
            for i in 0..<n where c.isValid(i) { lo = Swift.min(lo, v[i]); hi = Swift.max(hi, v[i]); set.insert(UInt64(bitPattern: v[i])) }
            guard lo <= hi else { break }
            s.periodMin = Period(code: lo)
            s.periodMax = Period(code: hi)
            s.distinct = set.count
        case .boolean(let v):
            for i in 0..<n where c.isValid(i) { if v[i] { s.trueCount += 1 } else { s.falseCount += 1 } }
            s.distinct = (s.trueCount > 0 ? 1 : 0) + (s.falseCount > 0 ? 1 : 0)
        case .text(let codes, let dict):
            var counts = [Int](repeating: 0, count: dict.count)
            for i in 0..<n where c.isValid(i) && codes[i] >= 0 { counts[Int(codes[i])] += 1 }
            s.distinct = counts.filter { $0 > 0 }.count
            s.top = counts.indices.filter { counts[$0] > 0 }
                .sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : dict.values[$0] < dict.values[$1] }
                .prefix(top).map { (dict.values[$0], counts[$0]) }
        }
        return s
    }
}

/// Counts distinct 64-bit values: open addressing with linear probing, grown at half full.
/// Hand-written because a `Set<UInt64>` of ten million values spends most of its time in Swift's
/// per-insert hashing and resizing machinery.
struct DistinctCounter {
    private var slots = [UInt64](repeating: DistinctCounter.empty, count: 1 << 10)
    private var shift: UInt64 = 64 - 10
    private var sentinelSeen = false
    private var stored = 0
    /// A slot holding this is free; the value itself is counted by a flag.
    private static let empty: UInt64 = 0x7FF8_DEAD_BEEF_0001

    var count: Int { stored + (sentinelSeen ? 1 : 0) }

    mutating func insert(_ x: UInt64) {
        if x == Self.empty { sentinelSeen = true; return }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: (x &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let s = slots[i]
            if s == x { return }
            if s == Self.empty { break }
            i = (i + 1) & mask
        }
        slots[i] = x
        stored += 1
        if stored * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: Self.empty, count: old.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for x in old where x != Self.empty {
            var i = Int(truncatingIfNeeded: (x &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[i] != Self.empty { i = (i + 1) & mask }
            slots[i] = x
        }
    }
}

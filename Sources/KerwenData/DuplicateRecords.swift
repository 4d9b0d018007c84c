// Records that are identical in every column: a file appended twice, or the UN's SDG extracts that
// repeat each 13.1.x row three times. An indicator that sums over them counts each value more than
// once, so it is told (W007). Found by a hash of every column per record, then an exact comparison
// of the records whose hashes agree — never by the hash alone.

public enum DuplicateRecords {
    public struct Found: Sendable, Equatable {
        /// Records that repeat an earlier identical record (three copies of one record count 2).
        public let copies: Int
        /// A row (of the table) whose record is repeated, for the example in the warning.
        public let example: Int
    }

    /// The identical records among `rows` (nil: every row), or nil when there are none.
    public static func find(in table: Table, rows mask: [Bool]?) -> Found? {
        let rows: [Int]
        if let mask { rows = mask.indices.filter { mask[$0] } } else { rows = Array(0..<table.rowCount) }
        guard rows.count > 1, !table.columns.isEmpty else { return nil }
        // A column whose values are all different (an identifier such as person_id) proves at once
        // that no two records are the same: survey microdata pays one pass over one column.
        if table.columns.contains(where: { hasDistinctIntegers($0, rows) }) { return nil }
        var hashes = [UInt64](repeating: 0xCBF2_9CE4_8422_2325, count: rows.count)
        for column in table.columns { mix(column, rows, into: &hashes) }
        let order = hashes.indices.sorted { hashes[$0] < hashes[$1] }
        var copies = 0
        var example: Int?
        var i = 0
        while i < order.count {
            var j = i + 1
            while j < order.count, hashes[order[j]] == hashes[order[i]] { j += 1 }
            if j - i > 1 {
                // Records with one hash are nearly always one record repeated; each is compared
                // with the distinct records seen in the run so far.
                var distinct: [Int] = []
                for k in i..<j {
                    let r = rows[order[k]]
                    if let same = distinct.first(where: { identical(table, $0, r) }) {
                        copies += 1
                        example = min(example ?? same, same)
                    } else {
                        distinct.append(r)
                    }
                }
            }
            i = j
        }
        guard copies > 0, let example else { return nil }
        return Found(copies: copies, example: example)
    }

    /// An integer column with no missing value and every value different among `rows`, decided
    /// with a bitmap when the values' range is small (identifiers numbered 1…n), else not claimed.
    static func hasDistinctIntegers(_ column: Column, _ rows: [Int]) -> Bool {
        guard case .integer(let v) = column.storage, column.validity == nil else { return false }
        var lo = Int64.max, hi = Int64.min
        for r in rows { lo = min(lo, v[r]); hi = max(hi, v[r]) }
        let (range, overflow) = hi.subtractingReportingOverflow(lo)
        guard !overflow, range < Int64(4 * rows.count) else { return false }
        var seen = [Bool](repeating: false, count: Int(range) + 1)
        for r in rows {
            let k = Int(v[r] - lo)
            if seen[k] { return false }
            seen[k] = true
        }
        return true
    }

    /// Folds one column's values into the records' hashes (FNV-style mixing of 64-bit words; text
    /// by a hash of its string, so two codes of one string agree).
    static func mix(_ column: Column, _ rows: [Int], into hashes: inout [UInt64]) {
        let prime: UInt64 = 0x100_0000_01B3
        func fold(_ h: inout UInt64, _ x: UInt64) { h = (h ^ x) &* prime; h ^= h >> 29 }
        let missing: UInt64 = 0x9E37_79B9_7F4A_7C15
        // One switch per column, not per cell; a text column's strings are hashed once each.
        func each(_ word: (Int) -> UInt64) {
            for (k, r) in rows.enumerated() { fold(&hashes[k], column.isValid(r) ? word(r) : missing) }
        }
        switch column.storage {
        case .integer(let v), .period(let v): each { UInt64(bitPattern: v[$0]) }
        case .number(let v): each { v[$0].isNaN ? missing : (v[$0] == 0 ? 0 : v[$0].bitPattern) }
        case .boolean(let v): each { v[$0] ? 1 : 2 }
        case .text(let codes, let dictionary):
            let entry = dictionary.values.map { s -> UInt64 in
                var h = Hasher()
                h.combine(s)
                return UInt64(bitPattern: Int64(h.finalize()))
            }
            each { entry[Int(codes[$0])] }
        }
    }

    static func identical(_ table: Table, _ a: Int, _ b: Int) -> Bool {
        table.columns.allSatisfy { $0.scalar(at: a) == $0.scalar(at: b) }
    }
}

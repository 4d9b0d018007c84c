// Group ids from key columns: direct 32-bit codes in key order for the common keys, hashing for
// the others; dense renumbering in order of first appearance.

import KerwenData
import KerwenDiagnostics

extension Grouping {
    /// Dense codes for one key column: equal values share a code; `na` is a value of its own.
    static func denseCodes(_ column: Column) -> (codes: [Int], cardinality: Int) {
        let n = column.count
        switch column.storage {
        case .text(let codes, let dict):
            var out = [Int](repeating: 0, count: n)
            for i in 0..<n { out[i] = column.isValid(i) && codes[i] >= 0 ? Int(codes[i]) + 1 : 0 }
            return (out, dict.count + 1)
        case .boolean(let v):
            return ((0..<n).map { column.isValid($0) ? (v[$0] ? 2 : 1) : 0 }, 3)
        case .integer(let v), .period(let v):
            // Years, codes, flags: a small range is numbered by direct indexing, no hashing.
            if let (lo, hi) = integerRange(column, v, limit: 1 << 16) {
                var slot = [Int](repeating: 0, count: Int(hi - lo) + 1)
                var next = 0
                var out = [Int](repeating: 0, count: n)
                for i in 0..<n where column.isValid(i) {
                    let k = Int(v[i] - lo)
                    if slot[k] == 0 { next += 1; slot[k] = next }
                    out[i] = slot[k]
                }
                return (out, next + 1)
            }
            var ids: [Int64: Int] = [:]
            var out = [Int](repeating: 0, count: n)
            for i in 0..<n where column.isValid(i) {
                if let id = ids[v[i]] { out[i] = id } else { let id = ids.count + 1; ids[v[i]] = id; out[i] = id }
            }
            return (out, ids.count + 1)
        case .number(let v):
            var ids: [UInt64: Int] = [:]
            var out = [Int](repeating: 0, count: n)
            for i in 0..<n where column.isValid(i) {
                let bits = (v[i] == 0 ? 0.0 : v[i]).bitPattern
                if let id = ids[bits] { out[i] = id } else { let id = ids.count + 1; ids[bits] = id; out[i] = id }
            }
            return (out, ids.count + 1)
        }
    }

    /// The common keys — text, boolean, integers in a range of at most a few million (years, ids) —
    /// with at most max(4 M, 2 × rows) combinations. Each key's code follows its sort order (text by
    /// the byte order of its dictionary entries, integers by offset, `na` last), so the combined
    /// 32-bit code of a row follows the order of its key values: groups are numbered by walking the
    /// codes upward, no hashing and no sorting of groups. Returns the kept rows' group ids (ranks)
    /// and the first row of each group.
    static func directGroupIDs(_ keyCols: [Column], _ n: Int, _ mask: [Bool]?) throws -> (ids: [Int32], firstRows: [Int])? {
        let limit = min(Int(Int32.max), max(1 << 22, 2 * n))
        var cardinality = 1
        // Per key: the code of each dictionary entry (text), the smallest value (integers), the number of codes.
        var ranks: [[Int32]] = [], lows: [Int64] = [], cards: [Int] = []
        for col in keyCols {
            var lo: Int64 = 0, card = 0, rank: [Int32] = []
            switch col.storage {
            case .text(_, let dict):
                let order = dict.values.indices.sorted { dict.values[$0].utf8.lexicographicallyPrecedes(dict.values[$1].utf8) }
                rank = [Int32](repeating: 0, count: dict.count)
                for (r, code) in order.enumerated() { rank[code] = Int32(r) }
                card = dict.count + 1
            case .boolean: card = 3
            case .integer(let v), .period(let v):
                guard let range = integerRange(col, v, limit: limit) else { return nil }
                lo = range.lo
                card = Int(range.hi - range.lo) + 2
            case .number: return nil
            }
            cardinality *= card
            guard cardinality <= limit else { return nil }
            ranks.append(rank)
            lows.append(lo)
            cards.append(card)
        }
        var combined = [Int32](repeating: 0, count: n)
        for (k, col) in keyCols.enumerated() {
            try Interrupt.check()
            let lo = lows[k], card = Int32(cards[k]), na = card - 1
            combined.withUnsafeMutableBufferPointer { c in
                let valid = col.validity
                switch col.storage {
                case .text(let codes, _):
                    ranks[k].withUnsafeBufferPointer { rank in
                        codes.withUnsafeBufferPointer { k in
                            if valid == nil {
                                forEachRange(n) { rows in for i in rows { c[i] = c[i] &* card &+ (k[i] >= 0 ? rank[Int(k[i])] : na) } }
                            } else {
                                for i in 0..<n { c[i] = c[i] &* card &+ (col.isValid(i) && k[i] >= 0 ? rank[Int(k[i])] : na) }
                            }
                        }
                    }
                case .boolean(let b):
                    for i in 0..<n { c[i] = c[i] &* card &+ (col.isValid(i) ? (b[i] ? 1 : 0) : na) }
                case .integer(let v), .period(let v):
                    v.withUnsafeBufferPointer { v in
                        if valid == nil {
                            forEachRange(n) { rows in for i in rows { c[i] = c[i] &* card &+ Int32(truncatingIfNeeded: v[i] &- lo) } }
                        } else {
                            for i in 0..<n { c[i] = c[i] &* card &+ (col.isValid(i) ? Int32(truncatingIfNeeded: v[i] &- lo) : na) }
                        }
                    }
                case .number: break
                }
            }
        }
        // The first kept row of each code, then group ids by increasing code.
        var firstOfCode = [Int32](repeating: -1, count: cardinality)
        combined.withUnsafeBufferPointer { c in
            firstOfCode.withUnsafeMutableBufferPointer { f in
                for i in 0..<n where mask?[i] ?? true {
                    let code = Int(c[i])
                    if f[code] < 0 { f[code] = Int32(i) }
                }
            }
        }
        var firstRows: [Int] = []
        firstOfCode.withUnsafeMutableBufferPointer { f in
            for code in 0..<f.count where f[code] >= 0 {
                firstRows.append(Int(f[code]))
                f[code] = Int32(firstRows.count - 1)
            }
        }
        let kept = mask.map(Table.keptCount) ?? n
        let ids: [Int32] = combined.withUnsafeBufferPointer { c in
            firstOfCode.withUnsafeBufferPointer { id in
                filledArray(kept) { o in
                    if let mask {
                        var j = 0
                        for i in 0..<n where mask[i] { o[j] = id[Int(c[i])]; j += 1 }
                    } else {
                        forEachRange(n) { rows in for i in rows { o[i] = id[Int(c[i])] } }
                    }
                }
            }
        }
        return (ids, firstRows)
    }

    /// The range of an integer key when it spans at most `limit` values.
    static func integerRange(_ column: Column, _ v: [Int64], limit: Int) -> (lo: Int64, hi: Int64)? {
        var lo = Int64.max, hi = Int64.min
        v.withUnsafeBufferPointer { v in
            if column.validity == nil {
                for x in v { lo = min(lo, x); hi = max(hi, x) }
            } else {
                for i in 0..<v.count where column.isValid(i) { lo = min(lo, v[i]); hi = max(hi, v[i]) }
            }
        }
        let (span, overflow) = hi.subtractingReportingOverflow(lo)
        return lo <= hi && !overflow && span < limit ? (lo, hi) : nil
    }

    /// Any keys: numbers and wide integers by hashing, combinations renumbered when they grow large.
    static func generalGroupIDs(_ keyCols: [Column], _ n: Int, _ mask: [Bool]?) throws -> (ids: [Int32], firstRows: [Int]) {
        var combined = [Int](repeating: 0, count: n)
        var cardinality = 1
        for col in keyCols {
            try Interrupt.check()
            let (codes, card) = denseCodes(col)
            if cardinality.multipliedReportingOverflow(by: card).overflow || cardinality * card > 1 << 40 {
                combined = densify(combined).codes
                cardinality = (combined.max() ?? 0) + 1
            }
            combined.withUnsafeMutableBufferPointer { c in
                for i in 0..<n { c[i] = c[i] &* card &+ codes[i] }
            }
            cardinality *= card
        }
        // Group ids are written over the combined codes (no second row-sized array).
        let firstRows = cardinality <= max(1 << 22, n) ? densifySmallInPlace(&combined, cardinality, mask) : densifyInPlace(&combined, mask)
        let kept = mask.map(Table.keptCount) ?? n
        let ids: [Int32] = combined.withUnsafeBufferPointer { d in
            filledArray(kept) { o in
                if let mask {
                    var j = 0
                    for i in 0..<n where mask[i] { o[j] = Int32(d[i]); j += 1 }
                } else {
                    for i in 0..<n { o[i] = Int32(d[i]) }
                }
            }
        }
        return (ids, firstRows)
    }

    /// Group ids in order of first appearance among the kept rows (a dropped row's code is left as
    /// it is and never read); returns the first row of each group.
    static func densifySmallInPlace(_ codes: inout [Int], _ cardinality: Int, _ mask: [Bool]?) -> [Int] {
        var slot = [Int](repeating: -1, count: cardinality)
        var first: [Int] = []
        codes.withUnsafeMutableBufferPointer { c in
            for i in 0..<c.count where mask?[i] ?? true {
                var id = slot[c[i]]
                if id < 0 { id = first.count; slot[c[i]] = id; first.append(i) }
                c[i] = id
            }
        }
        return first
    }

    static func densifyInPlace(_ codes: inout [Int], _ mask: [Bool]?) -> [Int] {
        var ids: [Int: Int] = [:]
        var first: [Int] = []
        for i in codes.indices where mask?[i] ?? true {
            if let id = ids[codes[i]] { codes[i] = id } else { ids[codes[i]] = first.count; codes[i] = first.count; first.append(i) }
        }
        return first
    }

    /// Renumbers arbitrary codes as 0, 1, 2 … in order of first appearance; returns the first row of each.
    static func densify(_ codes: [Int]) -> (codes: [Int], firstRows: [Int]) {
        var ids: [Int: Int] = [:]
        var first: [Int] = []
        var out = [Int](repeating: 0, count: codes.count)
        for (i, c) in codes.enumerated() {
            if let id = ids[c] { out[i] = id } else { ids[c] = first.count; out[i] = first.count; first.append(i) }
        }
        return (out, first)
    }
}

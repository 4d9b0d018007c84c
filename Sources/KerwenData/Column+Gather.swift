// Row selection on columns: take rows by index, used by filters, sorts and joins.

extension Column {
    /// The rows at `indices`, in that order; an index of -1 yields `na` (left joins).
    public func gather(_ indices: [Int]) -> Column { keepingFormat(gatherStorage(indices)) }

    /// The same column's written form (its fixed decimals) on a column derived from its rows.
    func keepingFormat(_ c: Column) -> Column {
        guard decimals != nil else { return c }
        var out = c
        out.decimals = decimals
        return out
    }

    private func gatherStorage(_ indices: [Int]) -> Column {
        let n = indices.count
        var validity: Bitmap? = nil
        let hasMissingIndex = indices.contains(-1)
        if self.validity != nil || hasMissingIndex {
            var bm = Bitmap(count: n, value: true)
            for (j, i) in indices.enumerated() where i < 0 || !isValid(i) { bm[j] = false }
            validity = bm
        }
        switch storage {
        case .integer(let v):
            return Column(.integer(indices.map { $0 >= 0 ? v[$0] : 0 }), validity: validity)
        case .number(let v):
            return Column(.number(indices.map { $0 >= 0 ? v[$0] : 0 }), validity: validity)
        case .boolean(let v):
            return Column(.boolean(indices.map { $0 >= 0 ? v[$0] : false }), validity: validity)
        case .period(let v):
            return Column(.period(indices.map { $0 >= 0 ? v[$0] : 0 }), validity: validity)
        case .text(let c, let d):
            return Column(.text(codes: indices.map { $0 >= 0 ? c[$0] : -1 }, dictionary: d), validity: validity)
        }
    }

    /// The rows where `mask` is true (`kept` of them), copied straight from the mask: no index array
    /// (at 10 M rows that array alone is 80 MB).
    public func filter(_ mask: [Bool], kept: Int) -> Column { keepingFormat(filterStorage(mask, kept: kept)) }

    private func filterStorage(_ mask: [Bool], kept: Int) -> Column {
        func pick<T>(_ v: [T]) -> [T] {
            v.withUnsafeBufferPointer { src in
                mask.withUnsafeBufferPointer { m in
                    filledArray(kept) { out in
                        var j = 0
                        for i in 0..<m.count where m[i] { out[j] = src[i]; j += 1 }
                    }
                }
            }
        }
        var bm: Bitmap? = nil
        if let validity {
            // The kept rows' bits, packed a word at a time from the source words.
            let words: [UInt64] = validity.words.withUnsafeBufferPointer { src in
                mask.withUnsafeBufferPointer { m in
                    filledArray((kept + 63) >> 6) { out in
                        var word: UInt64 = 0, j = 0
                        for i in 0..<m.count where m[i] {
                            if src[i >> 6] & (1 << UInt64(i & 63)) != 0 { word |= 1 << UInt64(j & 63) }
                            j += 1
                            if j & 63 == 0 { out[(j >> 6) - 1] = word; word = 0 }
                        }
                        if j & 63 != 0 { out[j >> 6] = word }
                    }
                }
            }
            bm = Bitmap(words: words, count: kept)
        }
        switch storage {
        case .integer(let v): return Column(.integer(pick(v)), validity: bm)
        case .number(let v): return Column(.number(pick(v)), validity: bm)
        case .boolean(let v): return Column(.boolean(pick(v)), validity: bm)
        case .period(let v): return Column(.period(pick(v)), validity: bm)
        case .text(let c, let d): return Column(.text(codes: pick(c), dictionary: d), validity: bm)
        }
    }

    /// This column followed by another of a compatible type (for `union`).
    public func appending(_ other: Column) -> Column? {
        guard var out = appendingStorage(other) else { return nil }
        out.decimals = decimals == other.decimals ? decimals : nil
        return out
    }

    private func appendingStorage(_ other: Column) -> Column? {
        let n = count, m = other.count
        var validity: Bitmap? = nil
        if self.validity != nil || other.validity != nil {
            var bm = Bitmap(count: n + m, value: true)
            for i in 0..<n where !isValid(i) { bm[i] = false }
            for i in 0..<m where !other.isValid(i) { bm[n + i] = false }
            validity = bm
        }
        switch (storage, other.storage) {
        case let (.integer(a), .integer(b)): return Column(.integer(a + b), validity: validity)
        case let (.boolean(a), .boolean(b)): return Column(.boolean(a + b), validity: validity)
        case let (.period(a), .period(b)): return Column(.period(a + b), validity: validity)
        case (.integer, .number), (.number, .integer), (.number, .number):
            return Column(.number(asDoubles()! + other.asDoubles()!), validity: validity)
        case let (.text(ca, da), .text(cb, db)):
            var dict = da
            let remap = db.values.map { dict.encode($0) }
            return Column(.text(codes: ca + cb.map { $0 >= 0 ? remap[Int($0)] : -1 }, dictionary: dict), validity: validity)
        default:
            if type == other.type { return nil }
            // An all-missing column of either type adopts the other's type.
            if missingCount == n { return Column.repeating(.na, count: n).appendingTyped(other) }
            if other.missingCount == m { return appending(Column.repeating(.na, count: m).retyped(like: self)) }
            return nil
        }
    }

    private func appendingTyped(_ other: Column) -> Column? { retyped(like: other).appending(other) }

    /// An all-missing column of the same length with another column's type.
    func retyped(like other: Column) -> Column {
        let n = count
        let bm = Bitmap(count: n, value: false)
        switch other.storage {
        case .integer: return Column(.integer([Int64](repeating: 0, count: n)), validity: bm)
        case .number: return Column(.number([Double](repeating: 0, count: n)), validity: bm)
        case .boolean: return Column(.boolean([Bool](repeating: false, count: n)), validity: bm)
        case .period: return Column(.period([Int64](repeating: 0, count: n)), validity: bm)
        case .text(_, let d): return Column(.text(codes: [Int32](repeating: -1, count: n), dictionary: d), validity: bm)
        }
    }
}

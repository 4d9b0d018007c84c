// Hash joins on one or more keys, on encoded keys: each key becomes an integer code per row in a
// space shared by both tables (text by dictionary code, matched by value across dictionaries), the
// keys are combined into one code, and the right table's rows are grouped by code once.

import KerwenData
import KerwenDiagnostics
import KerwenSyntax

enum Join {
    /// One key's codes for both tables: equal values share a code in 0..<cardinality; -1 is a
    /// missing key (it never matches, as in SQL) or a value the other table cannot have.
    private struct KeyCodes {
        var left: [Int]
        var right: [Int]
        var cardinality: Int
    }

    private static func keyCodes(_ l: Column, _ r: Column, name: String, span: Span) throws -> KeyCodes {
        switch (l.storage, r.storage) {
        case let (.text(lc, ld), .text(rc, rd)):
            // The right dictionary's entries in the left's codes, once per distinct value.
            let toLeft = rd.values.map { ld.code(of: $0).map(Int.init) ?? -1 }
            return KeyCodes(left: (0..<l.count).map { l.isValid($0) && lc[$0] >= 0 ? Int(lc[$0]) : -1 },
                            right: (0..<r.count).map { r.isValid($0) && rc[$0] >= 0 ? toLeft[Int(rc[$0])] : -1 },
                            cardinality: ld.count)
        case let (.integer(a), .integer(b)), let (.period(a), .period(b)):
            // Years and codes (and periods, stored as integers): their offset from the smallest value when the range is small.
            var lo = Int64.max, hi = Int64.min
            for i in 0..<l.count where l.isValid(i) { lo = min(lo, a[i]); hi = max(hi, a[i]) }
            for j in 0..<r.count where r.isValid(j) { lo = min(lo, b[j]); hi = max(hi, b[j]) }
            let (span, overflow) = hi.subtractingReportingOverflow(lo)
            if lo <= hi, !overflow, span < 1 << 24 {
                return KeyCodes(left: (0..<l.count).map { l.isValid($0) ? Int(a[$0] - lo) : -1 },
                                right: (0..<r.count).map { r.isValid($0) ? Int(b[$0] - lo) : -1 },
                                cardinality: Int(span) + 1)
            }
            return numbered(a.map { UInt64(bitPattern: $0) }, l, b.map { UInt64(bitPattern: $0) }, r)
        case (.integer, .number), (.number, .integer), (.number, .number):
            // By value: 2 and 2.0 match; -0.0 and 0.0 match.
            let bits = { (v: [Double]) in v.map { ($0 == 0 ? 0.0 : $0).bitPattern } }
            return numbered(bits(l.asDoubles()!), l, bits(r.asDoubles()!), r)
        case let (.boolean(a), .boolean(b)):
            return KeyCodes(left: (0..<l.count).map { l.isValid($0) ? (a[$0] ? 1 : 0) : -1 },
                            right: (0..<r.count).map { r.isValid($0) ? (b[$0] ? 1 : 0) : -1 }, cardinality: 2)
        default:
            throw Diagnostic(.error, Message("E066", name, Message.typeName(l.type), Message.typeName(r.type)), at: span, hint: Message("H056"))
        }
    }

    /// Values of any spread numbered 0, 1, 2 … by hashing (left first, then right).
    private static func numbered(_ a: [UInt64], _ l: Column, _ b: [UInt64], _ r: Column) -> KeyCodes {
        var ids: [UInt64: Int] = [:]
        let left = (0..<a.count).map { i -> Int in
            guard l.isValid(i) else { return -1 }
            if let id = ids[a[i]] { return id }
            ids[a[i]] = ids.count
            return ids.count - 1
        }
        let right = (0..<b.count).map { j in r.isValid(j) ? ids[b[j]] ?? -1 : -1 }
        return KeyCodes(left: left, right: right, cardinality: max(1, ids.count))
    }

    /// All keys as one code per row (-1 if any key is -1), and the number of codes.
    private static func combined(_ keys: [KeyCodes]) -> KeyCodes {
        var out = keys[0]
        for k in keys.dropFirst() {
            if out.cardinality.multipliedReportingOverflow(by: k.cardinality).overflow || out.cardinality * k.cardinality > 1 << 40 {
                out = renumbered(out)
            }
            for i in out.left.indices { out.left[i] = out.left[i] < 0 || k.left[i] < 0 ? -1 : out.left[i] * k.cardinality + k.left[i] }
            for j in out.right.indices { out.right[j] = out.right[j] < 0 || k.right[j] < 0 ? -1 : out.right[j] * k.cardinality + k.right[j] }
            out.cardinality *= k.cardinality
        }
        return out
    }

    /// Combined codes numbered densely again (they only need to stay equal for equal key tuples).
    private static func renumbered(_ k: KeyCodes) -> KeyCodes {
        var ids: [Int: Int] = [:]
        let left = k.left.map { c -> Int in
            guard c >= 0 else { return -1 }
            if let id = ids[c] { return id }
            ids[c] = ids.count
            return ids.count - 1
        }
        return KeyCodes(left: left, right: k.right.map { $0 >= 0 ? ids[$0] ?? -1 : -1 }, cardinality: max(1, ids.count))
    }

    static func run(_ kind: JoinKind, _ left: Table, _ right: Table, keys: [JoinKey], span: Span, limit: MemoryLimit) throws -> Table {
        var perKey: [KeyCodes] = []
        for k in keys {
            try Interrupt.check()
            perKey.append(try keyCodes(left.column(k.left.text)!, right.column(k.right.text)!, name: k.left.text, span: span))
        }
        let codes = combined(perKey)
        // The right rows grouped by code, in row order (a counting sort): a bucket per code when the
        // codes are few, else a bucket per distinct code found by hashing.
        let direct = codes.cardinality <= max(1 << 22, 2 * right.rowCount)
        var bucketOfCode: [Int: Int] = [:]
        var bucketOfRow = [Int](repeating: -1, count: right.rowCount)
        var buckets = direct ? codes.cardinality : 0
        for j in 0..<right.rowCount where codes.right[j] >= 0 {
            if direct { bucketOfRow[j] = codes.right[j]; continue }
            if let b = bucketOfCode[codes.right[j]] { bucketOfRow[j] = b } else {
                bucketOfCode[codes.right[j]] = buckets
                bucketOfRow[j] = buckets
                buckets += 1
            }
        }
        var offsets = [Int](repeating: 0, count: buckets + 1)
        for b in bucketOfRow where b >= 0 { offsets[b + 1] += 1 }
        for b in 0..<buckets { offsets[b + 1] += offsets[b] }
        var cursor = offsets
        var rowsByBucket = [Int](repeating: 0, count: offsets[buckets])
        for (j, b) in bucketOfRow.enumerated() where b >= 0 { rowsByBucket[cursor[b]] = j; cursor[b] += 1 }
        // The right bucket of a left row's key, -1 when it has none.
        let bucketOf = { (c: Int) -> Int in c < 0 ? -1 : (direct ? c : bucketOfCode[c] ?? -1) }
        try checkSize(kind, left, right, codes: codes, bucketOf: bucketOf, offsets: offsets, keys: keys, span: span, limit: limit)
        // Probe with the left rows, in order; each match in the right table's row order.
        var leftRows: [Int] = [], rightRows: [Int] = []
        leftRows.reserveCapacity(left.rowCount)
        rightRows.reserveCapacity(left.rowCount)
        var checkedAt = 0
        for i in 0..<left.rowCount {
            // Ctrl-C is seen every 64 k left rows and every million rows made (a few left rows with
            // many matches each make most of the work).
            if i & 0xFFFF == 0 || leftRows.count - checkedAt > 1 << 20 { try Interrupt.check(); checkedAt = leftRows.count }
            let b = bucketOf(codes.left[i])
            if b >= 0, offsets[b] < offsets[b + 1] {
                for k in offsets[b]..<offsets[b + 1] { leftRows.append(i); rightRows.append(rowsByBucket[k]) }
            } else if kind == .left {
                leftRows.append(i); rightRows.append(-1)
            }
        }
        // Both sides gathered column by column on all cores; a right column whose name the left
        // table has already gets `_right`.
        try Interrupt.check()
        let rightKeyNames = Set(keys.map(\.right.text))
        let rightKept = right.names.filter { !rightKeyNames.contains($0) }
        let leftPart = left.gather(leftRows)
        let rightPart = right.selecting(rightKept).gather(rightRows)
        var out = leftPart
        for (name, column) in zip(rightPart.names, rightPart.columns) {
            out.set(left.column(name) == nil ? name : name + "_right", column)
        }
        return out
    }

    /// Counts the rows the join will make (one pass over the left codes) and estimates their memory:
    /// past the limit it stops before allocating anything, saying which side repeats the key.
    private static func checkSize(_ kind: JoinKind, _ left: Table, _ right: Table, codes: KeyCodes, bucketOf: (Int) -> Int,
                                  offsets: [Int], keys: [JoinKey], span: Span, limit: MemoryLimit) throws {
        var rows = 0
        var leftRepeats = false
        var seenLeft: Set<Int> = []
        for i in 0..<left.rowCount {
            let c = codes.left[i]
            let b = bucketOf(c)
            let matches = b >= 0 ? offsets[b + 1] - offsets[b] : 0
            rows += matches == 0 ? (kind == .left ? 1 : 0) : matches
            if matches > 1, !leftRepeats, !seenLeft.insert(c).inserted { leftRepeats = true }
        }
        // Two row indexes per output row while it is built, then each output column's cells.
        var bytesPerRow = 16
        for c in left.columns + right.columns { bytesPerRow += c.type == .boolean ? 1 : (c.type == .text ? 4 : 8) }
        let bytes = Double(rows) * Double(bytesPerRow)
        guard bytes > Double(limit.bytes) else { return }
        let rightRepeats = offsets.indices.dropLast().contains { offsets[$0 + 1] - offsets[$0] > 1 }
        let keyList = keys.map { "`\($0.left.text)`" }.joined(separator: ", ")
        let hint = Message(leftRepeats && rightRepeats ? "H087" : "H088", keyList)
        throw Diagnostic(.error, Message("E116", keyList, rows, MemoryLimit.describe(bytes), MemoryLimit.describe(Double(limit.bytes))),
                         at: span, hint: hint)
    }
}

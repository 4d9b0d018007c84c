// Stable multi-key row ordering; text by code point (UTF-8 byte order), missing values last.

import KerwenData

enum RowOrder {
    /// One key as unsigned integers whose order is the wanted order: numbers by their IEEE bits made
    /// order-preserving, integers with the sign bit flipped, text by the rank of its dictionary
    /// entry, `descending` by complement. Missing cells are ordered by the validity, not by a value.
    private static func encoded(_ c: Column, descending: Bool) -> [UInt64] {
        var out: [UInt64]
        switch c.storage {
        case .number(let v): out = v.map(orderBits)
        case .integer(let v), .period(let v): out = v.map { UInt64(bitPattern: $0) ^ (1 << 63) }
        case .boolean(let v): out = v.map { $0 ? 1 : 0 }
        case .text(let codes, let dict):
            let order = dict.values.indices.sorted { dict.values[$0].utf8.lexicographicallyPrecedes(dict.values[$1].utf8) }
            var rank = [UInt64](repeating: 0, count: dict.count)
            for (r, code) in order.enumerated() { rank[code] = UInt64(r) }
            out = codes.map { $0 >= 0 ? rank[Int($0)] : 0 }
        }
        if descending { for i in out.indices { out[i] = ~out[i] } }
        return out
    }

    /// IEEE 754 bits in an order where unsigned comparison is numeric comparison (-0 = 0).
    @inline(__always)
    private static func orderBits(_ d: Double) -> UInt64 {
        let bits = (d == 0 ? 0.0 : d).bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// Row indices in sorted order; `descending` per key; ties keep their input order.
    static func sorted(_ table: Table, by spec: [(String, Bool)]) -> [Int] {
        let cols = spec.map { (table.column($0.0)!, $0.1) }
        return sorted(columns: cols, rows: table.rowCount)
    }

    /// `limit`: only the first rows of the order are wanted (`sort … | take n`); they are kept in a
    /// bounded heap instead of sorting every row.
    static func sorted(columns: [(Column, Bool)], rows: Int, limit: Int? = nil) -> [Int] {
        let keys = columns.map { encoded($0.0, descending: $0.1) }
        let validity = columns.map(\.0.validity)
        // Per key: a missing cell after every value (whatever the direction), then the values; then
        // the row number — a total order, so the result is stable.
        let less: (Int, Int) -> Bool = { a, b in
            for (k, valid) in zip(keys, validity) {
                if let valid, valid[a] != valid[b] { return valid[a] }
                if k[a] != k[b], valid?[a] ?? true { return k[a] < k[b] }
            }
            return a < b
        }
        if let limit, limit < rows / 8 { return smallest(limit, of: rows, less) }
        if keys.count == 1 {
            // One key: sort (key, row) pairs of the rows with a value — no indirection per
            // comparison — and put the missing ones after them in row order.
            let k = keys[0], valid = validity[0]
            var pairs: [(UInt64, Int)] = []
            pairs.reserveCapacity(rows)
            var missing: [Int] = []
            for i in 0..<rows { if valid?[i] ?? true { pairs.append((k[i], i)) } else { missing.append(i) } }
            pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            return pairs.map(\.1) + missing
        }
        var idx = Array(0..<rows)
        idx.sort(by: less)
        return idx
    }

    /// The `k` smallest rows in order, with a max-heap of k rows: O(n log k).
    private static func smallest(_ k: Int, of n: Int, _ less: (Int, Int) -> Bool) -> [Int] {
        guard k > 0 else { return [] }
        var heap: [Int] = []
        heap.reserveCapacity(k)
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var top = i
                if l < heap.count, less(heap[top], heap[l]) { top = l }
                if r < heap.count, less(heap[top], heap[r]) { top = r }
                if top == i { return }
                heap.swapAt(i, top)
                i = top
            }
        }
        for row in 0..<n {
            if heap.count < k {
                heap.append(row)
                var i = heap.count - 1
                while i > 0, less(heap[(i - 1) / 2], heap[i]) { heap.swapAt(i, (i - 1) / 2); i = (i - 1) / 2 }
            } else if less(row, heap[0]) {
                heap[0] = row
                siftDown(0)
            }
        }
        return heap.sorted(by: less)
    }

    /// The rows of `x` in ascending order, ties in row order: a least-significant-digit radix sort
    /// on the numbers' order-preserving bits, four passes of 16 bits. Hand-written because a
    /// comparison sort of ten million rows with a closure takes seconds (a survey quantile's
    /// interval needs each cell's rows in order of value).
    static func ascendingNumbers(_ x: [Double]) -> [Int32] {
        let n = x.count
        var keys = x.map(orderBits), rows = [Int32](0..<Int32(clamping: n))
        var keysOut = [UInt64](repeating: 0, count: n), rowsOut = [Int32](repeating: 0, count: n)
        for shift in stride(from: UInt64(0), to: 64, by: 16) {
            var counts = [Int](repeating: 0, count: 65_537)
            for k in keys { counts[Int((k >> shift) & 0xFFFF) + 1] += 1 }
            // A digit every key shares moves nothing: skip the pass.
            if counts.contains(n) { continue }
            for d in 0..<65_536 { counts[d + 1] += counts[d] }
            for i in 0..<n {
                let d = Int((keys[i] >> shift) & 0xFFFF)
                keysOut[counts[d]] = keys[i]; rowsOut[counts[d]] = rows[i]
                counts[d] += 1
            }
            swap(&keys, &keysOut); swap(&rows, &rowsOut)
        }
        return rows
    }
}

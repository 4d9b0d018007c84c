// Stable multi-key row ordering; text by code point (UTF-8 byte order), missing values last.

import KerwenData

enum RowOrder {
    /// A per-row sort key for one column: comparable doubles, or ranks of dictionary entries.
    private static func keys(_ c: Column) -> [Double] {
        switch c.storage {
        case .number(let v): return v
        case .integer(let v): return v.map(Double.init)
        case .boolean(let v): return v.map { $0 ? 1 : 0 }
        case .text(let codes, let dict):
            let order = dict.values.indices.sorted { dict.values[$0].utf8.lexicographicallyPrecedes(dict.values[$1].utf8) }
            var rank = [Double](repeating: 0, count: dict.count)
            for (r, code) in order.enumerated() { rank[code] = Double(r) }
            return codes.map { $0 >= 0 ? rank[Int($0)] : 0 }
        }
    }

    /// Row indices in sorted order; `descending` per key; ties keep their input order.
    static func sorted(_ table: Table, by spec: [(String, Bool)]) -> [Int] {
        let cols = spec.map { (table.column($0.0)!, $0.1) }
        return sorted(columns: cols, rows: table.rowCount)
    }

    static func sorted(columns: [(Column, Bool)], rows: Int) -> [Int] {
        let prepared = columns.map { (keys($0.0), $0.0, $0.1) }
        var idx = Array(0..<rows)
        idx.sort { a, b in
            for (k, col, desc) in prepared {
                let va = col.isValid(a), vb = col.isValid(b)
                if va != vb { return va }          // missing last
                if !va { continue }
                let x = k[a], y = k[b]
                if x != y { return desc ? x > y : x < y }
            }
            return a < b
        }
        return idx
    }
}

// Hash group-by: a dense group id per row from the key columns, groups ordered by their keys.

import KerwenData
import KerwenDiagnostics

struct Grouping {
    let keyNames: [String]
    /// One row per group: the key values.
    let keyColumns: [Column]
    /// Group id of each input row (of each kept row when `rowMask` is set).
    let groupOf: [Int32]
    let count: Int
    /// The rows a deferred `where` kept, over the whole table; nil = every row. Aggregates read
    /// their arguments' kept rows only.
    var rowMask: [Bool]? = nil

    /// Rows of the table the grouping was made over (kept or not).
    var baseRows: Int { rowMask?.count ?? groupOf.count }

    /// One group holding every (kept) row (a `summarize` without `group by`).
    static func single(rows: Int, mask: [Bool]? = nil) -> Grouping {
        let kept = mask.map(Table.keptCount) ?? rows
        return Grouping(keyNames: [], keyColumns: [], groupOf: [Int32](repeating: 0, count: kept), count: 1, rowMask: mask)
    }

    /// The group of every row of the table, -1 for a row the mask dropped (nested aggregates repeat
    /// their group's value on each row).
    func groupOfBaseRows() -> [Int] {
        guard let rowMask else { return groupOf.map { Int($0) } }
        var j = 0
        return rowMask.map { kept in
            guard kept else { return -1 }
            defer { j += 1 }
            return Int(groupOf[j])
        }
    }

    /// `mask`: only the rows it keeps are grouped (a `where` whose rows were not copied out).
    static func make(_ table: Table, keys: [String], mask: [Bool]? = nil) throws -> Grouping {
        let n = table.rowCount
        if keys.isEmpty { return single(rows: n, mask: mask) }
        let keyCols = keys.map { table.column($0)! }
        try Interrupt.check()
        // Groups come out ordered by their key values, so results read (and diff) the same every run.
        if let (ids, firstRows) = try directGroupIDs(keyCols, n, mask) {
            // Codes follow the key order: the ids are ranks already.
            return Grouping(keyNames: keys, keyColumns: keyCols.map { $0.gather(firstRows) }, groupOf: ids,
                            count: firstRows.count, rowMask: mask)
        }
        // Group ids of the kept rows in order of first appearance, then renumbered by key order.
        let (ids, firstRows) = try generalGroupIDs(keyCols, n, mask)
        let keyTable = Table(names: keys, columns: keyCols.map { $0.gather(firstRows) }, rowCount: firstRows.count)
        let order = RowOrder.sorted(keyTable, by: keys.map { ($0, false) })
        var rank = [Int32](repeating: 0, count: firstRows.count)
        for (r, g) in order.enumerated() { rank[g] = Int32(r) }
        var groupOf = ids
        groupOf.withUnsafeMutableBufferPointer { g in
            rank.withUnsafeBufferPointer { r in for j in 0..<g.count { g[j] = r[Int(g[j])] } }
        }
        return Grouping(keyNames: keys, keyColumns: keyTable.gather(order).columns, groupOf: groupOf,
                        count: firstRows.count, rowMask: mask)
    }
}

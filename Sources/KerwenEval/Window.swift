// Window functions in `derive … over ORDER by GROUPS`: each row reads the rows of its group in order.
// A whole-number order column is a period (a year): `lag` takes the row of the period before, not
// the row before, so a gap in a series gives na instead of bridging it; other order columns go by
// position. `running_mean(x, k)` averages the k periods ending at the row (present ones).

import KerwenData
import KerwenDiagnostics
import KerwenPlan
import KerwenSema
import KerwenSyntax

/// The groups and order a window item reads, made once per `derive` item.
struct WindowFrame {
    /// Every grouped row, group after group, each group in order: group g is `rows[start[g]..<start[g + 1]]`.
    var rows: [Int]
    var start: [Int]
    /// Each row's group and position in `rows` (-1: a row with no group, its order value missing).
    var groupOf: [Int]
    var position: [Int]
    /// The order column's whole numbers (periods) at each position of `rows`, when it is one: a
    /// row k periods back is found by binary search in its group, not by a hash per row.
    var keys: [Int64]?
    var descending: Bool
    /// The order column's name (`rank` reads its values).
    var orderName: String

    var groupCount: Int { start.count - 1 }

    /// `kept`: the rows a `where` before kept as a mask (the others are not in any group).
    init(_ table: Table, order orderName: String, descending: Bool, by: [String], kept: [Bool]?) throws {
        let n = table.rowCount
        let groups = try Grouping.make(table, keys: by)
        guard let order = table.column(orderName) else { throw Diagnostic(.error, Message("E012", orderName)) }
        self.orderName = orderName
        self.descending = descending
        // Each group's rows (a counting sort by group, rows in table order), then each group sorted.
        var start = [Int](repeating: 0, count: groups.count + 1)
        let grouped = (0..<n).map { row in groups.groupOf[row] >= 0 && order.isValid(row) && kept?[row] != false }
        for row in 0..<n where grouped[row] { start[Int(groups.groupOf[row]) + 1] += 1 }
        for g in 0..<groups.count { start[g + 1] += start[g] }
        var rows = [Int](repeating: 0, count: start[groups.count]), next = start
        for row in 0..<n where grouped[row] { let g = Int(groups.groupOf[row]); rows[next[g]] = row; next[g] += 1 }
        // By the order value (whole numbers and periods exactly — one frequency's periods are
        // consecutive integers — numbers as numbers, text by its text), ties in the table's order.
        func sortGroups<Key: Comparable>(_ key: (Int) -> Key) {
            for g in 0..<groups.count {
                rows[start[g]..<start[g + 1]].sort { a, b in
                    let x = key(a), y = key(b)
                    if x != y { return descending ? x > y : x < y }
                    return a < b
                }
            }
        }
        switch order.storage {
        case .integer(let values), .period(let values): sortGroups { values[$0] }
        default: sortGroups(WindowFrame.sortRank(order))
        }
        var groupOf = [Int](repeating: -1, count: n), position = [Int](repeating: -1, count: n)
        for g in 0..<groups.count { for p in start[g]..<start[g + 1] { groupOf[rows[p]] = g; position[rows[p]] = p } }
        self.rows = rows
        self.start = start
        self.groupOf = groupOf
        self.position = position
        switch order.storage {
        case .integer(let values), .period(let values): keys = rows.map { values[$0] }
        default: keys = nil
        }
    }

    /// Each row's place in the order column's sort order, as a number compared with `<`: the
    /// value itself for numbers, the rank of its text among the dictionary's for text (sorted
    /// once, not text made per comparison), 0 or 1 for booleans (as their texts sort). Whole
    /// numbers and periods are compared as they are (`keys`): a double would tie 2^53 and 2^53 + 1.
    static func sortRank(_ order: Column) -> (Int) -> Double {
        switch order.storage {
        case .number(let v): return { v[$0] }
        case .integer(let v), .period(let v): return { Double(v[$0]) }
        case .boolean(let v): return { v[$0] ? 1 : 0 }
        case .text(let codes, let dictionary):
            let values = dictionary.values
            var rankOfCode = [Double](repeating: 0, count: values.count), rank = -1.0, previous: String?
            for code in values.indices.sorted(by: { values[$0] < values[$1] }) {
                if values[code] != previous { rank += 1; previous = values[code] }
                rankOfCode[code] = rank
            }
            return { codes[$0] >= 0 ? rankOfCode[Int(codes[$0])] : -1 }
        }
    }

    /// The row `k` steps before `row` in its group (after, for a negative k): by period when the
    /// order is a whole number, else by place; nil when there is none. Of rows sharing a period,
    /// the first in order.
    func row(_ row: Int, back k: Int) -> Int? {
        let g = groupOf[row]
        guard g >= 0 else { return nil }
        let low = start[g], high = start[g + 1]
        if let keys {
            let (target, overflow) = keys[position[row]].subtractingReportingOverflow(Int64(descending ? -k : k))
            if overflow { return nil }
            var a = low, b = high
            while a < b {
                let m = (a + b) / 2
                if descending ? keys[m] > target : keys[m] < target { a = m + 1 } else { b = m }
            }
            return a < high && keys[a] == target ? rows[a] : nil
        }
        let p = position[row] - k
        return p >= low && p < high ? rows[p] : nil
    }
}

extension Interpreter {
    /// A window function's arguments evaluated over the rows, then its kernel over the item's frame.
    func windowCall(_ kernel: WindowKernel, _ args: [BoundExpr], _ span: Span, _ scope: EvalScope) throws -> Value {
        let name = kernel.rawValue
        guard let frame = scope.window, case .rows(let table) = scope.mode else {
            throw Diagnostic(.error, Message("E168", name), at: span, hint: Message("H170", name))
        }
        let n = table.rowCount
        let operands = try args.map { try vec($0, scope) }
        let values = operands.map { $0.materialize(n) }
        // The count of `lag(x, k)` / `running_mean(x, k)`: one whole number for every row (a column
        // there is E061, as any other value that is not one).
        var count: Scalar? = nil
        if operands.count > 1 {
            if case .scalar(let s) = operands[1] { count = s } else { count = .na }
        }
        guard let order = table.column(frame.orderName) else { throw unknownColumn(frame.orderName, span, table) }
        return try frame.apply(kernel, values, count: count, order: order, rows: n, span: span)
    }
}

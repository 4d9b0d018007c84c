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
    /// Each group's rows in order.
    var ordered: [[Int]]
    /// Each row's group and place in it (-1: a row with no group, its order value missing).
    var groupOf: [Int]
    var place: [Int]
    /// The order column as whole numbers (periods), when it is one.
    var periods: [Int64]?
    var periodValid: [Bool]
    /// Per group: period → row.
    var rowOfPeriod: [[Int64: Int]]
    var descending: Bool
    /// The order column's name (`rank` reads its values).
    var orderName: String

    /// `kept`: the rows a `where` before kept as a mask (the others are not in any group).
    init(_ table: Table, order orderName: String, descending: Bool, by: [String], kept: [Bool]?) throws {
        let n = table.rowCount
        let groups = try Grouping.make(table, keys: by)
        guard let order = table.column(orderName) else { throw Diagnostic(.error, Message("E012", orderName)) }
        self.orderName = orderName
        self.descending = descending
        var members = [[Int]](repeating: [], count: groups.count)
        for row in 0..<n where groups.groupOf[row] >= 0 && order.isValid(row) && kept?[row] != false { members[Int(groups.groupOf[row])].append(row) }
        // Periods order by their codes (one frequency's periods are consecutive integers).
        let orderValues: [Double]? = order.numericValues ?? { if case .period(let v) = order.storage { return v.map(Double.init) }; return nil }()
        // By the order value (numbers as numbers, text as text), ties in the table's order.
        func before(_ a: Int, _ b: Int) -> Bool {
            if let v = orderValues {
                if v[a] != v[b] { return descending ? v[a] > v[b] : v[a] < v[b] }
                return a < b
            }
            let x = ScalarFormat.plain(order.scalar(at: a)), y = ScalarFormat.plain(order.scalar(at: b))
            if x != y { return descending ? x > y : x < y }
            return a < b
        }
        ordered = members.map { $0.sorted(by: before) }
        groupOf = [Int](repeating: -1, count: n)
        place = [Int](repeating: -1, count: n)
        for (g, rows) in ordered.enumerated() { for (i, row) in rows.enumerated() { groupOf[row] = g; place[row] = i } }
        periodValid = (0..<n).map { order.isValid($0) }
        switch order.storage {
        case .integer(let values), .period(let values):
            periods = values
            rowOfPeriod = ordered.map { rows in Dictionary(rows.map { (values[$0], $0) }, uniquingKeysWith: { first, _ in first }) }
        default:
            periods = nil
            rowOfPeriod = []
        }
    }

    /// The row `k` steps before `row` in its group (after, for a negative k): by period when the
    /// order is a whole number, else by place; nil when there is none.
    func row(_ row: Int, back k: Int) -> Int? {
        let g = groupOf[row]
        guard g >= 0 else { return nil }
        if let periods {
            let (target, overflow) = periods[row].subtractingReportingOverflow(Int64(descending ? -k : k))
            return overflow ? nil : rowOfPeriod[g][target]
        }
        let p = place[row] - k
        return p >= 0 && p < ordered[g].count ? ordered[g][p] : nil
    }
}

extension Column {
    /// The values as doubles when the column is numeric.
    var numericValues: [Double]? {
        switch storage {
        case .integer(let v): return v.map(Double.init)
        case .number(let v): return v
        default: return nil
        }
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

extension WindowFrame {
    /// The window kernels: each row reads rows of its group in order (`values` hold every row). One
    /// case per `WindowKernel`, no default.
    /// `count`: the second argument of `lag`, `lead` and `running_mean`.
    func apply(_ kernel: WindowKernel, _ values: [Column], count: Scalar?, order: Column, rows n: Int, span: Span) throws -> Value {
        let name = kernel.rawValue
        let frame = self
        // The first argument's numbers read once as doubles (integers widened), not boxed per row.
        let doubles = values.first?.asDoubles()
        func number(_ c: Column, _ row: Int) -> Double? {
            guard let doubles, c.isValid(row), !doubles[row].isNaN else { return nil }
            return doubles[row]
        }
        var out = [Scalar](repeating: .na, count: n)
        switch kernel {
        case .lag, .lead:
            var k = 1
            if let count {
                guard case .integer(let kk) = count, kk >= 0, kk < 1_000_000 else { throw Diagnostic(.error, Message("E061", name), at: span) }
                k = Int(kk)
            }
            // The earlier (later) row of each row's series, -1 (na) where there is none.
            return .column(values[0].gather((0..<n).map { frame.row($0, back: name == "lag" ? k : -k) ?? -1 }))
        case .diff, .growth:
            for row in 0..<n {
                guard let other = frame.row(row, back: 1), let now = number(values[0], row), let before = number(values[0], other) else { continue }
                if name == "diff" {
                    if case .integer(let a) = values[0].scalar(at: row), case .integer(let b) = values[0].scalar(at: other) {
                        let (d, overflow) = a.subtractingReportingOverflow(b)
                        out[row] = overflow ? .number(Double(a) - Double(b)) : .integer(d)
                    } else { out[row] = .number(now - before) }
                } else if before != 0 {
                    out[row] = .number((now - before) / before)
                }
            }
            return .column(Column.from(out, type: name == "growth" ? .number : values[0].type))
        case .cumsum:
            // Missing values are left out of the running sum, as `sum` leaves them out.
            let integers = values[0].type == .integer
            for rows in frame.ordered {
                var total = 0.0, whole: Int64 = 0, exact = integers, seen = false
                for row in rows {
                    // Before the first value the sum is of nothing: na, as `sum` of nothing is.
                    if number(values[0], row) != nil { seen = true }
                    guard seen else { continue }
                    if case .integer(let v) = values[0].scalar(at: row), exact {
                        let (s, overflow) = whole.addingReportingOverflow(v)
                        if overflow { exact = false } else { whole = s }
                    }
                    if let v = number(values[0], row) { total += v }
                    out[row] = exact ? .integer(whole) : .number(total)
                }
            }
            return .column(Column.from(out, type: integers ? nil : .number))
        case .running_mean:
            guard case .integer(let kk)? = count, kk >= 1, kk <= 10_000 else { throw Diagnostic(.error, Message("E061", name), at: span) }
            let k = Int(kk)
            for row in 0..<n where frame.groupOf[row] >= 0 {
                var sum = 0.0, count = 0
                for back in 0..<k { if let other = frame.row(row, back: back), let v = number(values[0], other) { sum += v; count += 1 } }
                if count > 0 { out[row] = .number(sum / Double(count)) }
            }
            return .column(Column.from(out, type: .number))
        case .row_number, .rank, .dense_rank:
            for rows in frame.ordered {
                var rank = 0, dense = 0, previous: Scalar?
                for (i, row) in rows.enumerated() {
                    let key = order.scalar(at: row)
                    if previous == nil || key != previous! { rank = i + 1; dense += 1; previous = key }
                    out[row] = .integer(Int64(name == "row_number" ? i + 1 : name == "rank" ? rank : dense))
                }
            }
            return .column(Column.from(out, type: .integer))
        case .share_of_total:
            for rows in frame.ordered {
                let total = rows.compactMap { number(values[0], $0) }.reduce(0, +)
                for row in rows { if let v = number(values[0], row), total != 0 { out[row] = .number(v / total) } }
            }
            return .column(Column.from(out, type: .number))
        }
    }
}

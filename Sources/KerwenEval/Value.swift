// Runtime values: scalars, whole columns, tables, grouped tables and indicator results.

import KerwenData
import KerwenDiagnostics
import KerwenSyntax

/// What an expression evaluates to.
public enum Value: Sendable {
    case scalar(Scalar)
    case column(Column)
    case list([Scalar])
    case table(Table)
    /// A table after `group by`, waiting for `summarize`.
    case grouped(Table, keys: [String])
    case indicator(IndicatorResult)

    /// The table behind a table-like value.
    public var table: Table? {
        switch self {
        case .table(let t), .grouped(let t, _): return t
        case .indicator(let r): return r.table
        default: return nil
        }
    }

    /// A word for the kind of value, for messages.
    /// What kind of value this is, as a catalog word ("a column of number", "table").
    public var kindWord: Message {
        switch self {
        case .scalar(let s):
            switch s {
            case .na: return Message("K.na")
            case .integer: return Message("K.integer")
            case .number: return Message("K.number")
            case .text: return Message("K.text")
            case .boolean: return Message("K.boolean")
            case .period: return Message("K.period")
            }
        case .column(let c): return Message("K.column_of", Message.typeName(c.type))
        case .list: return Message("K.list")
        case .table: return Message("K.table")
        case .grouped: return Message("K.grouped")
        case .indicator: return Message("K.indicator")
        }
    }
}

/// A per-row operand: one scalar broadcast over all rows, or a whole column.
public enum Vec: Sendable {
    case scalar(Scalar)
    case column(Column)

    public var type: ColumnType? {
        switch self {
        case .scalar(let s): return s.type
        case .column(let c): return c.type
        }
    }

    /// The value at row `i` (a scalar is the same on every row).
    public func cell(_ i: Int) -> Scalar {
        switch self {
        case .scalar(let s): return s
        case .column(let c): return c.scalar(at: i)
        }
    }

    /// A column of `count` rows.
    public func materialize(_ count: Int) -> Column {
        switch self {
        case .scalar(let s): return Column.repeating(s, count: count)
        case .column(let c): return c
        }
    }
}

/// One finding of a rule as data (a row of `let problems = check …`): which row or key broke it,
/// and the values on each side. Fields that do not apply to the rule's kind are nil.
public struct Finding: Sendable {
    /// The failing row of the checked table, from 1 (row rules).
    public var row: Int?
    /// The values that identify the row, key, total or series, as `name=value` pairs.
    public var keys: [(String, String)]
    /// A comparison's two sides (row rules), or a total and the sum of its parts (`total:`).
    public var left: Double?
    public var right: Double?
    /// `unique:`: how many rows share the key, and whether they are copies of one record.
    public var copies: Int?
    public var identical: Bool?
    /// `gaps:`: the missing time points, such as `2012, 2015–2017`.
    public var missing: String?

    public init(row: Int? = nil, keys: [(String, String)], left: Double? = nil, right: Double? = nil,
                copies: Int? = nil, identical: Bool? = nil, missing: String? = nil) {
        self.row = row
        self.keys = keys
        self.left = left
        self.right = right
        self.copies = copies
        self.identical = identical
        self.missing = missing
    }
}

/// One cell of a check finding: its label (a column name, or a catalog word such as "copies") and
/// its value, both worded by the renderer in the session's language.
public typealias CheckCell = (label: MessageArgument, value: MessageArgument)

public struct CheckOutcome: Sendable {
    /// Failing rows described in full at most (a report shows the first ones; all are counted).
    public static let listed = 10_000

    public var rule: String
    public var fatal: Bool
    /// The first failing rows (at most `listed`): their keys and values as text.
    public var failures: [[CheckCell]]
    /// Every failing row, listed or not.
    public var failureCount: Int
    public var failed: Bool { failureCount > 0 }
    public var checked: Int
    /// Rows where the rule could not be decided (a missing value).
    public var undecided: Int
    /// What was checked: `rows`, `keys`, `totals` or `series` (a catalog word in reports).
    public var unit: String = "rows"
    /// For `unique:`: how many repeated keys have only identical copies (the rest conflict).
    public var identicalRepeats: Int?
    /// The listed failures as data, in the same order as `failures`.
    public var findings: [Finding] = []
    /// `rule`, `unique`, `total` or `gaps`.
    public var kind = "rule"

    public init(rule: String, fatal: Bool, failures: [[CheckCell]], failureCount: Int? = nil, checked: Int,
                undecided: Int, unit: String = "rows") {
        self.rule = rule
        self.fatal = fatal
        self.failures = failures
        self.failureCount = failureCount ?? failures.count
        self.checked = checked
        self.undecided = undecided
        self.unit = unit
    }
}

/// A computed indicator: its result table and everything needed to audit it.
public struct IndicatorResult: Sendable {
    public var name: String
    /// Metadata fields in the order written (code, title, unit, …).
    public var metadata: [(key: String, value: String)]
    /// `by` columns, then value, numerator, denominator, n, n_missing.
    public var table: Table
    public var dimensions: [String]
    public var checks: [CheckOutcome]

    public func meta(_ key: String) -> String? { metadata.first { $0.key == key }?.value }
}

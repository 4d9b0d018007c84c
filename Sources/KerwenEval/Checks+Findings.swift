// `let problems = check t { … }`: the findings of a check block as a table a script can show,
// count, export and `require` on — one row per finding, the same columns for every kind of rule.

import KerwenData
import KerwenPlan
import KerwenSyntax

extension Interpreter {
    /// The columns of a findings table and their types (the binder and resolver know them before
    /// anything runs).
    static let findingColumns: [(String, ColumnType)] = CheckFindings.columns.map { ($0.name, ColumnType(rawValue: $0.type) ?? .text) }

    public static var findingPlanColumns: [PlanColumn] { findingColumns.map { PlanColumn($0.0, PlanType($0.1)) } }

    /// One row per listed finding of every rule, in the order of the rules.
    static func findingsTable(_ outcomes: [CheckOutcome]) -> Table {
        var rule: [Scalar] = [], kind: [Scalar] = [], required: [Scalar] = [], row: [Scalar] = [], key: [Scalar] = []
        var left: [Scalar] = [], right: [Scalar] = [], difference: [Scalar] = [], copies: [Scalar] = []
        var duplicates: [Scalar] = [], missing: [Scalar] = []
        func number(_ d: Double?) -> Scalar { d.map { .number($0) } ?? .na }
        for o in outcomes {
            for f in o.findings {
                rule.append(.text(o.rule))
                kind.append(.text(o.kind))
                required.append(.boolean(o.fatal))
                row.append(f.row.map { .integer(Int64($0)) } ?? .na)
                key.append(f.keys.isEmpty ? .na : .text(f.keys.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")))
                left.append(number(f.left))
                right.append(number(f.right))
                difference.append(f.left != nil && f.right != nil ? .number(f.left! - f.right!) : .na)
                copies.append(f.copies.map { .integer(Int64($0)) } ?? .na)
                duplicates.append(f.identical.map { .text($0 ? "identical" : "conflicting") } ?? .na)
                missing.append(f.missing.map { .text($0) } ?? .na)
            }
        }
        let values = [rule, kind, required, row, key, left, right, difference, copies, duplicates, missing]
        return Table(names: findingColumns.map(\.0),
                     columns: zip(values, findingColumns).map { Column.from($0.0, type: $0.1.1) })
    }
}

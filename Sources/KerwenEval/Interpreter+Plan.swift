// The session's names as the binder sees them, and pipelines run from their optimised plan.

import KerwenData
import KerwenDiagnostics
import KerwenPlan
import KerwenSyntax

extension Interpreter {
    /// A global as the binder knows it: a table with its typed columns, a value's type, a function's body.
    public func planGlobal(named name: String) -> PlanGlobal? { planGlobal(named: name, visiting: []) }

    /// `visiting`: indicators whose columns are being worked out (one made from another made from it
    /// has columns of unknown type, not an endless loop).
    private func planGlobal(named name: String, visiting: Set<String>) -> PlanGlobal? {
        switch globals[name] {
        case .value(let v)?:
            if let t = v.table { return PlanGlobal(kind: .dataset, type: .table, columns: Self.planColumns(t)) }
            switch v {
            case .scalar(let s): return PlanGlobal(kind: .variable, type: PlanType(s))
            case .column(let c): return PlanGlobal(kind: .variable, type: PlanType(c.type))
            default: return PlanGlobal(kind: .variable, type: .list)
            }
        case .parameter(let s)?: return PlanGlobal(kind: .parameter, type: PlanType(s))
        case .function(let f)?:
            return PlanGlobal(kind: .function, type: .unknown, functionParams: f.params.map(\.text), functionBody: f.body)
        case .indicator(let decl)?:
            // Computed already: its table's columns; otherwise as its plan gives them.
            if let result = indicatorCache[name] { return PlanGlobal(kind: .indicator, type: .table, columns: Self.planColumns(result.table), indicator: decl) }
            guard !visiting.contains(name) else { return PlanGlobal(kind: .indicator, type: .table, indicator: decl) }
            var binder = Binder(lookup: { [unowned self] in self.planGlobal(named: $0, visiting: visiting.union([name])) })
            return PlanGlobal(kind: .indicator, type: .table, columns: binder.bindIndicator(decl, instantiate: false).resultColumns, indicator: decl)
        case nil:
            return nil
        }
    }

    /// The columns of `table` a row expression reads (through the user functions it calls).
    func columnsRead(_ e: Expr, in table: Table) -> Set<String> {
        var binder = Binder(lookup: { [unowned self] in self.planGlobal(named: $0) })
        return binder.bindRowExpression(e, columns: Self.planColumns(table)).columnsRead.filter { table.column($0) != nil }
    }

    /// A table's columns with their types (by position: a name lookup per column was quadratic
    /// on an Open SDG file of 40,000 columns).
    public static func planColumns(_ t: Table) -> [PlanColumn] {
        zip(t.names, t.columns).map { PlanColumn($0, PlanType($1.type)) }
    }
}

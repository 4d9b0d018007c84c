// `explain`: the bound plan of an indicator or a pipeline over the session's names; the session
// words it (KerwenPlan's Explainer) in its own language. Nothing is computed.

import KerwenPlan
import KerwenSyntax

/// What `explain` was asked about.
public enum Explanation: Sendable {
    case indicator(IndicatorPlan)
    case table(PlanNode)
    case value(BoundExpr)
}

extension Interpreter {
    /// The plan behind an expression: an indicator's whole definition when the expression names one.
    public func explanation(of expr: Expr) -> Explanation {
        if case .name(let n) = expr.kind, let plan = indicatorExplanation(n) { return plan }
        var binder = Binder(lookup: { [unowned self] in self.planGlobal(named: $0) })
        if case .explain(let bound) = binder.bind(Stmt(.explain(expr), expr.span)).kind {
            if case .table(let node) = bound.kind { return .table(node) }
            return .value(bound)
        }
        return .value(BoundExpr(.literal(.na), .na, expr.span))
    }

    /// The plan of the indicator defined under `name`, if there is one.
    func indicatorExplanation(_ name: String) -> Explanation? {
        guard case .indicator(let decl)? = globals[name] else { return nil }
        var binder = Binder(lookup: { [unowned self] in self.planGlobal(named: $0) })
        // A stored definition has its library base filled in already (see `execute(.indicator)`).
        return .indicator(binder.bindIndicator(decl, instantiate: false))
    }
}

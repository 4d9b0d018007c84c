// The plan of each statement: what it binds, shows, writes or checks, over which plan.

import KerwenDiagnostics
import KerwenSema
import KerwenSyntax

public struct StatementPlan: Sendable {
    public enum Kind: Sendable {
        case load(name: String, PlanNode)
        case letBinding(name: String, BoundExpr)
        case param(name: String, BoundExpr)
        case function(name: String, params: [String])
        case show(BoundExpr)
        case describe(BoundExpr)
        case explain(BoundExpr)
        case export(BoundExpr, to: BoundExpr, options: [(name: String, value: String)])
        case use(module: String)
        case indicator(IndicatorPlan)
        case check(BoundExpr, rules: [CheckPlan])
        /// `let NAME = check …`: the check, its findings bound to NAME as a table.
        case checkBinding(name: String, BoundExpr, rules: [CheckPlan])
        /// `plot SOURCE over X by G`: the table drawn, its x and series columns.
        case plot(BoundExpr, over: String, by: [String])
        /// `report to PATH`.
        case report(to: BoundExpr)
        case expression(BoundExpr)
    }
    public var kind: Kind
    public var span: Span
    public init(_ kind: Kind, _ span: Span) { self.kind = kind; self.span = span }
}

/// One rule of a `check` block, bound to the checked table's columns.
public struct CheckPlan: Sendable {
    public enum Kind: Sendable {
        case row(BoundExpr)
        case unique([String])
        case total(code: BoundExpr, parts: [BoundExpr]?, dimension: String, measure: String, by: [String], tolerance: BoundExpr?)
        case gaps(time: String, by: [String])
    }
    public var kind: Kind
    public var fatal: Bool
    public var span: Span
    public init(_ kind: Kind, fatal: Bool, span: Span) { self.kind = kind; self.fatal = fatal; self.span = span }
}

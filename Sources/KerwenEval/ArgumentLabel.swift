// An aggregate's argument as notes and errors name it (`sum(deaths) skipped 3 missing values`):
// the bound expression written back as Kerwen source, and where it stands in the script.

import KerwenData
import KerwenDiagnostics
import KerwenPlan
import KerwenSyntax

struct ArgumentLabel {
    let text: String
    let span: Span

    init(_ e: BoundExpr) {
        text = ExprPrinter.text(Self.written(e))
        span = e.span
    }

    /// `e` as source: names plain, builtins and user functions as their calls, a pipeline as its
    /// source and steps. Also a memo key: two arguments written alike compute the same rows.
    static func written(_ e: BoundExpr) -> Expr {
        func x(_ kind: Expr.Kind) -> Expr { Expr(kind, e.span) }
        switch e.kind {
        case .literal(let s):
            switch s {
            case .na: return x(.na)
            case .integer(let v): return x(.integer(v))
            case .number(let v): return x(.number(v))
            case .text(let t): return x(.string(t))
            case .boolean(let b): return x(.bool(b))
            case .period: return x(.string(ScalarFormat.plain(s)))
            }
        case .column(let n), .ambiguous(let n), .deferred(let n, _), .global(let n, _): return x(.name(n))
        case .argument(let k): return x(.name("#\(k + 1)"))
        case .member(let b, let m): return x(.member(written(b), Name(m, e.span)))
        case .unary(let op, let a): return x(.unary(op, written(a)))
        case .binary(let op, let a, let b): return x(.binary(op, written(a), written(b)))
        case .between(let a, let lo, let hi): return x(.between(written(a), low: written(lo), high: written(hi)))
        case .isIn(let a, let items): return x(.isIn(written(a), items.map(written)))
        case .conditional(let c, let t, let f): return x(.conditional(written(c), then: written(t), else: written(f)))
        case .builtin(let b, let args): return x(.call(Name(b.name, e.span), args.map(written)))
        case .userFunction(let n, let args, _): return x(.call(Name(n, e.span), args.map(written)))
        case .list(let items): return x(.list(items.map(written)))
        case .window(let inner, _, _, _): return written(inner)
        case .table(let node): return written(node) ?? x(.name("…"))
        }
    }

    /// A pipeline's source as written and the steps of its nodes, first to last.
    private static func written(_ node: PlanNode) -> Expr? {
        var steps: [Step] = []
        var n = node
        while let input = n.inputs.first {
            steps = n.steps + steps
            n = input
        }
        let source: Expr
        switch n.op {
        case .dataset(let name), .indicatorResult(let name): source = n.source ?? Expr(.name(name), n.span)
        default:
            guard let s = n.source else { return nil }
            source = s
        }
        return steps.isEmpty ? source : Expr(.pipeline(source, steps), node.span)
    }
}

// An expression with every name bound to what it means and every node typed.

import KerwenData
import KerwenDiagnostics
import KerwenSema
import KerwenSyntax

public struct BoundExpr: Sendable {
    public indirect enum Kind: Sendable {
        case literal(Scalar)
        /// A column of the table the step reads.
        case column(String)
        /// A plain name that is both a column and a single value the step does not tell apart (E016
        /// when it is evaluated: decided by `NameRules` here, so the evaluator does not decide again).
        case ambiguous(String)
        /// A plain name over a table whose columns were not known when it was bound (a function's
        /// parameter as the source of a pipeline): the column when the table has one, else the global —
        /// `NameRules` decides when it runs. `dollarWritten`: the step also writes `$name`.
        case deferred(String, dollarWritten: Bool)
        /// A variable, parameter, dataset or indicator of the session (`$name`, or a plain name that
        /// is not a column).
        case global(String, Symbol.Kind)
        /// `dataset.column`: a whole column of a table.
        case member(BoundExpr, String)
        case unary(UnaryOp, BoundExpr)
        case binary(BinaryOp, BoundExpr, BoundExpr)
        case between(BoundExpr, low: BoundExpr, high: BoundExpr)
        case isIn(BoundExpr, [BoundExpr])
        case conditional(BoundExpr, then: BoundExpr, else: BoundExpr)
        /// A builtin, by its entry in the one table of builtins.
        case builtin(BuiltinSignature, [BoundExpr])
        /// `lag(value) over year by country`: a derived value whose window functions read the rows
        /// of its group in order (the order and group columns as `.column` nodes).
        case window(BoundExpr, order: BoundExpr, descending: Bool, by: [BoundExpr])
        /// A user function, expanded inline where it is called: its arguments, and its body bound at
        /// the call, where each parameter is `.argument(k)` (nil when it cannot be expanded before
        /// running: a function calling itself, one from a module).
        case userFunction(String, [BoundExpr], expansion: BoundExpr?)
        /// Inside a user function's expansion: its k-th argument (bound once, at the call: the body
        /// refers to it, so a function using its parameter twice does not copy the argument twice).
        case argument(Int)
        case list([BoundExpr])
        /// A pipeline used as a value (the source of `join`, `union`, `let`, `show`).
        case table(PlanNode)
    }

    public var kind: Kind
    public var type: PlanType
    public var span: Span

    public init(_ kind: Kind, _ type: PlanType, _ span: Span) {
        self.kind = kind
        self.type = type
        self.span = span
    }

    /// Whether an aggregate (`sum`, `mean`, …) appears in this expression.
    public var hasAggregate: Bool {
        var found = false
        visit { if case .builtin(let b, _) = $0.kind, b.kind == .aggregate { found = true } }
        return found
    }

    /// Columns of the step's table this expression reads.
    public var columnsRead: Set<String> {
        var out: Set<String> = []
        visit {
            if case .column(let n) = $0.kind { out.insert(n) }
            if case .ambiguous(let n) = $0.kind { out.insert(n) }
            if case .deferred(let n, _) = $0.kind { out.insert(n) }
        }
        return out
    }

    /// The expressions directly below this one (a user function's arguments, then its expansion).
    public var children: [BoundExpr] {
        switch kind {
        case .literal, .column, .ambiguous, .deferred, .global, .table, .argument: return []
        case .member(let b, _), .unary(_, let b): return [b]
        case .binary(_, let a, let b): return [a, b]
        case .between(let a, let b, let c), .conditional(let a, let b, let c): return [a, b, c]
        case .isIn(let a, let items): return [a] + items
        case .builtin(_, let args), .list(let args): return args
        case .window(let inner, let order, _, let by): return [inner, order] + by
        case .userFunction(_, let args, let expansion): return args + (expansion.map { [$0] } ?? [])
        }
    }

    /// This node with each expression directly below it replaced by `f` of it (a user function's
    /// arguments and expansion alike; pipelines used as values are left as they are).
    public func mappingChildren(_ f: (BoundExpr) throws -> BoundExpr) rethrows -> BoundExpr {
        var out = self
        switch kind {
        case .literal, .column, .ambiguous, .deferred, .global, .table, .argument: return self
        case .member(let b, let m): out.kind = .member(try f(b), m)
        case .unary(let op, let x): out.kind = .unary(op, try f(x))
        case .binary(let op, let a, let b): out.kind = .binary(op, try f(a), try f(b))
        case .between(let x, let lo, let hi): out.kind = .between(try f(x), low: try f(lo), high: try f(hi))
        case .isIn(let x, let items): out.kind = .isIn(try f(x), try items.map(f))
        case .conditional(let c, let t, let e): out.kind = .conditional(try f(c), then: try f(t), else: try f(e))
        case .builtin(let b, let args): out.kind = .builtin(b, try args.map(f))
        case .list(let items): out.kind = .list(try items.map(f))
        case .window(let inner, let order, let descending, let by):
            out.kind = .window(try f(inner), order: try f(order), descending: descending, by: try by.map(f))
        case .userFunction(let n, let args, let expansion): out.kind = .userFunction(n, try args.map(f), expansion: try expansion.map(f))
        }
        return out
    }

    /// Calls `f` on this node and every node below it (without recursion: a tree as deep as the
    /// parser allows is walked on the heap), not entering pipelines used as values.
    public func visit(_ f: (BoundExpr) -> Void) {
        var stack: [BoundExpr] = [self]
        while let e = stack.popLast() {
            f(e)
            stack += e.children
        }
    }
}

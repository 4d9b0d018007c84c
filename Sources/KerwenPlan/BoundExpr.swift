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
        visit { if case .column(let n) = $0.kind { out.insert(n) } }
        return out
    }

    /// The expressions directly below this one (a user function's arguments, then its expansion).
    public var children: [BoundExpr] {
        switch kind {
        case .literal, .column, .global, .table, .argument: return []
        case .member(let b, _), .unary(_, let b): return [b]
        case .binary(_, let a, let b): return [a, b]
        case .between(let a, let b, let c), .conditional(let a, let b, let c): return [a, b, c]
        case .isIn(let a, let items): return [a] + items
        case .builtin(_, let args), .list(let args): return args
        case .window(let inner, let order, _, let by): return [inner, order] + by
        case .userFunction(_, let args, let expansion): return args + (expansion.map { [$0] } ?? [])
        }
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

// A user function is a formula: a call is its body with the arguments in place of the parameters
// (the evaluator expands it so, and the binder types a call by the same expansion).

public enum Inliner {
    /// `e` with each parameter name (plain or `$name`) replaced by its argument expression.
    public static func substitute(_ e: Expr, _ s: [String: Expr]) -> Expr {
        e.rewritten { x in
            switch x.kind {
            case .name(let n), .variable(let n): return s[n].map { Expr($0.kind, $0.span) } ?? x
            case .column: return x
            default: return nil
            }
        }
    }
}

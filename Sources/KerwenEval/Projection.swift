// Which columns an indicator's measures and filters may read (the pruning itself is the plan's
// projection pushdown, KerwenPlan/ProjectionPushdown.swift).

import KerwenSyntax

enum Projection {
    /// Every plain or back-quoted name an expression mentions, through user functions' bodies.
    static func references(_ e: Expr, functions: [String: Expr], depth: Int = 0) -> Set<String> {
        var memo: [String: Set<String>] = [:]
        return references(e, functions: functions, depth: depth, memo: &memo)
    }

    /// `memo`: each function body's names, found once (a body's names do not depend on the
    /// arguments, which are walked where the call is), so nested definitions stay linear.
    private static func references(_ e: Expr, functions: [String: Expr], depth: Int, memo: inout [String: Set<String>]) -> Set<String> {
        var out: Set<String> = []
        func walk(_ x: Expr) {
            switch x.kind {
            case .name(let n), .column(let n): out.insert(n)
            case .member(let b, _): walk(b)
            case .unary(_, let a): walk(a)
            case .binary(_, let a, let b): walk(a); walk(b)
            case .between(let a, let b, let c), .conditional(let a, let b, let c): walk(a); walk(b); walk(c)
            case .isIn(let a, let items): walk(a); items.forEach(walk)
            case .call(let fn, let args):
                args.forEach(walk)
                if let body = functions[fn.text], depth < 16 {
                    if let known = memo[fn.text] { out.formUnion(known); break }
                    let found = references(body, functions: functions, depth: depth + 1, memo: &memo)
                    memo[fn.text] = found
                    out.formUnion(found)
                }
            case .list(let items): items.forEach(walk)
            case .pipeline(let s, _): walk(s)
            default: break
            }
        }
        walk(e)
        return out
    }
}

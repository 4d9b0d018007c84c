// Projection pushdown on the logical plan: which columns of a pipeline's source the steps can read.
// Pruning the others before the first `where` means a filter copies 6 columns instead of 14.

import KerwenSyntax

enum Projection {
    /// Columns of the source that the steps may read, or nil when every column may matter
    /// (the result is the whole table, or a step such as `join` passes everything on).
    static func neededColumns(_ steps: [Step], functions: [String: Expr]) -> Set<String>? {
        neededBeforeEachStep(steps, functions: functions)[0]
    }

    /// For each k, the columns `steps[k...]` read (index `steps.count`: nil, every column), found in
    /// one backward pass: a pipeline of 20,000 steps costs 20,000 steps, not 20,000².
    static func neededBeforeEachStep(_ steps: [Step], functions: [String: Expr]) -> [Set<String>?] {
        var out = [Set<String>?](repeating: nil, count: steps.count + 1)
        var needed: Set<String>? = nil
        for k in steps.indices.reversed() {
            needed = neededBefore(steps[k], after: needed, functions: functions)
            out[k] = needed
        }
        return out
    }

    /// The columns needed before `step`, given those needed after it (nil: every column).
    private static func neededBefore(_ step: Step, after: Set<String>?, functions: [String: Expr]) -> Set<String>? {
        var needed = after
        func add(_ names: Set<String>) { if needed != nil { needed!.formUnion(names) } }
        func refs(_ e: Expr) -> Set<String> { references(e, functions: functions) }
        switch step.kind {
        case .summarize(let items):
            needed = items.reduce(into: Set<String>()) { $0.formUnion(refs($1.expr)) }
        case .select(let names):
            needed = Set(names.map(\.text))
        case .distinct(let names) where !names.isEmpty:
            needed = Set(names.map(\.text))
        case .groupBy(let names):
            add(Set(names.map(\.text)))
        case .derive(let items):
            for item in items.reversed() where needed != nil {
                needed!.remove(item.name.text)
                needed!.formUnion(refs(item.expr))
            }
        case .filter(let e), .take(let e):
            add(refs(e))
        case .sort(let keys):
            for k in keys { add(refs(k.expr)) }
        case .rename(let pairs):
            // All at once, as the step renames (`rename a to b, b to a` swaps): a needed new name
            // needs its old one; one pair at a time would lose a side of a swap.
            if let after = needed {
                var before = Set<String>()
                for n in after { before.insert(pairs.first { $0.to.text == n }?.from.text ?? n) }
                // The step itself checks that every column it renames is there.
                needed = before.union(pairs.map(\.from.text))
            }
        case .drop(let names):
            add(Set(names.map(\.text)))
        case .join(_, _, let keys):
            // The left table keeps its keys, the columns read later, and any column whose name a
            // later `name_right` refers to (the suffix is given only when the left has the name).
            let suffixed = needed?.compactMap { $0.hasSuffix("_right") ? String($0.dropLast(6)) : nil } ?? []
            add(Set(keys.map(\.left.text) + suffixed))
        case .union, .distinct:
            needed = nil
        }
        return needed
    }

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

// Which names a step writes with `$`.

extension Step {
    /// `$names` written in this step's expressions (they tell a plain name of the same spelling is the column).
    public var dollarNames: Set<String> {
        switch kind {
        case .filter(let e), .take(let e): return e.dollarNames
        case .derive(let items), .summarize(let items): return items.reduce(into: Set<String>()) { $0.formUnion($1.expr.dollarNames) }
        case .sort(let keys): return keys.reduce(into: Set<String>()) { $0.formUnion($1.expr.dollarNames) }
        default: return []
        }
    }
}

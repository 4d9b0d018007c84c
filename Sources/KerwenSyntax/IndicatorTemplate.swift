// Library indicators: a definition written against its own column names (`needs: cost, income`),
// made concrete at the point of use with the user's data and column names:
//
//     indicator my_1071 = recruitment_cost { data: survey  columns: cost = fee_usd  by: sex }
//
// This is a transformation of the logical plan only: the result is an ordinary indicator.

extension IndicatorDecl {
    /// The indicator `self` (a use: data, column map, overrides) made from `base` (a library definition).
    public func instantiated(from base: IndicatorDecl) -> IndicatorDecl {
        var mapping: [String: Name] = [:]
        var supplied: [(need: String, column: Name)] = []
        for need in base.needs {
            let column = columnMap.first { $0.need.text == need.text }?.column ?? Name(need.text, name.span)
            mapping[need.text] = column
            supplied.append((need.text, column))
        }
        func map(_ e: Expr?) -> Expr? { e.map { ColumnRenamer.rename($0, mapping) } }
        func mapName(_ n: Name) -> Name { mapping[n.text] ?? n }

        var out = base
        out.name = name
        out.span = span
        out.base = base.name
        out.needs = []
        out.columnMap = columnMap
        out.suppliedColumns = supplied
        for entry in metadata {
            if let i = out.metadata.firstIndex(where: { $0.key.text == entry.key.text }) { out.metadata[i] = entry } else { out.metadata.append(entry) }
        }
        out.data = data
        // Both filters apply: the definition's (which records the indicator is about) and the user's.
        switch (map(base.filter), filter) {
        case let (b?, u?): out.filter = Expr(.binary(.and, b, u), u.span)
        case let (b, u): out.filter = b ?? u
        }
        out.numerator = numerator ?? map(base.numerator)
        out.denominator = numerator != nil ? denominator : map(base.denominator)
        out.value = value ?? (numerator == nil ? map(base.value) : nil)
        out.scale = scale ?? base.scale
        if by.isEmpty {
            out.by = base.by.map(mapName)
            out.totals = base.totals.map(mapName)
        } else {
            out.by = by
            out.totals = totals
        }
        out.checks = base.checks + checks
        return out
    }
}

/// Replaces a library definition's column names by the user's columns (always as explicit columns,
/// so a user column that shares its name with a variable is still the column).
public enum ColumnRenamer {
    public static func rename(_ e: Expr, _ m: [String: Name]) -> Expr {
        func r(_ x: Expr) -> Expr { rename(x, m) }
        switch e.kind {
        case .name(let n), .column(let n):
            if let to = m[n] { return Expr(.column(to.text), e.span) }
            return e
        case .variable, .integer, .number, .string, .bool, .na, .pipeline: return e
        case .member(let b, let n): return Expr(.member(r(b), n), e.span)
        case .unary(let op, let x): return Expr(.unary(op, r(x)), e.span)
        case .binary(let op, let a, let b): return Expr(.binary(op, r(a), r(b)), e.span)
        case .between(let x, let lo, let hi): return Expr(.between(r(x), low: r(lo), high: r(hi)), e.span)
        case .isIn(let x, let items): return Expr(.isIn(r(x), items.map(r)), e.span)
        case .call(let n, let args): return Expr(.call(n, args.map(r)), e.span)
        case .conditional(let c, let t, let f): return Expr(.conditional(r(c), then: r(t), else: r(f)), e.span)
        case .list(let items): return Expr(.list(items.map(r)), e.span)
        }
    }
}

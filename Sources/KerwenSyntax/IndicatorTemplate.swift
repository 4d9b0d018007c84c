// Library indicators: a definition written against its own column names (`needs: cost, income`),
// made concrete at the point of use with the user's data and column names:
//
//     indicator my_1071 = recruitment_cost { data: survey  columns: cost = fee_usd  by: sex }
//
// This is a transformation of the logical plan only: the result is an ordinary indicator.

import KerwenDiagnostics

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
        // The sample design is the user's (the definition names no columns of it).
        out.weight = weight ?? base.weight
        out.strata = strata ?? base.strata
        out.cluster = cluster ?? base.cluster
        out.fpc = fpc ?? base.fpc
        out.level = level ?? base.level
        out.df = df ?? base.df
        out.flag = flag ?? base.flag
        out.suppress = suppress ?? base.suppress
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

extension IndicatorDecl {
    /// E081: a library definition used as if it had data (shown, piped, exported).
    public func withoutDataError(at span: Span) -> Diagnostic {
        Diagnostic(.error, Message("E081", name.text), at: span,
                   hint: Message("H067", name.text, needs.map { "\($0.text) = …" }.joined(separator: ", ")))
    }

    /// E080: the column supplying `need` is not in the data (with the closest column of `available`).
    public func missingColumnError(need: String, column: Name, available: [String]) -> Diagnostic {
        var suggestion = MessageArgument.text("")
        if let h = Suggestions.hint(for: column.text, in: available) { suggestion = .message(Message("W.parenthesised", h)) }
        return Diagnostic(.error, Message("E080", name.text, need, column.text), at: column.span, hint: Message("H066", need, suggestion))
    }
}

/// Replaces a library definition's column names by the user's columns (always as explicit columns,
/// so a user column that shares its name with a variable is still the column).
public enum ColumnRenamer {
    public static func rename(_ e: Expr, _ m: [String: Name]) -> Expr {
        e.rewritten { x in
            switch x.kind {
            case .name(let n), .column(let n): return m[n].map { Expr(.column($0.text), x.span) } ?? x
            // A nested pipeline reads another table's columns: left as written.
            case .pipeline: return x
            default: return nil
            }
        }
    }
}

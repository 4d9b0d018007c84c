// Writes expressions back as Kerwen source (for messages, check reports and explanations).

public enum ExprPrinter {
    public static func text(_ e: Expr) -> String {
        switch e.kind {
        case .integer(let v): return String(v)
        case .number(let v): return v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : "\(v)"
        case .string(let s): return "\"\(s)\""
        case .bool(let b): return b ? "true" : "false"
        case .na: return "na"
        case .name(let n): return name(n)
        case .variable(let n): return "$" + n
        case .column(let n): return "`\(n)`"
        case .member(let b, let m): return text(b) + "." + name(m.text)
        case .unary(.negate, let x): return "-" + wrapped(x)
        case .unary(.not, let x): return "not " + wrapped(x)
        case .binary(let op, let l, let r): return "\(wrapped(l)) \(op.rawValue) \(wrapped(r))"
        case .between(let x, let lo, let hi): return "\(wrapped(x)) between \(text(lo)) and \(text(hi))"
        case .isIn(let x, let items): return "\(wrapped(x)) in [\(items.map(text).joined(separator: ", "))]"
        case .call(let n, let args): return "\(n.text)(\(args.map(text).joined(separator: ", ")))"
        case .conditional(let c, let t, let f): return "if \(text(c)) then \(text(t)) else \(text(f))"
        case .list(let items): return "[\(items.map(text).joined(separator: ", "))]"
        case .pipeline(let s, let steps): return text(s) + steps.map { " | " + $0.word + " …" }.joined()
        }
    }

    private static func wrapped(_ e: Expr) -> String {
        switch e.kind {
        case .binary, .between, .conditional: return "(" + text(e) + ")"
        default: return text(e)
        }
    }

    /// A name, back-quoted when it is not a plain identifier.
    public static func name(_ n: String) -> String {
        let plain = !n.isEmpty && n.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType != nil }
            && n.unicodeScalars.first?.properties.numericType == nil && !Keywords.reserved.contains(n)
        return plain ? n : "`\(n)`"
    }
}

extension ExprPrinter {
    /// A check rule as written (without `require`), for reports.
    public static func rule(_ r: CheckRule) -> String {
        func names(_ n: [Name]) -> String { n.map { name($0.text) }.joined(separator: ", ") }
        func code(_ e: Expr) -> String {
            if case .string(let s) = e.kind, s.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0) }) { return s }
            return text(e)
        }
        switch r.kind {
        case .row(let e): return text(e)
        case .unique(let keys): return "unique: " + names(keys)
        case .gaps(let time, let by): return "gaps: " + name(time.text) + (by.isEmpty ? "" : " by " + names(by))
        case .total(let total, let parts, let dim, let measure, let by, let tol):
            var s = "total: \(code(total)) = " + (parts.map { $0.map(code).joined(separator: " + ") } ?? "others")
            s += " in \(name(dim.text)) on \(name(measure.text))"
            if !by.isEmpty { s += " by " + names(by) }
            if let tol { s += " within " + text(tol) }
            return s
        }
    }
}

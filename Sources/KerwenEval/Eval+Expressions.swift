// Evaluates expressions over whole columns: plainly, row-wise over a table, or per group in `summarize`.

import KerwenData
import KerwenDiagnostics
import KerwenSema
import KerwenSyntax

/// Where an expression is evaluated.
enum EvalMode {
    /// No table: plain names are variables.
    case plain
    /// Once per row of a table: plain names are columns first.
    case rows(Table)
    /// Once per group: aggregates reduce rows; other columns must be group keys.
    case groups(Table, Grouping)

    var count: Int {
        switch self {
        case .plain: return 1
        case .rows(let t): return t.rowCount
        case .groups(_, let g): return g.count
        }
    }
}

extension Interpreter {
    public func evalValue(_ e: Expr) throws -> Value { try eval(e, .plain) }

    func eval(_ e: Expr, _ mode: EvalMode) throws -> Value {
        switch e.kind {
        case .integer(let v): return .scalar(.integer(v))
        case .number(let v): return .scalar(.number(v))
        case .string(let s): return .scalar(.text(s))
        case .bool(let b): return .scalar(.boolean(b))
        case .na: return .scalar(.na)
        case .name(let n): return try lookupName(n, e.span, mode)
        case .column(let n):
            if case .plain = mode { return try variable(n, e.span) }
            return try lookupName(n, e.span, mode, explicitColumn: true)
        case .variable(let n): return try variable(n, e.span)
        case .member(let base, let member):
            let b = try eval(base, .plain)
            guard let table = b.table else { throw Diagnostic(.error, Message("E052", ".", b.kindWord), at: base.span) }
            guard let c = table.column(member.text) else { throw unknownColumn(member.text, member.span, table) }
            return .column(c)
        case .list(let items):
            return .list(try items.map { item -> Scalar in
                guard case .scalar(let s) = try eval(item, .plain) else { throw Diagnostic(.error, Message("E057"), at: item.span) }
                return s
            })
        case .unary(let op, let x):
            return try Kernels.unary(op, try vec(x, mode), count: mode.count, span: e.span, warn: warn)
        case .binary(let op, let l, let r):
            let lv = try vec(l, mode), rv = try vec(r, mode)
            return try Kernels.binary(op, lv, rv, count: mode.count, span: e.span, lhs: l, rhs: r, interpreter: self)
        case .between(let x, let lo, let hi):
            let xv = try vec(x, mode)
            let a = try Kernels.binary(.greaterEqual, xv, try vec(lo, mode), count: mode.count, span: e.span, lhs: x, rhs: lo, interpreter: self)
            let b = try Kernels.binary(.lessEqual, xv, try vec(hi, mode), count: mode.count, span: e.span, lhs: x, rhs: hi, interpreter: self)
            return try Kernels.binary(.and, try a.asVec(e.span), try b.asVec(e.span), count: mode.count, span: e.span, lhs: x, rhs: x, interpreter: self)
        case .isIn(let x, let items):
            let xv = try vec(x, mode)
            var result: Value = .scalar(.boolean(false))
            for item in items {
                let eq = try Kernels.binary(.equal, xv, try vec(item, mode), count: mode.count, span: e.span, lhs: x, rhs: item, interpreter: self)
                result = try Kernels.binary(.or, try result.asVec(e.span), try eq.asVec(e.span), count: mode.count, span: e.span, lhs: x, rhs: item, interpreter: self)
            }
            return result
        case .conditional(let c, let t, let f):
            return try Kernels.conditional(try vec(c, mode), try vec(t, mode), try vec(f, mode), count: mode.count, span: e.span)
        case .call(let name, let args):
            return try call(name, args, e.span, mode)
        case .pipeline(let source, let steps):
            return try runPipeline(source, steps)
        }
    }

    /// Evaluates one step's expression, remembering which names it writes with `$`.
    func stepVec(_ e: Expr, _ mode: EvalMode) throws -> Vec {
        let saved = dollarNames
        dollarNames = e.dollarNames
        defer { dollarNames = saved }
        return try vec(e, mode)
    }

    /// Evaluates to a per-row operand (a scalar or a column), rejecting tables.
    func vec(_ e: Expr, _ mode: EvalMode) throws -> Vec {
        try eval(e, mode).asVec(e.span)
    }

    func variable(_ n: String, _ span: Span) throws -> Value {
        switch globals[n] {
        case .value(let v)?: return v
        case .parameter(let s)?: return .scalar(s)
        case .indicator?: return .indicator(try indicatorResult(n, span))
        case .function?: throw Diagnostic(.error, Message("E047", n), at: span, hint: Message("H034", n))
        case nil:
            throw Diagnostic(.error, Message("E013", n), at: span, hint: Suggestions.hint(for: n, in: Array(globals.keys)))
        }
    }

    private func lookupName(_ n: String, _ span: Span, _ mode: EvalMode, explicitColumn: Bool = false) throws -> Value {
        switch mode {
        case .plain:
            return try variable(n, span)
        case .rows(let table):
            if let c = table.column(n) {
                if !explicitColumn { try rejectAmbiguity(n, span) }
                return .column(c)
            }
            if globals[n] != nil { return try variable(n, span) }
            throw unknownColumn(n, span, table)
        case .groups(let table, let grouping):
            if let k = grouping.keyNames.firstIndex(of: n) {
                if !explicitColumn { try rejectAmbiguity(n, span) }
                return .column(grouping.keyColumns[k])
            }
            if table.column(n) != nil {
                throw Diagnostic(.error, Message("E048", n), at: span, hint: Message("H043", n))
            }
            if globals[n] != nil { return try variable(n, span) }
            throw unknownColumn(n, span, table)
        }
    }

    /// A plain name that is both a column and a single-value variable is ambiguous, unless the
    /// same step also writes `$name` (the rule is `NameRules`, shared with the resolver and binder).
    private func rejectAmbiguity(_ n: String, _ span: Span) throws {
        if NameRules.meaning(of: n, isColumn: true, global: symbol(n), dollarNames: dollarNames) == .ambiguous {
            throw NameRules.ambiguity(n, at: span)
        }
    }

    func unknownColumn(_ n: String, _ span: Span, _ table: Table) -> Diagnostic {
        Diagnostic(.error, Message("E012", n), at: span, label: Message("L001"),
                   hint: Suggestions.hint(for: n, in: table.names) ?? Message("H044", table.names.prefix(12).map { "`\($0)`" }.joined(separator: ", ")))
    }
}

extension Value {
    func asVec(_ span: Span) throws -> Vec {
        switch self {
        case .scalar(let s): return .scalar(s)
        case .column(let c): return .column(c)
        default: throw Diagnostic(.error, Message("E058", kindWord), at: span)
        }
    }
}

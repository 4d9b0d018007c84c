// Evaluates expressions over whole columns from their bound form (the plan's `BoundExpr`): plainly,
// row-wise over a table, or per group in `summarize`. The binder decided what each name means
// (`NameRules`); here each node runs its kernel. What an evaluation depends on — its mode, the rows
// a deferred `where` kept, the enclosing groups, the window, a user function's arguments — is the
// `EvalScope` passed down, not state kept on the interpreter.

import KerwenData
import KerwenDiagnostics
import KerwenPlan
import KerwenSema
import KerwenSyntax

extension Interpreter {
    public func evalValue(_ e: Expr) throws -> Value { try eval(e, .plain) }

    func eval(_ e: Expr, _ mode: EvalMode) throws -> Value { try eval(e, EvalScope(mode)) }

    /// Binds `e` where it is evaluated (over the table's actual columns) and evaluates the result.
    func eval(_ e: Expr, _ scope: EvalScope) throws -> Value {
        try eval(bound(e, scope.mode), scope)
    }

    /// A step's expression (or a check's, an indicator's measure) as a per-row or per-group operand.
    func stepVec(_ e: Expr, _ mode: EvalMode, activeRows: [Bool]? = nil, memo: RowVectorMemo? = nil) throws -> Vec {
        try eval(e, EvalScope(mode, activeRows: activeRows, memo: memo)).asVec(e.span)
    }

    /// `e` bound as the evaluator meets it: its names by `NameRules` over the session's globals and
    /// the table's columns, its `$names` those it writes.
    func bound(_ e: Expr, _ mode: EvalMode) -> BoundExpr {
        var binder = Binder(lookup: { [unowned self] in self.planGlobal(named: $0) })
        switch mode {
        case .plain: return binder.bindExpression(e, columns: nil)
        case .rows(let t): return binder.bindExpression(e, columns: Self.planColumns(t))
        case .groups(let t, let g): return binder.bindExpression(e, columns: Self.planColumns(t), groupKeys: g.keyNames)
        }
    }

    func eval(_ e: BoundExpr, _ scope: EvalScope) throws -> Value {
        let count = scope.mode.count
        switch e.kind {
        case .literal(let s): return .scalar(s)
        case .column(let n): return try column(n, e.span, scope.mode)
        case .ambiguous(let n): return try ambiguous(n, e.span, scope.mode)
        case .deferred(let n, let dollarWritten):
            var isColumn = false
            if case .rows(let t) = scope.mode { isColumn = t.column(n) != nil }
            if case .groups(let t, _) = scope.mode { isColumn = t.column(n) != nil }
            switch NameRules.meaning(of: n, isColumn: isColumn, global: symbol(n), dollarNames: dollarWritten ? [n] : []) {
            case .column: return try column(n, e.span, scope.mode)
            case .ambiguous: return try ambiguous(n, e.span, scope.mode)
            case .global, .unknown: return try variable(n, e.span)
            }
        case .global(let n, _): return try variable(n, e.span)
        case .argument(let k):
            guard let frame = scope.arguments, k < frame.arguments.count else { throw Diagnostic(.error, Message("E052", "#", "na"), at: e.span) }
            var outer = scope
            outer.arguments = frame.parent
            return try eval(frame.arguments[k], outer)
        case .member(let base, let member):
            let b = try eval(base, scope.with(.plain))
            guard let table = b.table else { throw Diagnostic(.error, Message("E052", ".", b.kindWord), at: base.span) }
            guard let c = table.column(member) else { throw unknownColumn(member, e.span, table) }
            return .column(c)
        case .list(let items):
            return .list(try items.map { item -> Scalar in
                guard case .scalar(let s) = try eval(item, scope.with(.plain)) else { throw Diagnostic(.error, Message("E057"), at: item.span) }
                return s
            })
        case .unary(let op, let x):
            return try Kernels.unary(op, try vec(x, scope), count: count, span: e.span, warn: warn)
        case .binary(let op, let l, let r):
            let lv = try vec(l, scope), rv = try vec(r, scope)
            return try Kernels.binary(op, lv, rv, count: count, span: e.span, context: kernelContext(scope))
        case .between(let x, let lo, let hi):
            let xv = try vec(x, scope), context = kernelContext(scope)
            let a = try Kernels.binary(.greaterEqual, xv, try vec(lo, scope), count: count, span: e.span, context: context)
            let b = try Kernels.binary(.lessEqual, xv, try vec(hi, scope), count: count, span: e.span, context: context)
            return try Kernels.binary(.and, try a.asVec(e.span), try b.asVec(e.span), count: count, span: e.span, context: context)
        case .isIn(let x, let items):
            let xv = try vec(x, scope), context = kernelContext(scope)
            var result: Value = .scalar(.boolean(false))
            for item in items {
                let eq = try Kernels.binary(.equal, xv, try vec(item, scope), count: count, span: e.span, context: context)
                result = try Kernels.binary(.or, try result.asVec(e.span), try eq.asVec(e.span), count: count, span: e.span, context: context)
            }
            return result
        case .conditional(let c, let t, let f):
            return try Kernels.conditional(try vec(c, scope), try vec(t, scope), try vec(f, scope), count: count, span: e.span)
        case .builtin(let builtin, let args):
            return try callBuiltin(builtin, args, e.span, scope)
        case .userFunction(let name, let args, let expansion):
            return try callUser(name, args, expansion, e.span, scope)
        case .window(let inner, let order, let descending, let by):
            return try evalWindow(inner, order: order, descending: descending, by: by, e.span, scope)
        case .table(let node):
            switch node.op {
            // A dataset or an indicator by its name: the session's value.
            case .dataset(let n), .indicatorResult(let n): return try variable(n, e.span)
            default: return try run(Optimizer.optimize(node, reading: nil, passes: optimizerPasses), arguments: scope.arguments).value
            }
        }
    }

    /// Evaluates to a per-row operand (a scalar or a column), rejecting tables.
    func vec(_ e: BoundExpr, _ scope: EvalScope) throws -> Vec {
        try eval(e, scope).asVec(e.span)
    }

    func kernelContext(_ scope: EvalScope) -> KernelContext {
        KernelContext(warn: { [unowned self] in self.warn($0) }, activeRows: scope.activeRows)
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

    /// A name the binder bound to a column, read from the table the expression runs over (a global of
    /// that name when the table turns out not to have it, as when the binder did not know its columns).
    private func column(_ n: String, _ span: Span, _ mode: EvalMode) throws -> Value {
        switch mode {
        case .plain:
            return try variable(n, span)
        case .rows(let table):
            if let c = table.column(n) { return .column(c) }
            if globals[n] != nil { return try variable(n, span) }
            throw unknownColumn(n, span, table)
        case .groups(let table, let grouping):
            if let k = grouping.keyNames.firstIndex(of: n) { return .column(grouping.keyColumns[k]) }
            if table.column(n) != nil {
                throw Diagnostic(.error, Message("E048", n), at: span, hint: Message("H043", n))
            }
            if globals[n] != nil { return try variable(n, span) }
            throw unknownColumn(n, span, table)
        }
    }

    /// A column and a single value of this name the step does not tell apart (E016); a column
    /// `summarize` cannot read is told first, as for any column.
    private func ambiguous(_ n: String, _ span: Span, _ mode: EvalMode) throws -> Value {
        if case .groups(let table, let grouping) = mode, !grouping.keyNames.contains(n), table.column(n) != nil {
            return try column(n, span, mode)
        }
        throw NameRules.ambiguity(n, at: span)
    }

    func unknownColumn(_ n: String, _ span: Span, _ table: Table) -> Diagnostic {
        Diagnostic(.error, Message("E012", n), at: span, label: Message("L001"),
                   hint: Suggestions.hint(for: n, in: table.names) ?? Message("H044", table.names.prefix(12).map { "`\($0)`" }.joined(separator: ", ")))
    }

    /// `lag(value) over year by country`: the item's groups and order, read by its window functions.
    private func evalWindow(_ inner: BoundExpr, order: BoundExpr, descending: Bool, by: [BoundExpr], _ span: Span, _ scope: EvalScope) throws -> Value {
        guard case .rows(let table) = scope.mode else { throw Diagnostic(.error, Message("E168", "over"), at: span, hint: Message("H170", "lag")) }
        var names: [String] = []
        for part in [order] + by {
            guard case .column(let n) = part.kind else { continue }
            if table.column(n) == nil { throw unknownColumn(n, part.span, table) }
            names.append(n)
        }
        // The binder makes the order and groups columns; anything else has no rows to order by.
        guard let orderName = names.first else { throw Diagnostic(.error, Message("E168", "over"), at: span, hint: Message("H170", "lag")) }
        var windowed = scope
        windowed.window = try WindowFrame(table, order: orderName, descending: descending, by: Array(names.dropFirst()), kept: scope.activeRows)
        return try eval(inner, windowed)
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

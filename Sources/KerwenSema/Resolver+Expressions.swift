// Name and arity checks inside expressions and pipelines, and the columns each pipeline step yields.

import KerwenDiagnostics
import KerwenSyntax

extension Resolver {
    /// Checks an expression; returns the columns of its result when it is a table.
    @discardableResult
    mutating func expr(_ e: Expr, _ ctx: TableContext, aggregatesAllowed: Bool = false, allowUnknownColumns: Bool = false) -> TableContext {
        switch e.kind {
        case .integer, .number, .string, .bool, .na:
            return .none
        case .name(let n):
            return name(n, e.span, ctx, allowUnknownColumns: allowUnknownColumns)
        case .column(let n):
            if ctx.columns == nil, case .none = ctx { return name(n, e.span, ctx, allowUnknownColumns: allowUnknownColumns) }
            if let cols = ctx.columns, !cols.contains(n) { column(Name(n, e.span), in: ctx) }
            return .none
        case .variable(let n):
            guard let sym = scope[n] else {
                diagnostics.append(Diagnostic(.error, Message("E013", n), at: e.span, hint: FirstHourHints.forName(n) ?? Suggestions.hint(for: n, in: scope.names)))
                return .none
            }
            return sym.columns.map { .known($0) } ?? (sym.kind == .dataset || sym.kind == .indicator ? .unknown : .none)
        case .member(let base, let member):
            let b = expr(base, .none, allowUnknownColumns: allowUnknownColumns)
            column(member, in: b)
            return .none
        case .unary(_, let x):
            expr(x, ctx, aggregatesAllowed: aggregatesAllowed, allowUnknownColumns: allowUnknownColumns)
            return .none
        case .binary(_, let l, let r):
            expr(l, ctx, aggregatesAllowed: aggregatesAllowed, allowUnknownColumns: allowUnknownColumns)
            expr(r, ctx, aggregatesAllowed: aggregatesAllowed, allowUnknownColumns: allowUnknownColumns)
            return .none
        case .between(let x, let lo, let hi):
            for y in [x, lo, hi] { expr(y, ctx, aggregatesAllowed: aggregatesAllowed, allowUnknownColumns: allowUnknownColumns) }
            return .none
        case .isIn(let x, let items):
            for y in [x] + items { expr(y, ctx, aggregatesAllowed: aggregatesAllowed, allowUnknownColumns: allowUnknownColumns) }
            return .none
        case .conditional(let c, let t, let f):
            for y in [c, t, f] { expr(y, ctx, aggregatesAllowed: aggregatesAllowed, allowUnknownColumns: allowUnknownColumns) }
            return .none
        case .list(let items):
            for y in items { expr(y, ctx, aggregatesAllowed: aggregatesAllowed, allowUnknownColumns: allowUnknownColumns) }
            return .none
        case .call(let fn, let args):
            call(fn, args, e.span, ctx, aggregatesAllowed: aggregatesAllowed, allowUnknownColumns: allowUnknownColumns)
            return .none
        case .pipeline(let source, let steps):
            var current = expr(source, .none, allowUnknownColumns: allowUnknownColumns)
            if case .none = current { current = .unknown }
            for step in steps { current = self.step(step, current, allowUnknownColumns: allowUnknownColumns) }
            return current
        }
    }

    private mutating func name(_ n: String, _ span: Span, _ ctx: TableContext, allowUnknownColumns: Bool) -> TableContext {
        let sym = scope[n]
        switch ctx {
        case .known(let cols), .grouped(let cols, _):
            switch NameRules.meaning(of: n, isColumn: cols.contains(n), global: sym, dollarNames: dollarNames) {
            case .column: return .none
            case .ambiguous: diagnostics.append(NameRules.ambiguity(n, at: span)); return .none
            case .global: return sym?.columns.map { .known($0) } ?? .none
            case .unknown:
                let hint = columnHoldingText(n).map { Message("H103", n, $0) } ?? Suggestions.hint(for: n, in: cols + scope.names)
                diagnostics.append(Diagnostic(.error, Message("E012", n), at: span, label: Message("L001"), hint: hint))
                return .none
            }
        case .unknown:
            return sym?.columns.map { .known($0) } ?? .none
        case .none:
            guard let sym else {
                if !allowUnknownColumns {
                    diagnostics.append(Diagnostic(.error, Message("E013", n), at: span, hint: FirstHourHints.forName(n) ?? Suggestions.hint(for: n, in: scope.names)))
                }
                return .none
            }
            if sym.kind == .function {
                diagnostics.append(Diagnostic(.error, Message("E047", n), at: span, hint: Message("H034", n)))
            }
            if let decl = sym.decl, decl.isTemplate {
                // A library definition is used through `indicator mine = NAME { data: … }`, never shown itself.
                diagnostics.append(decl.withoutDataError(at: span))
            }
            return sym.columns.map { .known($0) } ?? (sym.kind == .dataset || sym.kind == .indicator ? .unknown : .none)
        }
    }

    private mutating func call(_ fn: Name, _ args: [Expr], _ span: Span, _ ctx: TableContext, aggregatesAllowed: Bool, allowUnknownColumns: Bool) {
        let argCount = args.count
        if let builtin = Builtins.byName[fn.text] {
            if builtin.kind == .window && !windowAllowed {
                diagnostics.append(Diagnostic(.error, Message("E168", fn.text), at: span, hint: Message("H170", fn.text)))
            }
            // Outside a pipeline an aggregate may read whole columns, `show sum(t.x)`, or the one
            // column of a table, `show sum(t | where year == 2023 | select x)`, `count(t | where …)`.
            let overWholeColumns = ctx.columns == nil && args.contains { Self.readsMember($0) || Self.isPipeline($0) || isTableName($0) }
            if builtin.kind == .aggregate && !aggregatesAllowed && !overWholeColumns {
                diagnostics.append(Diagnostic(.error, Message("E028", fn.text), at: span, hint: Message("H035", fn.text)))
            }
            if argCount < builtin.minArgs || argCount > builtin.maxArgs {
                diagnostics.append(Diagnostic(.error, Message("E015", fn.text, argCount), at: span, hint: Message("H036", MessageArgument.names(builtin.usages))))
            }
            // Inside an aggregate, arguments are per-row expressions; an aggregate among them is its group's value.
            for a in args { expr(a, ctx, aggregatesAllowed: aggregatesAllowed, allowUnknownColumns: allowUnknownColumns) }
            return
        }
        if let sym = scope[fn.text], sym.kind == .function {
            if let arity = sym.arity, arity != argCount {
                diagnostics.append(Diagnostic(.error, Message("E015", fn.text, argCount), at: span, hint: Message("H037", fn.text, arity)))
            }
            for a in args { expr(a, ctx, aggregatesAllowed: aggregatesAllowed, allowUnknownColumns: allowUnknownColumns) }
            return
        }
        diagnostics.append(Builtins.unknownFunction(fn, args: args, userFunctions: scope.symbols.filter { $0.value.kind == .function }.map(\.key)))
        if FirstHourHints.skipsArguments(fn.text) { return }
        for a in args { expr(a, ctx, aggregatesAllowed: aggregatesAllowed, allowUnknownColumns: allowUnknownColumns) }
    }

    /// Checks one step against the columns flowing in; returns the columns flowing out.
    private mutating func step(_ step: Step, _ ctx: TableContext, allowUnknownColumns: Bool) -> TableContext {
        let cols = ctx.columns
        let saved = dollarNames
        defer { dollarNames = saved }
        dollarNames = step.dollarNames
        switch step.kind {
        case .filter(let e):
            expr(e, ctx, allowUnknownColumns: allowUnknownColumns)
            return ctx
        case .derive(let items):
            var current = cols
            for item in items {
                let here: TableContext = current.map { .known($0) } ?? .unknown
                if let window = item.window {
                    column(window.order, in: here)
                    window.by.forEach { column($0, in: here) }
                }
                windowAllowed = item.window != nil
                defer { windowAllowed = false }
                expr(item.expr, current.map { .known($0) } ?? .unknown, allowUnknownColumns: allowUnknownColumns)
                if current != nil, !current!.contains(item.name.text) { current!.append(item.name.text) }
            }
            return current.map { .known($0) } ?? .unknown
        case .select(let names):
            names.forEach { column($0, in: ctx) }
            return .known(names.map(\.text))
        case .drop(let names):
            names.forEach { column($0, in: ctx) }
            return cols.map { c in .known(c.filter { n in !names.contains { $0.text == n } }) } ?? .unknown
        case .rename(let pairs):
            pairs.forEach { column($0.from, in: ctx) }
            return cols.map { c in .known(c.map { n in pairs.first { $0.from.text == n }?.to.text ?? n }) } ?? .unknown
        case .groupBy(let names):
            names.forEach { column($0, in: ctx) }
            return cols.map { .grouped($0, keys: names.map(\.text)) } ?? .unknown
        case .summarize(let items):
            for item in items where item.window != nil {
                diagnostics.append(Diagnostic(.error, Message("E167"), at: item.window!.order.span, hint: Message("H169")))
            }
            var keys: [String] = []
            if case .grouped(_, let k) = ctx { keys = k }
            let inner: TableContext = cols.map { .known($0) } ?? .unknown
            for item in items { expr(item.expr, inner, aggregatesAllowed: true, allowUnknownColumns: allowUnknownColumns) }
            return cols == nil ? .unknown : .known(keys + items.map(\.name.text))
        case .sort(let keys):
            keys.forEach { expr($0.expr, ctx, allowUnknownColumns: allowUnknownColumns) }
            return ctx
        case .take(let n):
            expr(n, .none)
            return ctx
        case .join(_, let table, let keys):
            let right = expr(table, .none, allowUnknownColumns: allowUnknownColumns)
            for k in keys {
                column(k.left, in: ctx)
                column(k.right, in: right)
            }
            guard let l = cols, let r = right.columns else { return .unknown }
            let rightKeys = Set(keys.map(\.right.text))
            return .known(l + r.filter { !rightKeys.contains($0) && !l.contains($0) } + r.filter { !rightKeys.contains($0) && l.contains($0) }.map { $0 + "_right" })
        case .union(let table):
            expr(table, .none, allowUnknownColumns: allowUnknownColumns)
            return ctx
        case .distinct(let names):
            names.forEach { column($0, in: ctx) }
            return names.isEmpty ? ctx : .known(names.map(\.text))
        case .pivotWider(let names, let values):
            names.forEach { column($0, in: ctx) }
            column(values, in: ctx)
            // The new columns are the values found in the data: known when it runs.
            return .unknown
        case .complete(let column, let from, let to, let by):
            self.column(column, in: ctx)
            by.forEach { self.column($0, in: ctx) }
            if let from { expr(from, .none) }
            if let to { expr(to, .none) }
            return ctx
        case .pivotLonger(let columns, let except, let into, let value):
            columns.forEach { column($0, in: ctx) }
            guard let all = cols else { return .unknown }
            let listed = Set(columns.map(\.text))
            let ids = except ? all.filter { listed.contains($0) } : all.filter { !listed.contains($0) }
            return .known(ids + [into.text, value.text])
        }
    }
}

extension Resolver {
    /// Whether an expression reads a `table.column` (a whole column).
    /// A name bound to a table (`count(survey)`).
    func isTableName(_ e: Expr) -> Bool {
        // A dataset, or a `let` of a pipeline (a variable whose columns are known).
        if case .name(let n) = e.kind, let symbol = scope[n] { return symbol.kind == .dataset || symbol.kind == .variable && symbol.columns != nil }
        return false
    }

    static func isPipeline(_ e: Expr) -> Bool {
        if case .pipeline = e.kind { return true }
        return false
    }

    static func readsMember(_ e: Expr) -> Bool {
        var found = false
        _ = e.rewritten { x in
            if case .member = x.kind { found = true }
            return nil
        }
        return found
    }
}

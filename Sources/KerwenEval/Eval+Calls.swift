// Function calls: user functions expanded inline, builtin scalar functions, aggregates per group.

import KerwenData
import KerwenDiagnostics
import KerwenSema
import KerwenSyntax

extension Interpreter {
    func call(_ name: Name, _ args: [Expr], _ span: Span, _ mode: EvalMode) throws -> Value {
        if case .function(let fn)? = globals[name.text] {
            return try callUser(fn, args, span, mode)
        }
        guard let builtin = Builtins.byName[name.text] else {
            throw Builtins.unknownFunction(name, args: args, userFunctions: globals.compactMap { if case .function = $0.value { return $0.key } else { return nil } })
        }
        guard args.count >= builtin.minArgs, args.count <= builtin.maxArgs else {
            throw Diagnostic(.error, Message("E015", name.text, args.count), at: span, hint: Message("H036", MessageArgument.names(builtin.usages)))
        }
        if builtin.kind == .window { return try windowCall(builtin.name, args, span, mode) }
        if builtin.kind == .aggregate {
            // An aggregate inside another aggregate's argument is computed per group and repeated on
            // each row of its group: `share(income < 0.5 * median(income))` compares each record with
            // the median of its own group.
            if case .rows(let table) = mode, let grouping = enclosingGrouping, grouping.baseRows == table.rowCount {
                let perGroup = try aggregateColumn(builtin.name, args, span, table, grouping)
                return .column(perGroup.gather(grouping.groupOfBaseRows()))
            }
            // `show sum(t.x)`: an aggregate over whole columns of a table, outside any pipeline.
            if case .plain = mode, let whole = try wholeColumnAggregate(builtin.name, args, span) { return whole }
            guard case .groups(let table, let grouping) = mode else {
                throw Diagnostic(.error, Message("E028", name.text), at: span, hint: Message("H035", name.text))
            }
            return .column(try aggregateColumn(builtin.name, args, span, table, grouping))
        }
        let values = try args.map { try vec($0, mode) }
        if Self.countryFunctions.contains(builtin.name) { return try countryFunction(builtin.name, values, count: mode.count, span: span) }
        return try ScalarFunctions.apply(builtin.name, values, count: mode.count, span: span, warn: warn)
    }

    /// `shownAs`: the arguments as the user wrote them, for notes and spans, where `args` were rewritten.
    private func aggregateColumn(_ name: String, _ args: [Expr], _ span: Span, _ table: Table, _ grouping: Grouping, shownAs: [Expr]? = nil) throws -> Column {
        let saved = enclosingGrouping
        enclosingGrouping = grouping
        defer { enclosingGrouping = saved }
        guard let mask = grouping.rowMask else {
            let rowArgs = try args.map { try vec($0, .rows(table)) }
            return try aggregate(name, rowArgs, rows: table.rowCount, grouping: grouping, span: span, args: shownAs ?? args)
        }
        // A deferred `where`: the arguments are computed over the table; the aggregate reads only the
        // rows the mask kept (sums and medians through the mask, others from a copy of those rows).
        let rowArgs = try withActiveRows(mask) { try args.map { try memoizedRowVector($0, table) } }
        return try aggregate(name, rowArgs, rows: table.rowCount, grouping: grouping, span: span, args: shownAs ?? args, mask: mask)
    }

    /// An aggregate's input over the rows, from the indicator's memo when one is active.
    private func memoizedRowVector(_ e: Expr, _ table: Table) throws -> Vec {
        guard rowVectorMemo != nil, !containsAggregate(e) else { return try vec(e, .rows(table)) }
        let key = ExprPrinter.text(e)
        if let v = rowVectorMemo?[key] { return v }
        let v = try vec(e, .rows(table))
        rowVectorMemo?[key] = v
        return v
    }

    /// Whether an expression computes an aggregate (through user functions too): its rows then
    /// depend on the grouping. Each function's body is looked at once: following every call
    /// afresh, a function that calls itself several times (refused later, E050) made 3^16 walks.
    private func containsAggregate(_ e: Expr) -> Bool {
        var seen: Set<String> = []
        var found = false
        func walk(_ x: Expr) {
            _ = x.rewritten { y in
                guard !found, case .call(let fn, _) = y.kind else { return nil }
                if Builtins.isAggregate(fn.text) { found = true }
                if case .function(let f)? = globals[fn.text], seen.insert(fn.text).inserted { walk(f.body) }
                return nil
            }
        }
        walk(e)
        return found
    }

    /// Runs `body` with row-counting warnings limited to `rows` (nil: every row).
    func withActiveRows<T>(_ rows: [Bool]?, _ body: () throws -> T) rethrows -> T {
        let saved = activeRows
        activeRows = rows
        defer { activeRows = saved }
        return try body()
    }

    static let maxInlineDepth = 5_000
    static let maxInlineCalls = 20_000

    /// Whether `fn`'s body reaches a call of `fn` through the user functions it calls (a call in an
    /// argument, as in `g(x) = f(f(x))`, is nesting, not recursion: only bodies are followed).
    func callsItself(_ fn: UserFunction) -> Bool {
        var seen: Set<String> = [], pending = [fn]
        while let next = pending.popLast() {
            var called: Set<String> = []
            _ = next.body.rewritten { x in
                if case .call(let n, _) = x.kind { called.insert(n.text) }
                return nil
            }
            if called.contains(fn.name.text) { return true }
            for name in called where seen.insert(name).inserted {
                if case .function(let f)? = globals[name] { pending.append(f) }
            }
        }
        return false
    }

    /// Calls a user function by expanding its body with the arguments in place of the parameters,
    /// so the same function works on single values, on rows and inside `summarize`.
    private func callUser(_ fn: UserFunction, _ args: [Expr], _ span: Span, _ mode: EvalMode) throws -> Value {
        guard args.count == fn.params.count else {
            throw Diagnostic(.error, Message("E015", fn.name.text, args.count), at: span,
                             hint: Message("H037", fn.name.text, fn.params.count))
        }
        // A function is a formula expanded where it is used (both branches of an `if` are columns
        // computed whole), so a call of itself could never end: refused before expanding it.
        if fn.callsItself {
            throw Diagnostic(.error, Message("E050", fn.name.text), at: span, hint: Message("H085"))
        }
        guard inlineDepth < Self.maxInlineDepth else {
            throw Diagnostic(.error, Message("E114", fn.name.text, Self.maxInlineDepth), at: span, hint: Message("H086"))
        }
        // Arguments are expanded in place, so a function that uses its parameter twice doubles its
        // work at each level of nesting: the expansions of one statement are counted and bounded.
        inlineCalls += 1
        guard inlineCalls <= Self.maxInlineCalls else {
            throw Diagnostic(.error, Message("E115", fn.name.text, Self.maxInlineCalls), at: span, hint: Message("H086"))
        }
        if inlineCalls & 1023 == 0 { try Interrupt.check() }
        inlineDepth += 1
        defer { inlineDepth -= 1 }
        var substitutions: [String: Expr] = [:]
        for (p, a) in zip(fn.params, args) { substitutions[p.text] = a }
        return try eval(Inliner.substitute(fn.body, substitutions), mode)
    }
}

extension Interpreter {
    /// An aggregate whose arguments read whole columns (`sum(t.x)`, `wmean(t.income, t.weight)`):
    /// one group of all the rows of those columns; nil when no argument reads a `table.column`.
    func wholeColumnAggregate(_ name: String, _ args: [Expr], _ span: Span) throws -> Value? {
        if let first = args.first, case .pipeline = first.kind { return try tableAggregate(name, args, span) }
        if let first = args.first, case .name = first.kind, try evalValue(first).table != nil { return try tableAggregate(name, args, span) }
        var columns: [Column] = []
        var failure: Error?
        let rewritten = args.map { arg in
            arg.rewritten { x -> Expr? in
                guard case .member = x.kind, failure == nil else { return nil }
                do {
                    guard case .column(let c) = try eval(x, .plain) else { return nil }
                    columns.append(c)
                    return Expr(.column("\u{1}\(columns.count - 1)"), x.span)
                } catch {
                    failure = error
                    return nil
                }
            }
        }
        if let failure { throw failure }
        guard let rows = columns.first?.count else { return nil }
        guard columns.allSatisfy({ $0.count == rows }) else { throw Diagnostic(.error, Message("E131", name), at: span) }
        let table = Table(names: columns.indices.map { "\u{1}\($0)" }, columns: columns)
        let result = try aggregateColumn(name, rewritten, span, table, Grouping.single(rows: rows), shownAs: args)
        return .scalar(result.scalar(at: 0))
    }

    /// An aggregate of a pipeline written as its argument: `count(t | where …)` counts its rows; the
    /// others read its one column (`sum(t | where year == 2023 | select deaths)`); further arguments
    /// (a weight, a probability) are plain values.
    private func tableAggregate(_ name: String, _ args: [Expr], _ span: Span) throws -> Value {
        guard let table = try evalValue(args[0]).table else { return .scalar(.na) }
        if name == "count" { return .scalar(.integer(Int64(table.rowCount))) }
        guard table.columns.count == 1 else {
            throw Diagnostic(.error, Message("E137", name, table.columns.count), at: args[0].span, hint: Message("H128", name, table.names.first ?? "x"))
        }
        // The column keeps its name, so notes read `sum(deaths)`; further arguments stay as written.
        let column = table.names[0]
        let whole = Table(names: [column], columns: [table.columns[0]])
        let rewritten = [Expr(.column(column), args[0].span)] + args.dropFirst()
        let result = try aggregateColumn(name, rewritten, span, whole, Grouping.single(rows: table.rowCount), shownAs: args)
        return .scalar(result.scalar(at: 0))
    }
}

// Calls: builtin scalar functions, aggregates per group, and user functions, whose body the binder
// bound once per call with each parameter standing for its argument.

import KerwenData
import KerwenDiagnostics
import KerwenPlan
import KerwenSema
import KerwenSyntax

extension Interpreter {
    func callBuiltin(_ builtin: BuiltinSignature, _ args: [BoundExpr], _ span: Span, _ scope: EvalScope) throws -> Value {
        guard args.count >= builtin.minArgs, args.count <= builtin.maxArgs else {
            throw Diagnostic(.error, Message("E015", builtin.name, args.count), at: span, hint: Message("H036", MessageArgument.names(builtin.usages)))
        }
        switch builtin.kernel {
        case .window(let kernel):
            return try windowCall(kernel, args, span, scope)
        case .aggregate(let kernel):
            // The arguments as the call's frame gives them: an aggregate reads them over rows.
            let args = args.map { Self.substituted($0, scope.arguments) }
            // An aggregate inside another aggregate's argument is computed per group and repeated on
            // each row of its group: `share(income < 0.5 * median(income))` compares each record with
            // the median of its own group.
            if case .rows(let table) = scope.mode, let grouping = scope.enclosingGrouping, grouping.baseRows == table.rowCount {
                let perGroup = try aggregateColumn(kernel, args, span, table, grouping, scope)
                return .column(perGroup.gather(grouping.groupOfBaseRows()))
            }
            // `show sum(t.x)`: an aggregate over whole columns of a table, outside any pipeline.
            if case .plain = scope.mode, let whole = try wholeColumnAggregate(kernel, args, span, scope) { return whole }
            guard case .groups(let table, let grouping) = scope.mode else {
                throw Diagnostic(.error, Message("E028", builtin.name), at: span, hint: Message("H035", builtin.name))
            }
            return .column(try aggregateColumn(kernel, args, span, table, grouping, scope))
        case .scalar(let kernel):
            let values = try args.map { try vec($0, scope) }
            switch kernel {
            // The country functions read the standard library's crosswalk, kept by the interpreter.
            case .m49, .iso2, .iso3, .country_name: return try countryFunction(kernel.rawValue, values, count: scope.mode.count, span: span)
            default: return try ScalarFunctions.apply(kernel, values, count: scope.mode.count, span: span, warn: warn)
            }
        }
    }

    /// `labels`: the arguments as notes name them, where `args` were rewritten.
    private func aggregateColumn(_ kernel: AggregateKernel, _ args: [BoundExpr], _ span: Span, _ table: Table, _ grouping: Grouping,
                                 _ scope: EvalScope, labels: [ArgumentLabel]? = nil) throws -> Column {
        var inner = scope.with(.rows(table))
        inner.enclosingGrouping = grouping
        inner.arguments = nil
        let labels = labels ?? args.map(ArgumentLabel.init)
        guard let mask = grouping.rowMask else {
            let rowArgs = try args.map { try vec($0, inner) }
            return try Aggregates.aggregate(kernel, rowArgs, rows: table.rowCount, grouping: grouping, span: span, args: labels,
                                            context: kernelContext(inner))
        }
        // A deferred `where`: the arguments are computed over the table; the aggregate reads only the
        // rows the mask kept (sums and medians through the mask, others from a copy of those rows).
        inner.activeRows = mask
        let rowArgs = try args.map { try memoizedRowVector($0, inner) }
        return try Aggregates.aggregate(kernel, rowArgs, rows: table.rowCount, grouping: grouping, span: span, args: labels, mask: mask,
                                        context: kernelContext(inner))
    }

    /// An aggregate's input over the rows, from the indicator's memo when one is active.
    private func memoizedRowVector(_ e: BoundExpr, _ scope: EvalScope) throws -> Vec {
        guard let memo = scope.memo, !e.hasAggregate else { return try vec(e, scope) }
        let key = ArgumentLabel(e).text
        if let v = memo.vectors[key] { return v }
        let v = try vec(e, scope)
        memo.vectors[key] = v
        return v
    }

    static let maxInlineDepth = Binder.maxInlineDepth
    static let maxInlineCalls = 20_000

    /// Whether `fn`'s body reaches a call of `fn` through the user functions it calls (a call in an
    /// argument, as in `g(x) = f(f(x))`, is nesting, not recursion: only bodies are followed).
    func callsItself(_ fn: UserFunction) -> Bool {
        if fn.calls.contains(fn.name.text) { return true }
        // Only a function whose body calls this name can lead back to it.
        guard callersOf[fn.name.text]?.contains(where: { $0 != fn.name.text }) == true else { return false }
        var seen: Set<String> = [], pending = [fn.calls]
        while let called = pending.popLast() {
            if called.contains(fn.name.text) { return true }
            for name in called where seen.insert(name).inserted {
                if case .function(let f)? = globals[name] { pending.append(f.calls) }
            }
        }
        return false
    }

    /// A user function is a formula expanded where it is used, so the same function works on single
    /// values, on rows and inside `summarize`: its expansion runs with the call's arguments.
    func callUser(_ name: String, _ args: [BoundExpr], _ expansion: BoundExpr?, _ span: Span, _ scope: EvalScope) throws -> Value {
        guard case .function(let fn)? = globals[name] else {
            let functions = globals.compactMap { if case .function = $0.value { return $0.key } else { return nil } }
            let written = args.map { ArgumentLabel.written($0) }
            throw Builtins.unknownFunction(Name(name, Span(source: span.source, start: span.start, end: span.start + name.utf8.count)),
                                           args: written, userFunctions: functions)
        }
        guard args.count == fn.params.count else {
            throw Diagnostic(.error, Message("E015", name, args.count), at: span, hint: Message("H037", name, fn.params.count))
        }
        // Both branches of an `if` are columns computed whole, so a call of itself could never end:
        // refused before expanding it.
        if fn.callsItself {
            throw Diagnostic(.error, Message("E050", name), at: span, hint: Message("H085"))
        }
        guard let expansion, (scope.arguments?.depth ?? 0) < Self.maxInlineDepth else {
            throw Diagnostic(.error, Message("E114", name, Self.maxInlineDepth), at: span, hint: Message("H086"))
        }
        // A function that uses its parameter twice evaluates its argument twice, doubling the work at
        // each level of nesting: the expansions of one statement are counted and bounded.
        inlineCalls += 1
        guard inlineCalls <= Self.maxInlineCalls else {
            throw Diagnostic(.error, Message("E115", name, Self.maxInlineCalls), at: span, hint: Message("H086"))
        }
        if inlineCalls & 1023 == 0 { try Interrupt.check() }
        var inner = scope
        inner.arguments = ArgumentFrame(args, parent: scope.arguments)
        return try eval(expansion, inner)
    }

    /// `e` with each `.argument(k)` replaced by the frame's argument (itself substituted through the
    /// frames outside): an aggregate's argument then reads over rows without the call's frame. A user
    /// function's expansion inside keeps its own arguments, whose expressions are substituted.
    static func substituted(_ e: BoundExpr, _ frame: ArgumentFrame?) -> BoundExpr {
        guard let frame else { return e }
        switch e.kind {
        case .argument(let k):
            return k < frame.arguments.count ? substituted(frame.arguments[k], frame.parent) : e
        case .userFunction(let n, let args, let expansion):
            var out = e
            out.kind = .userFunction(n, args.map { substituted($0, frame) }, expansion: expansion)
            return out
        default:
            return e.mappingChildren { substituted($0, frame) }
        }
    }
}

extension Interpreter {
    /// An aggregate whose arguments read whole columns (`sum(t.x)`, `wmean(t.income, t.weight)`):
    /// one group of all the rows of those columns; nil when no argument reads a `table.column`.
    func wholeColumnAggregate(_ kernel: AggregateKernel, _ args: [BoundExpr], _ span: Span, _ scope: EvalScope) throws -> Value? {
        if let first = args.first, case .table = first.kind { return try tableAggregate(kernel, args, span, scope) }
        var columns: [Column] = []
        let rewritten = try args.map { try replacingMembers($0, scope, &columns) }
        guard let rows = columns.first?.count else { return nil }
        guard columns.allSatisfy({ $0.count == rows }) else { throw Diagnostic(.error, Message("E131", kernel.rawValue), at: span) }
        let table = Table(names: columns.indices.map { "\u{1}\($0)" }, columns: columns)
        let result = try aggregateColumn(kernel, rewritten, span, table, Grouping.single(rows: rows), scope, labels: args.map(ArgumentLabel.init))
        return .scalar(result.scalar(at: 0))
    }

    /// `e` with each `table.column` replaced by a column of a table made of them (`columns`).
    private func replacingMembers(_ e: BoundExpr, _ scope: EvalScope, _ columns: inout [Column]) throws -> BoundExpr {
        guard case .member = e.kind else { return try e.mappingChildren { try replacingMembers($0, scope, &columns) } }
        guard case .column(let c) = try eval(e, scope) else { return e }
        columns.append(c)
        return BoundExpr(.column("\u{1}\(columns.count - 1)"), e.type, e.span)
    }


    /// An aggregate of a pipeline written as its argument: `count(t | where …)` counts its rows; the
    /// others read its one column (`sum(t | where year == 2023 | select deaths)`); further arguments
    /// (a weight, a probability) are plain values.
    private func tableAggregate(_ kernel: AggregateKernel, _ args: [BoundExpr], _ span: Span, _ scope: EvalScope) throws -> Value {
        let name = kernel.rawValue
        guard let table = try eval(args[0], scope).table else { return .scalar(.na) }
        if name == "count" { return .scalar(.integer(Int64(table.rowCount))) }
        guard table.columns.count == 1 else {
            throw Diagnostic(.error, Message("E137", name, table.columns.count), at: args[0].span, hint: Message("H128", name, table.names.first ?? "x"))
        }
        // The column keeps its name, so notes read `sum(deaths)`; further arguments stay as written.
        let column = table.names[0]
        let whole = Table(names: [column], columns: [table.columns[0]])
        let rewritten = [BoundExpr(.column(column), .unknown, args[0].span)] + args.dropFirst()
        let result = try aggregateColumn(kernel, rewritten, span, whole, Grouping.single(rows: table.rowCount), scope,
                                         labels: args.map(ArgumentLabel.init))
        return .scalar(result.scalar(at: 0))
    }
}

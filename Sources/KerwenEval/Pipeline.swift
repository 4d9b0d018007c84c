// The kernels of pipeline steps over whole tables (run in the order the plan gives, `PlanExecutor`).

import KerwenData
import KerwenDiagnostics
import KerwenPlan
import KerwenSyntax

extension Interpreter {
    static func both(_ a: [Bool], _ b: [Bool]) -> [Bool] {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in filledArray(x.count) { o in forEachRange(x.count) { rows in for i in rows { o[i] = x[i] && y[i] } } } } }
    }

    /// A table (or grouped table, whose keys stay) cut to the columns still needed; nil keeps all.
    static func pruned(_ value: Value, keeping needed: Set<String>?) -> Value {
        guard let needed else { return value }
        switch value {
        case .table(let t):
            let kept = t.names.filter(needed.contains)
            return kept.count < t.names.count ? .table(t.selecting(kept)) : value
        case .grouped(let t, let keys):
            let kept = t.names.filter { needed.contains($0) || keys.contains($0) }
            return kept.count < t.names.count ? .grouped(t.selecting(kept), keys: keys) : value
        default:
            return value
        }
    }

    private func table(of value: Value, for step: Step) throws -> Table {
        if case .grouped = value, !isSummarize(step) {
            throw Diagnostic(.error, Message("E029", step.word), at: step.span, hint: Message("H052"))
        }
        if case .column(let c) = value { return Table(names: ["value"], columns: [c]) }
        guard let t = value.table else { throw Diagnostic(.error, Message("E052", step.word, value.kindWord), at: step.span) }
        return t
    }

    func keepsIndicator(_ step: Step) -> Bool {
        switch step.kind {
        // Choosing rows or columns keeps what the figures are; `derive`, `summarize`, joins make new ones.
        case .filter, .sort, .take, .select, .drop: return true
        default: return false
        }
    }

    private func isSummarize(_ step: Step) -> Bool { if case .summarize = step.kind { return true } else { return false } }

    /// A table never gets two columns of one name: each is named once in the step (and not like a `taken` one).
    func requireDistinct(_ names: [Name], in step: Step, taken: [String] = []) throws {
        var seen = Set(taken)
        for n in names where !seen.insert(n.text).inserted {
            throw Diagnostic(.error, Message("E102", n.text, step.word), at: n.span, hint: Message("H071"))
        }
    }

    func requireColumns(_ names: [Name], in table: Table) throws {
        for n in names where table.column(n.text) == nil { throw unknownColumn(n.text, n.span, table) }
    }

    /// `plan`: the node whose bound expressions this step evaluates (`where`, `derive`, `summarize`,
    /// `sort`). `keptRows`: the rows deferred `where` steps kept (the table still holds all of them).
    /// `sortLimit`: a `sort` needs only its first rows. `other`: the table a `join` or `union` reads,
    /// already computed from its plan (nil: evaluated from the step).
    /// `arguments`: inside a user function's expansion, the call's arguments.
    func apply(_ step: Step, to value: Value, plan: PlanNode, arguments: ArgumentFrame?, keptRows: [Bool]? = nil, sortLimit: Int? = nil,
               other: Value? = nil) throws -> Value {
        let t = try table(of: value, for: step)
        func scope(_ mode: EvalMode, _ activeRows: [Bool]? = nil) -> EvalScope { EvalScope(mode, activeRows: activeRows, arguments: arguments) }
        switch step.kind {
        case .filter:
            guard case .filter(_, let cond, _) = plan.op else { break }
            return .table(t.filter(try mask(cond, t, scope: scope(.rows(t)))))
        case .derive(let items):
            guard case .derive(_, let bound) = plan.op, bound.count == items.count else { break }
            var out = t
            for item in bound {
                try Interrupt.check()
                out.set(item.name, try vec(item.expr, scope(.rows(out), keptRows)).materialize(out.rowCount))
            }
            return .table(out)
        case .select(let names):
            try requireColumns(names, in: t)
            try requireDistinct(names, in: step)
            return .table(t.selecting(names.map(\.text)))
        case .drop(let names):
            try requireColumns(names, in: t)
            let dropped = Set(names.map(\.text))
            return .table(t.selecting(t.names.filter { !dropped.contains($0) }))
        case .rename(let pairs):
            try requireColumns(pairs.map(\.from), in: t)
            try requireDistinct(pairs.map(\.to), in: step)
            // A name may be taken only when its column is renamed away in the same step.
            let leaving = Set(pairs.map(\.from.text))
            for p in pairs where p.to.text != p.from.text && t.column(p.to.text) != nil && !leaving.contains(p.to.text) {
                throw Diagnostic(.error, Message("E103", p.from.text, p.to.text), at: p.to.span, hint: Message("H072", p.to.text))
            }
            var out = t
            // Renamed all at once (`rename a to b, b to a` swaps), so no step sees two columns of one name.
            out.renameAll(pairs.map { ($0.from.text, $0.to.text) })
            return .table(out)
        case .groupBy(let names):
            try requireColumns(names, in: t)
            return .grouped(t, keys: names.map(\.text))
        case .summarize(let items):
            guard case .aggregate(_, _, let bound) = plan.op else { break }
            var keys: [String] = []
            if case .grouped(_, let k) = value { keys = k }
            try requireDistinct(items.map(\.name), in: step, taken: keys)
            return .table(try summarize(t, keys: keys, bound, mask: keptRows, arguments: arguments))
        case .sort:
            guard case .sort(_, let keys, _) = plan.op else { break }
            var cols: [(Column, Bool)] = []
            for k in keys { cols.append((try vec(k.expr, scope(.rows(t))).materialize(t.rowCount), k.descending)) }
            return .table(t.gather(RowOrder.sorted(columns: cols, rows: t.rowCount, limit: sortLimit)))
        case .take:
            switch plan.op {
            case .limit(_, let count), .sort(_, _, let count?): return .table(t.prefix(try rowLimit(count, scope(.plain))))
            default: break
            }
        case .join(let kind, let rightExpr, let keys):
            let rightValue = try other ?? eval(rightExpr, .plain)
            guard let right = rightValue.table else { throw Diagnostic(.error, Message("E052", "join", rightValue.kindWord), at: rightExpr.span) }
            for k in keys {
                if t.column(k.left.text) == nil { throw unknownColumn(k.left.text, k.left.span, t) }
                if right.column(k.right.text) == nil { throw unknownColumn(k.right.text, k.right.span, right) }
            }
            return .table(try Join.run(kind, t, right, keys: keys, span: step.span, limit: memoryLimit))
        case .union(let otherExpr):
            let otherValue = try other ?? eval(otherExpr, .plain)
            guard let other = otherValue.table else { throw Diagnostic(.error, Message("E052", "union", otherValue.kindWord), at: otherExpr.span) }
            return .table(try union(t, other, span: step.span))
        case .distinct(let names):
            try requireColumns(names, in: t)
            let cols = names.isEmpty ? t.names : names.map(\.text)
            let g = try Grouping.make(t, keys: cols)
            var firstRows = [Int](repeating: -1, count: g.count)
            for (i, gid) in g.groupOf.enumerated() where firstRows[Int(gid)] < 0 { firstRows[Int(gid)] = i }
            return .table(t.selecting(cols).gather(firstRows.sorted()))
        case .pivotWider(let names, let values):
            try requireColumns(names + [values], in: t)
            return .table(try pivotWider(t, names: names.map(\.text), values: values.text, span: step.span))
        case .complete(let column, _, _, let by):
            guard case .pivot(_, .complete(_, _, let from, let to)) = plan.op else { break }
            try requireColumns([column] + by, in: t)
            // Bounds as the column holds them: whole years, or periods (written `"2020-Q1"`).
            let isPeriod = t.column(column.text)?.type == .period
            func whole(_ e: BoundExpr?) throws -> Int64? {
                guard let e else { return nil }
                let value = try eval(e, scope(.plain))
                if isPeriod, case .scalar(let s) = value, s.type == .text || s.type == .period || s.type == .integer {
                    guard case .period(let p) = try Kernels.asPeriod(.scalar(s), span: e.span).cell(0) else { throw Diagnostic(.error, Message("E061", "complete"), at: e.span, hint: Message("H171")) }
                    return p.code
                }
                guard case .scalar(.integer(let v)) = value else { throw Diagnostic(.error, Message("E061", "complete"), at: e.span, hint: Message("H171")) }
                return v
            }
            return .table(try complete(t, column: column.text, from: try whole(from), to: try whole(to), by: by.map(\.text), span: step.span))
        case .pivotLonger(let columns, let except, let into, let value):
            try requireColumns(columns, in: t)
            return .table(try pivotLonger(t, columns: columns.map(\.text), except: except, into: into.text, value: value.text, span: step.span))
        }
        // A step with expressions run without the plan node that binds them: not reached from the
        // executor, which always passes it.
        throw Diagnostic(.error, Message("E052", step.word, value.kindWord), at: step.span)
    }

    /// Evaluates a `where` condition: rows where it is true; false and na rows are dropped.
    /// `activeRows`: the rows earlier deferred `where` steps kept (warnings count only those).
    func mask(_ cond: Expr, _ t: Table, activeRows: [Bool]? = nil) throws -> [Bool] {
        try mask(bound(cond, .rows(t)), t, scope: EvalScope(.rows(t), activeRows: activeRows))
    }

    /// `scope`: over `t`'s rows (with the rows earlier masks kept, and a function's arguments).
    func mask(_ cond: BoundExpr, _ t: Table, scope: EvalScope) throws -> [Bool] {
        let rows = try rawMask(cond, t, scope)
        if t.rowCount > 0, !rows.contains(true) { noteAbsentText(cond, t) }
        return rows
    }

    /// A `where` that keeps no row because a text it compares with never occurs (`sex == "Female"`
    /// where the column holds F and M): N004 names the values the column does hold, nearest first.
    private func noteAbsentText(_ cond: BoundExpr, _ t: Table) {
        var stack = [cond]
        while let e = stack.popLast() {
            var pairs: [(column: String, text: String, span: Span)] = []
            switch e.kind {
            case .binary(.and, let a, let b), .binary(.or, let a, let b): stack += [a, b]
            case .binary(.equal, let a, let b):
                for (x, y) in [(a, b), (b, a)] {
                    if case .literal(.text(let s)) = y.kind, case .column(let c) = x.kind { pairs.append((c, s, y.span)) }
                }
            case .isIn(let x, let items):
                if case .column(let c) = x.kind {
                    for item in items { if case .literal(.text(let s)) = item.kind { pairs.append((c, s, item.span)) } }
                }
            default: break
            }
            for p in pairs {
                guard let column = t.column(p.column), case .text(_, let dictionary) = column.storage,
                      !dictionary.values.contains(p.text) else { continue }
                let values = dictionary.values
                let near = Suggestions.nearest(to: p.text, in: values)
                let listed = (near + values.filter { !near.contains($0) }).prefix(12).map { "\"\($0)\"" }.joined(separator: ", ")
                let more = values.count > 12 ? " …" : ""
                warn(Diagnostic(.note, Message("N004", p.column, p.text, listed + more), at: p.span,
                                hint: near.first.map { Message("H104", $0) }))
            }
        }
    }

    private func rawMask(_ cond: BoundExpr, _ t: Table, _ scope: EvalScope) throws -> [Bool] {
        let v = try vec(cond, scope)
        guard let b = BooleanOperand(v) else {
            throw Diagnostic(.error, Message("E064", Kernels.typeWord(v)), at: cond.span, hint: Message("H054"))
        }
        let n = t.rowCount
        if b.allMissing { return [Bool](repeating: false, count: n) }
        if b.stride == 0 { return [Bool](repeating: b.values[0], count: n) }
        guard let validity = b.validity else { return b.values }
        return b.values.withUnsafeBufferPointer { v in
            validity.words.withUnsafeBufferPointer { w in
                filledArray(n) { o in forEachRange(n) { rows in for i in rows { o[i] = v[i] && w[i >> 6] & (1 << UInt64(i & 63)) != 0 } } }
            }
        }
    }

    func summarize(_ t: Table, keys: [String], _ items: [(name: String, expr: BoundExpr)], mask: [Bool]? = nil,
                   arguments: ArgumentFrame? = nil) throws -> Table {
        let grouping = try Grouping.make(t, keys: keys, mask: mask)
        var out = Table(names: keys, columns: grouping.keyColumns, rowCount: grouping.count)
        let scope = EvalScope(.groups(t, grouping), arguments: arguments)
        for item in items {
            let v = try vec(item.expr, scope)
            out.set(item.name, v.materialize(grouping.count))
        }
        return out
    }

    private func union(_ a: Table, _ b: Table, span: Span) throws -> Table {
        guard Set(a.names) == Set(b.names) else {
            let missing = Set(a.names).symmetricDifference(b.names).sorted().map { "`\($0)`" }.joined(separator: ", ")
            throw Diagnostic(.error, Message("E049", missing), at: span, hint: Message("H055"))
        }
        var columns: [Column] = []
        for name in a.names {
            guard let c = a.column(name)!.appending(b.column(name)!) else {
                throw Diagnostic(.error, Message("E065", name, Message.typeName(a.column(name)!.type), Message.typeName(b.column(name)!.type)), at: span)
            }
            columns.append(c)
        }
        return Table(names: a.names, columns: columns, rowCount: a.rowCount + b.rowCount)
    }
}

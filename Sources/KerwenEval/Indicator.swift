// Computes an indicator from its definition: complete cases, numerator/denominator per cell, totals, checks.

import KerwenData
import KerwenDiagnostics
import KerwenPlan
import KerwenSema
import KerwenSyntax

extension Interpreter {
    public static let totalCode = "_T"

    func indicatorResult(_ name: String, _ span: Span) throws -> IndicatorResult {
        if let cached = indicatorCache[name] { return cached }
        guard case .indicator(let decl)? = globals[name] else { throw Diagnostic(.error, Message("E013", name), at: span) }
        // A library definition is reported where it is used, not inside the library.
        if decl.isTemplate { throw decl.withoutDataError(at: span) }
        let result = try compute(decl)
        indicatorCache[name] = result
        if result.checks.contains(where: \.failed) { emit(.checkReport(result.checks, subject: name)) }
        if let broken = result.checks.first(where: { $0.fatal && $0.failed }) {
            throw Diagnostic(.error, Message("E027", broken.rule, broken.failureCount), at: decl.name.span)
        }
        return result
    }

    /// The indicator's plan over the session's names as they are now (its base already applied).
    func indicatorPlan(_ decl: IndicatorDecl) -> IndicatorPlan {
        var binder = Binder(lookup: { [unowned self] in self.planGlobal(named: $0) })
        return Optimizer.optimize(binder.bindIndicator(decl, instantiate: false), passes: optimizerPasses)
    }

    /// The data an indicator reads, cut to the columns it can read (its dimensions, the inputs of its
    /// measures and filter): a 14-column survey is not copied whole by the `where` of its `data:`.
    /// `where` steps that end the data pipeline, and the indicator's own filter, are not copied:
    /// they give the mask of the records the indicator reads (nil = every row).
    private func indicatorData(_ decl: IndicatorDecl, _ plan: IndicatorPlan, _ dataExpr: Expr) throws -> (table: Table, kept: [Bool]?) {
        let value = try run(plan.data).value
        guard let table = value.table else { throw Diagnostic(.error, Message("E052", "data", value.kindWord), at: dataExpr.span) }
        let needed = decl.suppliedColumns.map(\.column.text) + decl.by.map(\.text)
        if needed.contains(where: { table.column($0) == nil }) {
            // A column is missing: the whole table, so the message can list (and suggest) every name.
            let whole = try eval(dataExpr, .plain).table ?? table
            for (need, column) in decl.suppliedColumns where whole.column(column.text) == nil {
                throw decl.missingColumnError(need: need, column: column, available: whole.names)
            }
            for d in decl.by where whole.column(d.text) == nil { throw unknownColumn(d.text, d.span, whole) }
        }
        var kept: [Bool]? = nil
        for cond in plan.filterSources {
            let rows = try mask(cond, table, activeRows: kept)
            kept = kept.map { Self.both($0, rows) } ?? rows
        }
        if let whole = recordSource(plan.data, rows: table.rowCount) { warnOfIdenticalRecords(decl, dataExpr, whole, kept) }
        let reading = plan.columnsRead
        return (table.selecting(table.names.filter(reading.contains)), kept)
    }

    /// The table whose rows are the indicator's records with all their columns, when the data is a
    /// table of the session (cut only to the columns read, filtered only by masks): identity needs
    /// every column — two survey respondents who agree on the columns read are two records. Data
    /// made by a pipeline (derive, join, summarize …) is not checked: its rows are computed.
    private func recordSource(_ node: PlanNode, rows: Int) -> Table? {
        var node = node
        while case .project(let input, _, .pruned) = node.op { node = input }
        guard case .dataset(let name) = node.op, case .value(let v)? = globals[name], let t = v.table, t.rowCount == rows else { return nil }
        return t
    }

    /// W007, once per indicator: records identical in every column, whose values its cells would
    /// count more than once (an example names the record by its dimensions, or its first columns).
    private func warnOfIdenticalRecords(_ decl: IndicatorDecl, _ dataExpr: Expr, _ table: Table, _ kept: [Bool]?) {
        guard let found = DuplicateRecords.find(in: table, rows: kept) else { return }
        // The dimensions, then the first other columns (what usually names a record), four at most.
        let named = decl.by.map(\.text).filter { table.column($0) != nil }
        let shown = Array((named + table.names.filter { !named.contains($0) }).prefix(max(4, named.count)))
        let example = shown.map { name in (name, Self.cellText(table.column(name)!.scalar(at: found.example))) }
            .map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
        warn(Diagnostic(.warning, Message("W007", decl.name.text, found.copies, example), at: decl.name.span,
                        hint: Message("H119", ExprPrinter.text(dataExpr))))
    }

    func compute(_ decl: IndicatorDecl) throws -> IndicatorResult {
        guard let dataExpr = decl.data else { throw decl.withoutDataError(at: decl.name.span) }
        let plan = indicatorPlan(decl)
        let (data, kept) = try indicatorData(decl, plan, dataExpr)
        let dims = decl.by.map(\.text)
        // A record is used only when every input of the numerator, denominator or value is present,
        // so numerator and denominator always describe the same records. Rows the filters dropped
        // are neither complete nor incomplete: they are not records of this indicator.
        var complete = kept ?? [Bool](repeating: true, count: data.rowCount)
        for name in plan.completeCaseInputs {
            guard let c = data.column(name) else { continue }
            if c.validity != nil { for i in 0..<data.rowCount where !c.isValid(i) { complete[i] = false } }
        }
        var scale: Double = 1
        if let s = decl.scale {
            guard case .scalar(let sv) = try eval(s, .plain), let d = sv.doubleValue else { throw Diagnostic(.error, Message("E067"), at: s.span) }
            scale = d
        }
        // The cube of requested totals: every subset of the total dimensions, finest cells first.
        let subsets = plan.totalsCube
        let totals = subsets.last ?? []
        // Data that already has `_T` rows in a dimension the indicator totals (SDMX and Open SDG
        // files do) would give two `_T` cells for one key: said once per dimension.
        for dimension in totals {
            guard let c = data.column(dimension), case .text(let codes, let dictionary) = c.storage,
                  let t = dictionary.code(of: Self.totalCode) else { continue }
            if (0..<data.rowCount).contains(where: { codes[$0] == t && c.isValid($0) && (kept?[$0] ?? true) }) {
                warn(Diagnostic(.warning, Message("W009", decl.name.text, dimension), at: decl.name.span, hint: Message("H173", dimension)))
            }
        }
        // Records are grouped once, by every dimension; each level of the cube groups those groups
        // (a small table), and the measures' row-level inputs are computed once for all levels.
        let fine = try Grouping.make(data, keys: dims, mask: kept)
        let base = FineCells(fine: fine, complete: complete, kept: kept)
        // Over a sample: the design and the measure's row inputs, read once for every level.
        let sample = try decl.weight == nil ? nil : sampleInputs(decl, data: data, kept: kept, fineOf: base.fineOfRow(data.rowCount))
        var pieces: [Table] = []
        for totalled in subsets {
            let keys = dims.filter { !totalled.contains($0) }
            pieces.append(try cells(decl, data: data, base: base, sample: sample, keys: keys, dims: dims, totalled: totalled, asText: Set(totals), scale: scale))
        }
        var table = pieces[0]
        for p in pieces.dropFirst() {
            var cols: [Column] = []
            for name in table.names { cols.append(table.column(name)!.appending(p.column(name)!)!) }
            table = Table(names: table.names, columns: cols, rowCount: table.rowCount + p.rowCount)
        }
        if !totals.isEmpty { table = table.gather(Self.totalsLast(table, dims: dims)) }
        var metadata: [(key: String, value: String)] = []
        for m in decl.metadata {
            let v = try eval(m.value, .plain)
            guard case .scalar(let s) = v else { throw Diagnostic(.error, Message("E068", m.key.text), at: m.value.span) }
            metadata.append((m.key.text, ScalarFormat.plain(s)))
        }
        // `decimals: 2`: the value is shown and written with the published number of decimals.
        if let text = metadata.first(where: { $0.key == "decimals" })?.value, let d = Int(text), (0...15).contains(d), var value = table.column("value") {
            value.decimals = d
            table.set("value", value)
        }
        // `flag: cv > 0.3`: a column that marks the cells, and one note that counts them.
        if let flag = decl.flag, decl.weight != nil {
            let marked = try mask(flag, table)
            table.set("flagged", Column(.boolean(marked)))
            let count = marked.filter { $0 }.count
            if count > 0 { warn(Diagnostic(.note, Message("N009", decl.name.text, count, table.rowCount, ExprPrinter.text(flag)), at: flag.span)) }
        }
        // `suppress: cv > 0.3`: those cells keep their row, n and sampling error, but not their value.
        if let suppress = decl.suppress, decl.weight != nil {
            let hidden = try mask(suppress, table)
            for name in ["value", "numerator", "denominator", "ci_low", "ci_high"] {
                guard let c = table.column(name) else { continue }
                var validity = c.validity ?? Bitmap(count: table.rowCount, value: true)
                for (i, h) in hidden.enumerated() where h { validity[i] = false }
                var out = Column(c.storage, validity: validity)
                out.decimals = c.decimals
                table.set(name, out)
            }
            table.set("suppressed", Column(.boolean(hidden)))
            let count = hidden.filter { $0 }.count
            if count > 0 { warn(Diagnostic(.note, Message("N011", decl.name.text, count, table.rowCount, ExprPrinter.text(suppress)), at: suppress.span)) }
        }
        let checks = try runChecks(decl.checks, on: table, keys: dims)
        return IndicatorResult(name: decl.name.text, metadata: metadata, table: table, dimensions: dims, checks: checks)
    }

    /// The rows in order of the dimensions, each dimension's `_T` after its codes whatever their
    /// alphabet (`_` sorts before Cyrillic letters, so `_T` came first beside Cyrillic labels).
    static func totalsLast(_ table: Table, dims: [String]) -> [Int] {
        var keys: [(Column, Bool)] = []
        for d in dims {
            guard let c = table.column(d) else { continue }
            if c.type == .text {
                let isTotal = (0..<table.rowCount).map { i -> Bool in
                    if case .text(let s) = c.scalar(at: i) { return s == totalCode }
                    return false
                }
                keys.append((Column(.boolean(isTotal)), false))
            }
            keys.append((c, false))
        }
        return RowOrder.sorted(columns: keys, rows: table.rowCount)
    }

    /// The finest cells of an indicator: every record's group by all dimensions, the complete
    /// records' groups in row order, and the complete and incomplete records of each group.
    struct FineCells {
        let fine: Grouping
        let complete: [Bool]
        let kept: [Bool]?
        let usedGroups: [Int32]
        let n: [Int64]
        let missing: [Int64]
        /// The measures' aggregate inputs over these records, computed once for all levels of the cube.
        let memo = RowVectorMemo()

        /// `kept`: the rows the grouping covers (its `groupOf` lists theirs, in order); nil = all.
        init(fine: Grouping, complete: [Bool], kept: [Bool]?) {
            self.fine = fine
            self.complete = complete
            self.kept = kept
            var n = [Int64](repeating: 0, count: fine.count), missing = [Int64](repeating: 0, count: fine.count)
            var used: [Int32] = []
            used.reserveCapacity(fine.groupOf.count)
            var j = 0
            for i in 0..<complete.count where kept?[i] ?? true {
                let g = fine.groupOf[j]
                j += 1
                if complete[i] { used.append(g); n[Int(g)] += 1 } else { missing[Int(g)] += 1 }
            }
            usedGroups = used
            self.n = n
            self.missing = missing
        }

        /// Each row's finest cell when it is a complete record, else -1.
        func fineOfRow(_ rows: Int) -> [Int32] {
            var out = [Int32](repeating: -1, count: rows)
            var j = 0
            for i in 0..<rows where kept?[i] ?? true {
                if complete[i] { out[i] = fine.groupOf[j] }
                j += 1
            }
            return out
        }
    }

    /// One level of the cube: cells grouped by `keys`, with `_T` in the totalled dimensions.
    private func cells(_ decl: IndicatorDecl, data: Table, base: FineCells, sample: SampleInputs?, keys: [String], dims: [String],
                       totalled: [String], asText: Set<String>, scale: Double) throws -> Table {
        // The finest cells grouped by this level's keys: a table of one row per finest cell.
        let cellKeys = Table(names: base.fine.keyNames, columns: base.fine.keyColumns, rowCount: base.fine.count)
        let grouping = try Grouping.make(cellKeys, keys: keys)
        let levelOf = grouping.groupOf
        var n = [Int64](repeating: 0, count: grouping.count), missing = [Int64](repeating: 0, count: grouping.count)
        for f in 0..<base.fine.count {
            n[Int(levelOf[f])] += base.n[f]
            missing[Int(levelOf[f])] += base.missing[f]
        }
        let usedGroups: [Int32] = base.usedGroups.withUnsafeBufferPointer { u in
            levelOf.withUnsafeBufferPointer { l in filledArray(u.count) { o in forEachRange(u.count) { rows in for j in rows { o[j] = l[Int(u[j])] } } } }
        }
        let usedGrouping = Grouping(keyNames: grouping.keyNames, keyColumns: grouping.keyColumns, groupOf: usedGroups,
                                    count: grouping.count, rowMask: base.complete)
        let g = grouping.count
        let naColumn = Column.repeating(.na, count: g)
        var value: Column, numerator = naColumn, denominator = naColumn
        var sampling: SampledCells?, multipliers: [Double?] = []
        if decl.weight != nil {
            multipliers = try intervalMultipliers(decl, inputs: sample!, levelOf: levelOf, cells: g)
            let s = sampledCells(sample!, levelOf: levelOf, cells: g, z: multipliers)
            sampling = s
            numerator = Column.from(s.numerator.map { $0.map(Scalar.number) ?? .na }, type: .number)
            denominator = decl.denominator == nil ? naColumn : Column.from(s.denominator.map { $0.map(Scalar.number) ?? .na }, type: .number)
            value = Column.from(s.value.map { $0.map(Scalar.number) ?? .na }, type: .number)
        } else if let v = decl.value {
            value = try stepVec(v, .groups(data, usedGrouping), memo: base.memo).materialize(g)
        } else {
            let num = try stepVec(decl.numerator!, .groups(data, usedGrouping), memo: base.memo)
            numerator = num.materialize(g)
            if let d = decl.denominator {
                let den = try stepVec(d, .groups(data, usedGrouping), memo: base.memo)
                denominator = den.materialize(g)
                value = try Kernels.arithmetic(.divide, .column(numerator), .column(denominator), count: g, span: d.span, context: KernelContext(warn: warn)).asVec(d.span).materialize(g)
            } else {
                value = numerator
            }
        }
        if scale != 1 {
            value = try Kernels.arithmetic(.multiply, .column(value), .scalar(.number(scale)), count: g, span: decl.span, context: KernelContext(warn: warn)).asVec(decl.span).materialize(g)
        }
        var out = Table(names: [], columns: [], rowCount: g)
        for d in dims {
            if totalled.contains(d) {
                out.set(d, Column.repeating(.text(Self.totalCode), count: g))
            } else {
                let col = grouping.keyColumns[grouping.keyNames.firstIndex(of: d)!]
                out.set(d, asText.contains(d) && col.type != .text ? Column.from((0..<g).map { i in col.scalar(at: i).isNA ? .na : .text(ScalarFormat.plain(col.scalar(at: i))) }, type: .text) : col)
            }
        }
        out.set("value", value)
        out.set("numerator", numerator)
        out.set("denominator", denominator)
        out.set("n", Column(.integer(n)))
        out.set("n_missing", Column(.integer(missing)))
        if let sampling {
            // The sampling error on the value's scale, its confidence interval (normal, as R's
            // confint of svyby, or t with `df:`) and coefficient of variation.
            let se = sampling.se.map { $0.map { $0 * Swift.abs(scale) } }
            let v = (0..<g).map { value.isValid($0) ? value.scalar(at: $0).doubleValue : nil }
            var low: [Double?] = (0..<g).map { i in v[i].flatMap { x in se[i].flatMap { s in multipliers[i].map { x - $0 * s } } } }
            var high: [Double?] = (0..<g).map { i in v[i].flatMap { x in se[i].flatMap { s in multipliers[i].map { x + $0 * s } } } }
            if let interval = sampling.interval {
                // A quantile's interval is Woodruff's (not symmetric), on the value's scale.
                low = interval.low.map { $0.map { $0 * scale } }
                high = interval.high.map { $0.map { $0 * scale } }
                if scale < 0 { swap(&low, &high) }
            }
            out.set("se", Column.from(se.map { $0.map(Scalar.number) ?? .na }, type: .number))
            out.set("ci_low", Column.from(low.map { $0.map(Scalar.number) ?? .na }, type: .number))
            out.set("ci_high", Column.from(high.map { $0.map(Scalar.number) ?? .na }, type: .number))
            out.set("cv", Column.from((0..<g).map { i in v[i].flatMap { x in se[i].flatMap { x != 0 ? .number($0 / Swift.abs(x)) : nil } } ?? .na }, type: .number))
            out.set("deff", Column.from(sampling.deff.map { $0.map(Scalar.number) ?? .na }, type: .number))
        }
        return out
    }
}

extension Interpreter {
    /// `level: 0.9` of a sampled indicator (0.95 when not given).
    func confidenceLevel(_ decl: IndicatorDecl) throws -> Double {
        guard let l = decl.level else { return 0.95 }
        guard case .scalar(let s) = try eval(l, .plain), let d = s.doubleValue, d > 0, d < 1 else { throw Diagnostic(.error, Message("E176"), at: l.span) }
        return d
    }
}

// Checks names, columns, functions and arity over a whole program before it runs, collecting every error.

import KerwenDiagnostics
import KerwenSyntax

public struct Resolver {
    public internal(set) var scope: Scope
    public internal(set) var diagnostics: [Diagnostic] = []
    /// `$names` written in the step being checked.
    var dollarNames: Set<String> = []
    /// Inside a `derive … over …` item: window functions may be called.
    var windowAllowed = false
    /// Reads a dataset's column names from its file, given the `load` path and options (nil when unreadable).
    let schemaOf: (Stmt) -> [String]?
    /// Columns of a module's symbols, filled by `use`.
    let moduleSymbols: (String) -> [String: Symbol]?
    /// The text column that holds this value, if any (`where destination == Russia`: the word is
    /// a value, which is written in quotes).
    public var columnHoldingText: (String) -> String? = { _ in nil }

    public init(scope: Scope, schemaOf: @escaping (Stmt) -> [String]?, moduleSymbols: @escaping (String) -> [String: Symbol]? = { _ in nil }) {
        self.scope = scope
        self.schemaOf = schemaOf
        self.moduleSymbols = moduleSymbols
    }

    public static let indicatorColumns = ["value", "numerator", "denominator", "n", "n_missing"]
    /// The columns a sample design adds after them (`flagged` only with `flag:`).
    public static let chartKinds = ["line", "bar", "point"]
    public static let plotOptions = ["title", "y", "values", "totals", "stacked", "width", "height"]
    public static let reportOptions = ["title", "subtitle", "author"]
    public static let samplingColumns = ["se", "ci_low", "ci_high", "cv", "deff", "flagged", "suppressed"]

    /// The value forms a sample design estimates: `median(x)` and `quantile(x, p)` by Woodruff's
    /// method, `mean(x)`, `share(condition)`, `sum(x)` and `count()` by linearisation.
    static func isDesignValue(_ e: Expr) -> Bool {
        guard case .call(let fn, let args) = e.kind else { return false }
        switch fn.text {
        case "median", "mean", "share", "sum": return args.count == 1
        case "quantile": return args.count == 2
        case "count": return args.isEmpty
        default: return false
        }
    }

    public mutating func resolve(_ statements: [Stmt]) {
        for stmt in statements { resolve(stmt) }
    }

    public mutating func resolve(_ stmt: Stmt) {
        switch stmt.kind {
        case .load(let name, let path, let options):
            expr(path, .none)
            for o in options { if case .list = o.value.kind {} else { expr(o.value, .none) } }
            scope[name.text] = Symbol(kind: .dataset, columns: schemaOf(stmt))
        case .letBinding(let name, let value):
            let ctx = expr(value, .none)
            scope[name.text] = Symbol(kind: .variable, columns: ctx.columns)
        case .param(let name, let value):
            expr(value, .none)
            scope[name.text] = Symbol(kind: .parameter)
        case .function(let name, let params, let body):
            var inner = self
            // The copy starts with no findings of its own: it used to carry every earlier one, so
            // each `fn` after an error doubled the list (19 definitions, 500,000 copies of it).
            inner.diagnostics = []
            for p in params { inner.scope[p.text] = Symbol(kind: .variable) }
            inner.scope[name.text] = Symbol(kind: .function, arity: params.count)
            inner.expr(body, .none, allowUnknownColumns: true)
            diagnostics += inner.diagnostics
            scope[name.text] = Symbol(kind: .function, arity: params.count)
        case .show(let e), .describe(let e), .explain(let e), .expression(let e):
            expr(e, .none)
        case .showWith(let e, let options):
            expr(e, .none)
            for o in options { expr(o.value, .none) }
        case .plot(let p):
            let ctx = expr(p.source, .none)
            for c in [p.x] + p.by { column(c, in: ctx) }
            if let kind = p.kind, !Self.chartKinds.contains(kind.text) {
                diagnostics.append(Diagnostic(.error, Message("E193", kind.text), at: kind.span,
                                              hint: Suggestions.hint(for: kind.text, in: Self.chartKinds) ?? Message("H193")))
            }
            if let to = p.to { expr(to, .none) }
            for o in p.options {
                if !Self.plotOptions.contains(o.name.text) {
                    diagnostics.append(Diagnostic(.error, Message("E192", o.name.text), at: o.name.span,
                                                  hint: Suggestions.hint(for: o.name.text, in: Self.plotOptions) ?? Message("H192")))
                }
                if o.name.text == "values", case .name(let v) = o.value.kind { column(Name(v, o.value.span), in: ctx) } else { expr(o.value, .none) }
            }
        case .report(let path, let options):
            expr(path, .none)
            for o in options {
                if !Self.reportOptions.contains(o.name.text) {
                    diagnostics.append(Diagnostic(.error, Message("E194", o.name.text), at: o.name.span,
                                                  hint: Suggestions.hint(for: o.name.text, in: Self.reportOptions) ?? Message("H194")))
                }
                expr(o.value, .none)
            }
        case .export(let e, let path, let options):
            expr(e, .none)
            expr(path, .none)
            for o in options { expr(o.value, .none) }
        case .use(let module):
            if !Self.isModuleName(module.text) {
                diagnostics.append(Diagnostic(.error, Message("E110", module.text), at: module.span, hint: Message("H080")))
            } else if let symbols = moduleSymbols(module.text) {
                for (k, v) in symbols { scope[k] = v }
            }
        case .indicator(let decl):
            indicator(decl)
        case .check(let table, let rules):
            let ctx = expr(table, .none)
            for r in rules { checkRule(r, ctx.columns.map { .known($0) } ?? .unknown) }
        case .design(let name, let weight, let strata, let cluster, let fpc):
            guard let symbol = scope[name.text], symbol.kind == .dataset || symbol.kind == .variable else {
                diagnostics.append(Diagnostic(.error, Message("E013", name.text), at: name.span, hint: Suggestions.hint(for: name.text, in: Array(scope.symbols.keys))))
                return
            }
            let ctx: TableContext = symbol.columns.map { .known($0) } ?? .unknown
            for c in [weight, strata, cluster, fpc].compactMap({ $0 }) { column(c, in: ctx) }
        case .checkBinding(let name, let table, let rules):
            let ctx = expr(table, .none)
            for r in rules { checkRule(r, ctx.columns.map { .known($0) } ?? .unknown) }
            scope[name.text] = Symbol(kind: .variable, columns: CheckFindings.columns.map(\.name))
        }
    }

    mutating func indicator(_ written: IndicatorDecl) {
        var decl = written
        if let base = decl.base {
            guard let sym = scope[base.text] else {
                diagnostics.append(Diagnostic(.error, Message("E013", base.text), at: base.span,
                                              hint: Suggestions.hint(for: base.text, in: scope.symbols.filter { $0.value.kind == .indicator }.map(\.key))))
                scope[decl.name.text] = Symbol(kind: .indicator)
                return
            }
            guard sym.kind == .indicator else {
                diagnostics.append(Diagnostic(.error, Message("E082", base.text), at: base.span))
                return
            }
            if let definition = sym.decl { decl = decl.instantiated(from: definition) }
        }
        // Problems inside a library definition are the library's; at a use, report only what the user wrote.
        let before = diagnostics.count
        for m in decl.metadata { expr(m.value, .none) }
        var ctx = TableContext.unknown
        if let data = decl.data { ctx = expr(data, .none) }
        if case .none = ctx { ctx = .unknown }
        if decl.isTemplate { ctx = .known(decl.needs.map(\.text)) }
        if let cols = ctx.columns {
            for (need, column) in decl.suppliedColumns where !cols.contains(column.text) {
                diagnostics.append(decl.missingColumnError(need: need, column: column, available: cols))
            }
        }
        if let f = decl.filter {
            dollarNames = f.dollarNames
            expr(f, ctx)
            dollarNames = []
        }
        for e in [decl.numerator, decl.denominator, decl.value].compactMap({ $0 }) {
            dollarNames = e.dollarNames
            expr(e, ctx, aggregatesAllowed: true)
            dollarNames = []
        }
        if let s = decl.scale { expr(s, .none) }
        for d in decl.by { column(d, in: ctx) }
        for d in [decl.weight, decl.strata, decl.cluster, decl.fpc].compactMap({ $0 }) { column(d, in: ctx) }
        if let level = decl.level { expr(level, .none) }
        // `df: design` names the design's own degrees of freedom, not a variable.
        if let df = decl.df, !IndicatorDecl.isDesignDegrees(df) { expr(df, .none) }
        if decl.weight == nil, let first = decl.strata?.span ?? decl.cluster?.span ?? decl.fpc?.span ?? decl.df?.span {
            diagnostics.append(Diagnostic(.error, Message("E174"), at: first, hint: Message("H174")))
        }
        if decl.weight != nil, let value = decl.value, !Self.isDesignValue(value) {
            diagnostics.append(Diagnostic(.error, Message("E173"), at: decl.weight!.span, hint: Message("H175")))
        }
        for t in decl.totals where t.text != "*" {
            if !decl.by.contains(where: { $0.text == t.text }) {
                diagnostics.append(Diagnostic(.error, Message("E046", t.text), at: t.span,
                                              hint: Suggestions.hint(for: t.text, in: decl.by.map(\.text))))
            }
        }
        let resultColumns = decl.by.map(\.text) + Self.indicatorColumns + (decl.weight != nil ? Self.samplingColumns : [])
        for c in decl.checks { expr(c.expr, .known(resultColumns)) }
        if let flag = decl.flag { expr(flag, .known(resultColumns)) }
        if let suppress = decl.suppress { expr(suppress, .known(resultColumns)) }
        if decl.base != nil {
            let source = written.span.source
            let mine = diagnostics[before...].filter { $0.span.map { $0.source == source } ?? true }
            diagnostics.removeSubrange(before...)
            diagnostics += mine
        }
        scope[decl.name.text] = Symbol(kind: .indicator, columns: resultColumns, decl: decl)
    }

    mutating func checkRule(_ rule: CheckRule, _ ctx: TableContext) {
        switch rule.kind {
        case .row(let e):
            dollarNames = e.dollarNames
            expr(e, ctx)
            dollarNames = []
        case .unique(let keys): keys.forEach { column($0, in: ctx) }
        case .gaps(let time, let by): ([time] + by).forEach { column($0, in: ctx) }
        case .total(_, _, let dim, let measure, let by, let tol):
            ([dim, measure] + by).forEach { column($0, in: ctx) }
            if let tol { expr(tol, .none) }
        }
    }

    mutating func column(_ name: Name, in ctx: TableContext) {
        guard let cols = ctx.columns, !cols.contains(name.text) else { return }
        diagnostics.append(Diagnostic(.error, Message("E012", name.text), at: name.span, label: Message("L001"),
                                      hint: Suggestions.hint(for: name.text, in: cols)))
    }

    /// A module is a file name without a folder: `use `../x`` never reaches outside the script's
    /// folder and the standard library.
    public static func isModuleName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\\") && !name.contains("\0")
    }
}

// Turns checked statements into their typed logical plan, statement by statement, keeping what each
// defines (a loaded table's typed columns, a variable's type, a function's body, an indicator).
// Names are bound by `NameRules`, the rule the resolver checks them by; the resolver has reported
// unknown names before binding, so here an unknown name is only left untyped.

import KerwenData
import KerwenDiagnostics
import KerwenSema
import KerwenSyntax

public struct Binder {
    /// Names defined by the statements bound so far (and any given at the start).
    public var environment: [String: PlanGlobal]
    /// The session's names, asked for when a name is not in `environment` (so the binder of one
    /// pipeline at run time does not describe every global first).
    let lookup: (String) -> PlanGlobal?
    /// The typed columns a `load` will give, read at bind time (nil when the file cannot be read yet).
    let schemaOf: (Stmt) -> [PlanColumn]?
    /// The names a module defines (for `use`).
    let moduleGlobals: (String) -> [String: PlanGlobal]?
    /// `$names` written in the step being bound.
    var dollarNames: Set<String> = []
    /// The user functions being expanded, innermost last.
    var expanding: [String] = []
    /// For each function being expanded, its parameters: the index and type of each argument.
    var parameterFrames: [[String: (index: Int, type: PlanType)]] = []
    /// For each function being expanded, the columns of each argument that is a table (nil where
    /// unknown): a pipeline over a parameter is bound over the columns of the table passed.
    var argumentColumns: [[[PlanColumn]?]] = []

    public init(environment: [String: PlanGlobal] = [:], lookup: @escaping (String) -> PlanGlobal? = { _ in nil },
                schemaOf: @escaping (Stmt) -> [PlanColumn]? = { _ in nil },
                moduleGlobals: @escaping (String) -> [String: PlanGlobal]? = { _ in nil }) {
        self.environment = environment
        self.lookup = lookup
        self.schemaOf = schemaOf
        self.moduleGlobals = moduleGlobals
    }

    func globalNamed(_ name: String) -> PlanGlobal? { environment[name] ?? lookup(name) }

    /// The plan of one pipeline (what runs when the script evaluates it).
    public mutating func bindPipeline(_ source: Expr, _ steps: [Step]) -> PlanNode {
        return bindSteps(bindTable(source), steps)
    }

    /// Steps over a table with these columns: the evaluator's plan for steps whose input's columns
    /// were not known when their pipeline was bound.
    public mutating func bindSteps(_ steps: [Step], over columns: [PlanColumn], span: Span) -> PlanNode {
        bindSteps(PlanNode(.dataset(""), columns: columns, span: span), steps)
    }

    /// An expression where the evaluator meets it: plainly (`columns` nil), on each row of a table
    /// with these columns, or once per group of `groupKeys`; its `$names` are those it writes.
    public mutating func bindExpression(_ e: Expr, columns: [PlanColumn]?, groupKeys: [String]? = nil) -> BoundExpr {
        dollarNames = e.dollarNames
        defer { dollarNames = [] }
        guard let columns else { return bind(e, .plain) }
        if let groupKeys { return bind(e, .groups(columns, keys: groupKeys)) }
        return bind(e, .rows(columns))
    }

    /// An expression evaluated on each row of a table with these columns (a check rule).
    public mutating func bindRowExpression(_ e: Expr, columns: [PlanColumn]) -> BoundExpr {
        dollarNames = e.dollarNames
        defer { dollarNames = [] }
        return bind(e, .rows(columns))
    }

    public mutating func bind(_ statements: [Stmt]) -> [StatementPlan] {
        statements.map { bind($0) }
    }

    public mutating func bind(_ stmt: Stmt) -> StatementPlan {
        func plan(_ kind: StatementPlan.Kind) -> StatementPlan { StatementPlan(kind, stmt.span) }
        switch stmt.kind {
        case .load(let name, let path, let options):
            let columns = schemaOf(stmt)
            let written = options.map { (name: $0.name.text, value: ExprPrinter.text($0.value)) }
            let pathText: String
            if case .string(let p) = path.kind { pathText = p } else { pathText = ExprPrinter.text(path) }
            environment[name.text] = PlanGlobal(kind: .dataset, type: .table, columns: columns)
            return plan(.load(name: name.text, PlanNode(.scan(path: pathText, options: written), columns: columns, span: path.span)))
        case .letBinding(let name, let value):
            let bound = bind(value, .plain)
            environment[name.text] = bound.type == .table
                ? PlanGlobal(kind: .dataset, type: .table, columns: tableColumns(bound))
                : PlanGlobal(kind: .variable, type: bound.type)
            return plan(.letBinding(name: name.text, bound))
        case .param(let name, let value):
            let bound = bind(value, .plain)
            environment[name.text] = PlanGlobal(kind: .parameter, type: bound.type)
            return plan(.param(name: name.text, bound))
        case .function(let name, let params, let body):
            environment[name.text] = PlanGlobal(kind: .function, type: .unknown, functionParams: params.map(\.text), functionBody: body)
            return plan(.function(name: name.text, params: params.map(\.text)))
        case .show(let e), .showWith(let e, _): return plan(.show(bind(e, .plain)))
        case .plot(let p): return plan(.plot(bind(p.source, .plain), over: p.x.text, by: p.by.map(\.text)))
        case .report(let path, _): return plan(.report(to: bind(path, .plain)))
        case .describe(let e): return plan(.describe(bind(e, .plain)))
        case .explain(let e): return plan(.explain(bind(e, .plain)))
        case .expression(let e): return plan(.expression(bind(e, .plain)))
        case .export(let e, let path, let options):
            return plan(.export(bind(e, .plain), to: bind(path, .plain), options: options.map { ($0.name.text, ExprPrinter.text($0.value)) }))
        case .use(let module):
            for (k, v) in moduleGlobals(module.text) ?? [:] { environment[k] = v }
            return plan(.use(module: module.text))
        case .indicator(let decl):
            let p = bindIndicator(decl)
            environment[p.name] = PlanGlobal(kind: .indicator, type: .table, columns: p.resultColumns, indicator: p.decl)
            return plan(.indicator(p))
        case .check(let table, let rules):
            let bound = bind(table, .plain)
            let columns = tableColumns(bound)
            return plan(.check(bound, rules: rules.map { bindRule($0, columns) }))
        case .design(let name, _, _, _, _):
            // What it does is done before binding: the indicators over `name` carry the design.
            return plan(.expression(bind(Expr(.name(name.text), name.span), .plain)))
        case .checkBinding(let name, let table, let rules):
            let bound = bind(table, .plain)
            let columns = tableColumns(bound)
            let findings = CheckFindings.columns.map { PlanColumn($0.name, PlanType(ColumnType(rawValue: $0.type) ?? .text)) }
            environment[name.text] = PlanGlobal(kind: .dataset, type: .table, columns: findings)
            return plan(.checkBinding(name: name.text, bound, rules: rules.map { bindRule($0, columns) }))
        }
    }

    private mutating func bindRule(_ rule: CheckRule, _ columns: [PlanColumn]?) -> CheckPlan {
        let kind: CheckPlan.Kind
        switch rule.kind {
        case .row(let e):
            dollarNames = e.dollarNames
            kind = .row(bind(e, .rows(columns)))
            dollarNames = []
        case .unique(let keys): kind = .unique(keys.map(\.text))
        case .gaps(let time, let by): kind = .gaps(time: time.text, by: by.map(\.text))
        case .total(let code, let parts, let dimension, let measure, let by, let tolerance):
            kind = .total(code: bind(code, .plain), parts: parts?.map { bind($0, .plain) }, dimension: dimension.text,
                          measure: measure.text, by: by.map(\.text), tolerance: tolerance.map { bind($0, .plain) })
        }
        return CheckPlan(kind, fatal: rule.fatal, span: rule.span)
    }
}

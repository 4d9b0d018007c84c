// The syntax tree: value types, each node carrying its span.

import KerwenDiagnostics

/// A name as written, with where it was written.
public struct Name: Equatable, Sendable {
    public var text: String
    public var span: Span
    public init(_ text: String, _ span: Span) { self.text = text; self.span = span }
}

public enum UnaryOp: String, Equatable, Sendable { case negate = "-", not = "not" }

public enum BinaryOp: String, Equatable, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%", power = "^"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and, or

    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return true
        default: return false
        }
    }
    public var isArithmetic: Bool {
        switch self {
        case .add, .subtract, .multiply, .divide, .modulo, .power: return true
        default: return false
        }
    }
}

public struct Expr: Equatable, Sendable {
    public indirect enum Kind: Equatable, Sendable {
        case integer(Int64)
        case number(Double)
        case string(String)
        case bool(Bool)
        case na
        /// A plain name: a column inside a pipeline step, otherwise a variable.
        case name(String)
        /// `$name`: the variable, even where a column has that name.
        case variable(String)
        /// `` `name` ``: the column, even where a variable has that name.
        case column(String)
        /// `dataset.column`
        case member(Expr, Name)
        case unary(UnaryOp, Expr)
        case binary(BinaryOp, Expr, Expr)
        case between(Expr, low: Expr, high: Expr)
        case isIn(Expr, [Expr])
        case call(Name, [Expr])
        case conditional(Expr, then: Expr, else: Expr)
        case list([Expr])
        case pipeline(Expr, [Step])
    }

    public var kind: Kind
    public var span: Span
    /// Levels of tree below and including this node (a literal is 1). Known when the node is made,
    /// so the parser can refuse a tree deeper than `Limits.expressionDepth` before any recursive
    /// pass walks it.
    public let height: Int
    public init(_ kind: Kind, _ span: Span) { self.kind = kind; self.span = span; self.height = Self.height(of: kind) }

    private static func height(of kind: Kind) -> Int {
        func most(_ items: [Expr]) -> Int { items.reduce(0) { max($0, $1.height) } }
        switch kind {
        case .integer, .number, .string, .bool, .na, .name, .variable, .column: return 1
        case .member(let x, _), .unary(_, let x): return 1 + x.height
        case .binary(_, let a, let b): return 1 + max(a.height, b.height)
        case .between(let a, let b, let c), .conditional(let a, let b, let c): return 1 + max(a.height, b.height, c.height)
        case .isIn(let x, let items): return 1 + max(x.height, most(items))
        case .call(_, let items), .list(let items): return 1 + most(items)
        case .pipeline(let source, let steps): return 1 + steps.reduce(source.height) { max($0, $1.height) }
        }
    }
}

extension Expr {
    /// Names written with `$` anywhere in this expression: they tell a plain name with the same spelling means the column.
    public var dollarNames: Set<String> {
        var out: Set<String> = []
        func walk(_ e: Expr) {
            switch e.kind {
            case .variable(let n): out.insert(n)
            case .member(let b, _): walk(b)
            case .unary(_, let x): walk(x)
            case .binary(_, let l, let r): walk(l); walk(r)
            case .between(let x, let lo, let hi), .conditional(let x, let lo, let hi): walk(x); walk(lo); walk(hi)
            case .isIn(let x, let items): walk(x); items.forEach(walk)
            case .call(_, let args), .list(let args): args.forEach(walk)
            default: break
            }
        }
        walk(self)
        return out
    }
}

extension Expr {
    /// This expression with `replace` applied top-down: where it returns an expression, that node is
    /// replaced (and not descended into); where it returns nil, the node is rebuilt from its rewritten
    /// children. Pipelines are rewritten through their steps.
    public func rewritten(_ replace: (Expr) -> Expr?) -> Expr {
        if let r = replace(self) { return r }
        func r(_ x: Expr) -> Expr { x.rewritten(replace) }
        switch kind {
        case .integer, .number, .string, .bool, .na, .name, .variable, .column: return self
        case .member(let b, let m): return Expr(.member(r(b), m), span)
        case .unary(let op, let x): return Expr(.unary(op, r(x)), span)
        case .binary(let op, let a, let b): return Expr(.binary(op, r(a), r(b)), span)
        case .between(let x, let lo, let hi): return Expr(.between(r(x), low: r(lo), high: r(hi)), span)
        case .isIn(let x, let items): return Expr(.isIn(r(x), items.map(r)), span)
        case .call(let n, let args): return Expr(.call(n, args.map(r)), span)
        case .conditional(let c, let t, let f): return Expr(.conditional(r(c), then: r(t), else: r(f)), span)
        case .list(let items): return Expr(.list(items.map(r)), span)
        case .pipeline(let src, let steps): return Expr(.pipeline(r(src), steps.map { $0.rewritten(replace) }), span)
        }
    }
}

/// `name = expr` inside `derive` and `summarize`.
public struct NamedExpr: Equatable, Sendable {
    public var name: Name
    public var expr: Expr
    /// `derive g = growth(value) over year by country`: the rows a window function reads.
    public var window: WindowSpec?
    public init(name: Name, expr: Expr, window: WindowSpec? = nil) { self.name = name; self.expr = expr; self.window = window }
}

/// `over year by country`: within each `by` group, in the order of `over` (`over -value` descending).
public struct WindowSpec: Equatable, Sendable {
    public var order: Name
    public var descending: Bool
    public var by: [Name]
    public init(order: Name, descending: Bool, by: [Name]) { self.order = order; self.descending = descending; self.by = by }
}

public struct SortKey: Equatable, Sendable {
    public var expr: Expr
    public var descending: Bool
    public init(expr: Expr, descending: Bool) { self.expr = expr; self.descending = descending }
}

/// `left == right` in `join … on`; the same name on both sides when written once.
public struct JoinKey: Equatable, Sendable {
    public var left: Name
    public var right: Name
    public init(left: Name, right: Name) { self.left = left; self.right = right }
}

public enum JoinKind: String, Equatable, Sendable { case inner, left }

/// One step of a pipeline, the logical plan of what to compute.
public struct Step: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case filter(Expr)
        case derive([NamedExpr])
        case select([Name])
        case drop([Name])
        case rename([(from: Name, to: Name)])
        case groupBy([Name])
        case summarize([NamedExpr])
        case sort([SortKey])
        case take(Expr)
        case join(JoinKind, Expr, [JoinKey])
        case union(Expr)
        case distinct([Name])
        /// `pivot wider names from sex values from value`: one column per value of the names columns.
        case pivotWider(names: [Name], values: Name)
        /// `pivot longer a, b into name, value` (or `pivot longer except id into name, value`): the
        /// columns become rows of a name and a value.
        case pivotLonger(columns: [Name], except: Bool, into: Name, value: Name)
        /// `complete year from 2015 to 2023 by country`: a row for every year of every group, the
        /// missing ones with `na` in the other columns (without `from`/`to`: the data's first and last year).
        case complete(Name, from: Expr?, to: Expr?, by: [Name])

        public static func == (a: Kind, b: Kind) -> Bool {
            switch (a, b) {
            case let (.filter(x), .filter(y)): return x == y
            case let (.derive(x), .derive(y)), let (.summarize(x), .summarize(y)): return x == y
            case let (.select(x), .select(y)), let (.drop(x), .drop(y)), let (.groupBy(x), .groupBy(y)),
                 let (.distinct(x), .distinct(y)): return x == y
            case let (.rename(x), .rename(y)):
                return x.count == y.count && zip(x, y).allSatisfy { $0.from == $1.from && $0.to == $1.to }
            case let (.sort(x), .sort(y)): return x == y
            case let (.take(x), .take(y)), let (.union(x), .union(y)): return x == y
            case let (.join(k1, t1, o1), .join(k2, t2, o2)): return k1 == k2 && t1 == t2 && o1 == o2
            case let (.pivotWider(n1, v1), .pivotWider(n2, v2)): return n1 == n2 && v1 == v2
            case let (.pivotLonger(c1, e1, i1, v1), .pivotLonger(c2, e2, i2, v2)): return c1 == c2 && e1 == e2 && i1 == i2 && v1 == v2
            case let (.complete(c1, f1, t1, b1), .complete(c2, f2, t2, b2)): return c1 == c2 && f1 == f2 && t1 == t2 && b1 == b2
            default: return false
            }
        }
    }

    public var kind: Kind
    public var span: Span
    public init(_ kind: Kind, _ span: Span) { self.kind = kind; self.span = span }

    /// The deepest expression in the step (see `Expr.height`).
    public var height: Int {
        func most(_ items: [Expr]) -> Int { items.reduce(0) { max($0, $1.height) } }
        switch kind {
        case .filter(let e), .take(let e), .join(_, let e, _), .union(let e): return e.height
        case .derive(let items), .summarize(let items): return most(items.map(\.expr))
        case .sort(let keys): return most(keys.map(\.expr))
        case .select, .drop, .rename, .groupBy, .distinct, .pivotWider, .pivotLonger: return 0
        case .complete(_, let from, let to, _): return max(from?.height ?? 0, to?.height ?? 0)
        }
    }

    /// The word that names this step in messages.
    public var word: String {
        switch kind {
        case .filter: return "where"
        case .derive: return "derive"
        case .select: return "select"
        case .drop: return "drop"
        case .rename: return "rename"
        case .groupBy: return "group by"
        case .summarize: return "summarize"
        case .sort: return "sort"
        case .take: return "take"
        case .join: return "join"
        case .union: return "union"
        case .distinct: return "distinct"
        case .pivotWider: return "pivot wider"
        case .pivotLonger: return "pivot longer"
        case .complete: return "complete"
        }
    }
}

extension Step {
    /// The step with every expression in it rewritten (see `Expr.rewritten`).
    public func rewritten(_ replace: (Expr) -> Expr?) -> Step {
        func r(_ x: Expr) -> Expr { x.rewritten(replace) }
        func named(_ items: [NamedExpr]) -> [NamedExpr] { items.map { NamedExpr(name: $0.name, expr: r($0.expr), window: $0.window) } }
        switch kind {
        case .filter(let e): return Step(.filter(r(e)), span)
        case .derive(let items): return Step(.derive(named(items)), span)
        case .summarize(let items): return Step(.summarize(named(items)), span)
        case .sort(let keys): return Step(.sort(keys.map { SortKey(expr: r($0.expr), descending: $0.descending) }), span)
        case .take(let e): return Step(.take(r(e)), span)
        case .join(let k, let t, let keys): return Step(.join(k, r(t), keys), span)
        case .union(let t): return Step(.union(r(t)), span)
        case .select, .drop, .rename, .groupBy, .distinct, .pivotWider, .pivotLonger: return self
        case .complete(let c, let from, let to, let by): return Step(.complete(c, from: from.map(r), to: to.map(r), by: by), span)
        }
    }
}

/// `name: value` option of `load … with`.
public struct Option: Equatable, Sendable {
    public var name: Name
    public var value: Expr
    public init(name: Name, value: Expr) { self.name = name; self.value = value }
}

/// An `indicator NAME { … }` block: the logical definition, computed when referenced.
public struct IndicatorDecl: Equatable, Sendable {
    public var name: Name
    /// Descriptive fields: code, goal, target, title, unit, source, series, custodian, definition, method.
    public var metadata: [(key: Name, value: Expr)]
    public var data: Expr?
    public var numerator: Expr?
    public var denominator: Expr?
    public var value: Expr?
    public var scale: Expr?
    public var by: [Name]
    /// Dimensions that get `_T` total rows; all of `by` when `totals: true`.
    public var totals: [Name]
    /// Rules on each result row; `require` rules stop the script when broken.
    public var checks: [(expr: Expr, fatal: Bool)]
    /// `where:` — which records count, written in the definition's own column names.
    public var filter: Expr?
    /// A library definition's column names that each use must supply (`needs: cost, income`).
    public var needs: [Name] = []
    /// `indicator mine = BASE { … }`: the definition this one is made from.
    public var base: Name?
    /// `columns: cost = recruitment_cost_usd`: the user's column for each name the base needs.
    public var columnMap: [(need: Name, column: Name)] = []
    /// After instantiation: each needed name and the user's column that supplies it.
    public var suppliedColumns: [(need: String, column: Name)] = []
    /// `weight: w  strata: region  cluster: psu`: the records are a sample; each cell gets its
    /// sampling error (se, ci_low, ci_high, cv) by Taylor linearisation.
    public var weight: Name?
    public var strata: Name?
    public var cluster: Name?
    /// `fpc: N`: each stratum's population size (of clusters, or of records without clusters), or
    /// its sampling fraction when every value is at most 1: the finite population correction.
    public var fpc: Name?
    /// `level: 0.9` (default 0.95) for the confidence interval; `flag: cv > 0.3` marks cells.
    public var level: Expr?
    /// `df: design` (each cell's clusters minus strata) or `df: 30`: the intervals use Student's t
    /// with these degrees of freedom instead of the normal quantile (R's `df =`; svyquantile's default
    /// over svyby domains is the domain's own).
    public var df: Expr?
    public var flag: Expr?
    /// `suppress: cv > 0.3`: cells too unreliable to publish lose their value (kept as na, marked).
    public var suppress: Expr?
    public var span: Span

    /// `df: design`: each cell's degrees of freedom come from the design.
    public static func isDesignDegrees(_ e: Expr) -> Bool {
        if case .name("design") = e.kind { return true }
        return false
    }

    /// A library definition: it names the columns it needs and gets its data where it is used.
    public var isTemplate: Bool { data == nil && base == nil && !needs.isEmpty }

    public init(name: Name, span: Span) {
        self.name = name
        self.span = span
        self.metadata = []
        self.by = []
        self.totals = []
        self.checks = []
    }

    public static func == (a: IndicatorDecl, b: IndicatorDecl) -> Bool {
        a.name == b.name && a.data == b.data && a.numerator == b.numerator && a.denominator == b.denominator
            && a.value == b.value && a.scale == b.scale && a.by == b.by && a.totals == b.totals
            && a.metadata.count == b.metadata.count && zip(a.metadata, b.metadata).allSatisfy { $0.key == $1.key && $0.value == $1.value }
            && a.checks.count == b.checks.count && zip(a.checks, b.checks).allSatisfy { $0.expr == $1.expr && $0.fatal == $1.fatal }
            && a.filter == b.filter && a.needs == b.needs && a.base == b.base
            && a.columnMap.count == b.columnMap.count && zip(a.columnMap, b.columnMap).allSatisfy { $0.need == $1.need && $0.column == $1.column }
            && a.weight == b.weight && a.strata == b.strata && a.cluster == b.cluster && a.fpc == b.fpc && a.level == b.level && a.df == b.df && a.flag == b.flag && a.suppress == b.suppress
    }
}

/// One rule of a `check` block (VTL's datapoint and hierarchy rules, plus keys and time series).
public struct CheckRule: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// `rule: cond` — every row satisfies the condition.
        case row(Expr)
        /// `unique: a, b` — no two rows share these keys.
        case unique([Name])
        /// `total: _T = F + M in sex on value [by k, …] [within 0.5]` — the total row equals the sum of its parts
        /// among rows that agree on every other column (or on the `by` columns); `others` = every other code.
        case total(code: Expr, parts: [Expr]?, dimension: Name, measure: Name, by: [Name], tolerance: Expr?)
        /// `gaps: year by country` — no year missing between a series' first and last year.
        case gaps(time: Name, by: [Name])
    }
    public var kind: Kind
    /// `require …` rules stop the script when broken; the others are warnings.
    public var fatal: Bool
    public var span: Span
    public init(_ kind: Kind, fatal: Bool, span: Span) { self.kind = kind; self.fatal = fatal; self.span = span }
}

/// `plot SOURCE over X by G as KIND to PATH with OPTIONS`.
public struct PlotStmt: Equatable, Sendable {
    public var source: Expr
    public var x: Name
    public var by: [Name]
    public var kind: Name?
    public var to: Expr?
    public var options: [Option]
    public init(source: Expr, x: Name, by: [Name], kind: Name?, to: Expr?, options: [Option]) {
        self.source = source; self.x = x; self.by = by; self.kind = kind; self.to = to; self.options = options
    }
}

public struct Stmt: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case load(Name, path: Expr, options: [Option])
        case letBinding(Name, Expr)
        case param(Name, Expr)
        case function(Name, params: [Name], body: Expr)
        case show(Expr)
        case describe(Expr)
        /// `show EXPR with decimals: 5, thousands: true`: shown with these display options.
        case showWith(Expr, options: [Option])
        /// `explain INDICATOR` or `explain PIPELINE`: what it computes, in words.
        case explain(Expr)
        /// `export VALUE to "file" [with delimiter: ";", bom: true]`
        case export(Expr, to: Expr, options: [Option])
        case use(Name)
        case indicator(IndicatorDecl)
        /// `check TABLE { rule … }`: consistency rules over rows and across rows.
        case check(Expr, rules: [CheckRule])
        /// `let NAME = check TABLE { … }`: the check, and its findings bound as a table.
        case checkBinding(Name, Expr, rules: [CheckRule])
        /// `design survey { weight: w  strata: region  cluster: psu }`: the sample design of a
        /// dataset, given to every indicator over it (and over what `let` makes from it).
        case design(Name, weight: Name, strata: Name?, cluster: Name?, fpc: Name?)
        /// `plot SOURCE over X [by G, …] [as line|bar|point] [to "f.svg"] [with title: …]`
        case plot(PlotStmt)
        /// `report to "out/report.html" [with title: "…"]`: what the script showed, as one HTML file.
        case report(to: Expr, options: [Option])
        case expression(Expr)

        public static func == (a: Kind, b: Kind) -> Bool {
            switch (a, b) {
            case let (.load(n1, p1, o1), .load(n2, p2, o2)): return n1 == n2 && p1 == p2 && o1 == o2
            case let (.letBinding(n1, e1), .letBinding(n2, e2)), let (.param(n1, e1), .param(n2, e2)): return n1 == n2 && e1 == e2
            case let (.function(n1, p1, b1), .function(n2, p2, b2)): return n1 == n2 && p1 == p2 && b1 == b2
            case let (.show(x), .show(y)), let (.describe(x), .describe(y)), let (.explain(x), .explain(y)), let (.expression(x), .expression(y)): return x == y
            case let (.export(x1, t1, o1), .export(x2, t2, o2)): return x1 == x2 && t1 == t2 && o1 == o2
            case let (.use(x), .use(y)): return x == y
            case let (.indicator(x), .indicator(y)): return x == y
            case let (.check(t1, r1), .check(t2, r2)): return t1 == t2 && r1 == r2
            case let (.showWith(x, o1), .showWith(y, o2)): return x == y && o1 == o2
            case let (.checkBinding(n1, t1, r1), .checkBinding(n2, t2, r2)): return n1 == n2 && t1 == t2 && r1 == r2
            case let (.design(n1, w1, s1, c1, f1), .design(n2, w2, s2, c2, f2)): return n1 == n2 && w1 == w2 && s1 == s2 && c1 == c2 && f1 == f2
            case let (.plot(a), .plot(b)): return a == b
            case let (.report(t1, o1), .report(t2, o2)): return t1 == t2 && o1 == o2
            default: return false
            }
        }
    }

    public var kind: Kind
    public var span: Span
    public init(_ kind: Kind, _ span: Span) { self.kind = kind; self.span = span }
}

/// A parsed source: its statements and the problems found while parsing.
public struct Program: Sendable {
    public var statements: [Stmt]
    public var diagnostics: [Diagnostic]
    public var file: SourceFile
}

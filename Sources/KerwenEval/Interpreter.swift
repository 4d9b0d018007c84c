// Runs statements against an environment of datasets, variables, functions and indicators.

import Foundation
import KerwenData
import KerwenDiagnostics
import KerwenSema
import KerwenSyntax
import KerwenFormats
import KerwenCharts
import KerwenPlan

/// What a statement produced for the user; the output layer decides how it looks.
public enum OutputEvent: Sendable {
    case value(Value, source: String)
    /// `show … with decimals: N, thousands: true`: a value with its own display options.
    case valueShown(Value, source: String, display: DisplayOptions)
    case describe(Table, name: String)
    case message(Diagnostic)
    case exported(path: String, rows: Int)
    case checkReport([CheckOutcome], subject: String)
    /// `explain`: the plan of what was asked about, for the session to word in its language.
    case explanation(Explanation)
    /// `plot …`: a chart for the terminal.
    case chart(ChartEvent)
    /// `plot … to "f.svg"`: the file written and the points drawn.
    case drawn(path: String, points: Int)
}

/// A user function: its parameters and body, expanded inline at each call.
public struct UserFunction: Sendable {
    public var name: Name
    public var params: [Name]
    public var body: Expr
    /// Whether the body reaches a call of this function (found once, when it is defined).
    public var callsItself = false
    /// The names the body calls (read once, when it is defined: finding whether a function calls
    /// itself follows these, not the bodies again — a chain of thousands of functions was quadratic
    /// in the walks of their bodies).
    public var calls: Set<String> = []
}

public enum Binding: Sendable {
    case value(Value)
    case parameter(Scalar)
    case function(UserFunction)
    case indicator(IndicatorDecl)
}

public final class Interpreter: @unchecked Sendable {
    public var globals: [String: Binding] = [:]
    /// Folder that relative data paths are resolved against.
    public var baseDirectory: URL
    /// `--param NAME=VALUE` texts, applied when the script declares the parameter.
    public var parameterOverrides: [String: String] = [:]
    public var emit: (OutputEvent) -> Void
    /// Loads a module's source for `use`; returns its statements.
    public var moduleLoader: ((Name, Interpreter) throws -> Void)?
    /// Words an explanation in the session's language (for the `explanation` field of JSON exports).
    public var wordExplanation: ((Explanation) -> String)?
    /// The standard library's folder (modules and its data tables such as `sdmx_codes.csv`).
    public var standardLibrary: URL?
    /// Every file this run reads or writes goes through it (the folders of `--sandbox`, if any).
    public var files: FileSystem = LocalFileSystem()
    /// The most memory one result may take (`--max-memory`); a join estimated past it stops first.
    public var memoryLimit = MemoryLimit.standard
    var indicatorCache: [String: IndicatorResult] = [:]
    /// The standard library's country crosswalk, read once when `m49()` and its kin first need it.
    var countryCrosswalkCache: CountryCrosswalk?
    /// SDMX data structures read for `dsd:` and SDMX exports, by path.
    var structureCache: [String: SDMXStructure] = [:]
    var warnings: [Diagnostic] = []
    /// The optimiser passes pipelines run with (all; tests turn them off to see results unchanged).
    public var optimizerPasses = OptimizerPasses.all
    /// For each name, the user functions whose bodies call it (a superset: a function replaced later
    /// stays listed), so a new function that nothing calls is known not to call itself at once.
    var callersOf: [String: Set<String>] = [:]
    /// User-function calls expanded in the current statement (reset by `execute`).
    var inlineCalls = 0
    /// What this run showed, for `report`.
    public var reportLog = ReportLog()
    /// Writes `report to …` (the session sets it: the report is worded and rendered there).
    public var reportWriter: ((ReportRequest) throws -> Void)?

    public init(baseDirectory: URL, emit: @escaping (OutputEvent) -> Void) {
        self.baseDirectory = baseDirectory
        self.emit = emit
    }

    /// The names known to the resolver, with their columns.
    public var scope: Scope {
        var s = Scope()
        for name in globals.keys { s[name] = symbol(name) }
        return s
    }

    /// What the resolver knows of a global: its kind and, for a table, its columns.
    func symbol(_ name: String) -> Symbol? {
        switch globals[name] {
        case .value(let v)?: return Symbol(kind: v.table != nil ? .dataset : .variable, columns: v.table?.names)
        case .parameter?: return Symbol(kind: .parameter)
        case .function(let f)?: return Symbol(kind: .function, arity: f.params.count)
        case .indicator(let d)?: return Symbol(kind: .indicator, columns: d.by.map(\.text) + Resolver.indicatorColumns, decl: d)
        case nil: return nil
        }
    }

    public func execute(_ statements: [Stmt]) throws {
        for s in statements { try execute(s) }
    }

    public func execute(_ stmt: Stmt) throws {
        try Interrupt.check()
        warnings = []
        inlineCalls = 0
        defer { flushWarnings() }
        do {
            try run(stmt)
        } catch var d as Diagnostic {
            if d.span == nil { d.span = stmt.span }
            throw d
        }
    }

    func warn(_ d: Diagnostic) { warnings.append(d) }

    /// Each warning once per statement: a function expanded many times meets the same case at the
    /// same place each time (thousands of identical N002 notes from one `fn sq(x) = x * x`).
    private struct WarningKey: Hashable { let message: Message; let start: Int?, end: Int?; let source: String? }

    private func flushWarnings() {
        var seen: Set<WarningKey> = []
        for w in warnings {
            let key = WarningKey(message: w.message, start: w.span?.start, end: w.span?.end, source: w.span.map { "\($0.source)" })
            if seen.insert(key).inserted { emit(.message(w)) }
        }
        warnings = []
    }

    private func run(_ stmt: Stmt) throws {
        switch stmt.kind {
        case .load(let name, let pathExpr, let options):
            let (path, display) = try resolvePath(pathExpr, for: .read)
            let table = Self.isPattern(display)
                ? try loadMany(pattern: path, display: display, options: options, at: pathExpr.span)
                : try loadTable(path: path, display: display, options: options, at: pathExpr.span)
            if !Self.isPattern(display) { reportLog.note(file: display, path: path) }
            globals[name.text] = .value(.table(table))
            invalidateIndicators()
        case .letBinding(let name, let expr):
            globals[name.text] = .value(try evalValue(expr))
            invalidateIndicators()
        case .param(let name, let expr):
            let value = try evalValue(expr)
            guard case .scalar(let defaultValue) = value else {
                throw Diagnostic(.error, Message("E051", name.text, value.kindWord), at: expr.span)
            }
            var final = defaultValue
            if let text = parameterOverrides[name.text] {
                final = try Parameters.convert(text, like: defaultValue, name: name.text)
            }
            globals[name.text] = .parameter(final)
            invalidateIndicators()
        case .function(let name, let params, let body):
            var function = UserFunction(name: name, params: params, body: body)
            _ = body.rewritten { x in
                if case .call(let n, _) = x.kind { function.calls.insert(n.text) }
                return nil
            }
            function.callsItself = callsItself(function)
            for called in function.calls { callersOf[called, default: []].insert(name.text) }
            globals[name.text] = .function(function)
            invalidateIndicators()
        case .indicator(var decl):
            if let base = decl.base {
                guard case .indicator(let definition)? = globals[base.text] else {
                    if globals[base.text] == nil {
                        throw Diagnostic(.error, Message("E013", base.text), at: base.span, hint: Suggestions.hint(for: base.text, in: indicatorNames))
                    }
                    throw Diagnostic(.error, Message("E082", base.text), at: base.span)
                }
                decl = decl.instantiated(from: definition)
            }
            globals[decl.name.text] = .indicator(decl)
            indicatorCache[decl.name.text] = nil
        case .show(let expr), .expression(let expr):
            let value = try evalValue(expr)
            if case .indicator(let r) = value { reportLog.note(indicator: r.name) }
            // `show t | group by sex` alone shows the rows unchanged: say what `group by` waits for.
            if case .grouped(_, let keys) = value {
                warn(Diagnostic(.note, Message("N008", MessageArgument.names(keys)), at: expr.span, hint: Message("H135")))
            }
            emit(.value(value, source: describeSource(expr)))
        case .showWith(let expr, let options):
            let display = try displayOptions(options)
            let value = try evalValue(expr)
            if case .indicator(let r) = value { reportLog.note(indicator: r.name) }
            emit(.valueShown(value, source: describeSource(expr), display: display))
        case .describe(let expr):
            let value = try evalValue(expr)
            guard let table = value.table else {
                throw Diagnostic(.error, Message("E052", "describe", value.kindWord), at: expr.span)
            }
            emit(.describe(table, name: describeSource(expr)))
        case .explain(let expr):
            emit(.explanation(explanation(of: expr)))
        case .export(let expr, let pathExpr, let options):
            let (path, display) = try resolvePath(pathExpr, for: .write)
            try exportStatement(expr, to: path, shownAs: display, at: pathExpr.span, options: options)
            noteIndicators(in: expr)
        case .use(let module):
            guard let loader = moduleLoader else { throw Diagnostic(.error, Message("E026", module.text), at: module.span) }
            try loader(module, self)
        case .plot(let p):
            try plotStatement(p, span: stmt.span)
        case .report(let path, let options):
            try reportStatement(path, options: options)
        case .design:
            // Applied to the indicators over the dataset before they were resolved (Session.withDesigns).
            break
        case .check(let tableExpr, let rules), .checkBinding(_, let tableExpr, let rules):
            let value = try evalValue(tableExpr)
            guard let table = value.table else {
                throw Diagnostic(.error, Message("E052", "check", value.kindWord), at: tableExpr.span)
            }
            let outcomes = try runCheckRules(rules, on: table)
            reportLog.checks.append((describeSource(tableExpr), outcomes))
            emit(.checkReport(outcomes, subject: describeSource(tableExpr)))
            if case .checkBinding(let name, _, _) = stmt.kind {
                globals[name.text] = .value(.table(Self.findingsTable(outcomes)))
                invalidateIndicators()
            }
            if let broken = outcomes.first(where: { $0.fatal && $0.failed }) {
                throw Diagnostic(.error, Message("E027", broken.rule, broken.failureCount), at: stmt.span)
            }
        }
    }

    func invalidateIndicators() { indicatorCache.removeAll() }

    /// The indicators an `export` wrote (a name, or a list of names), for `report`.
    func noteIndicators(in expr: Expr) {
        switch expr.kind {
        case .name(let n): if case .indicator? = globals[n] { reportLog.note(indicator: n) }
        case .list(let items): for item in items { noteIndicators(in: item) }
        default: break
        }
    }

    var indicatorNames: [String] { globals.compactMap { if case .indicator = $0.value { return $0.key } else { return nil } } }

    func describeSource(_ expr: Expr) -> String {
        switch expr.kind {
        case .name(let n), .variable(let n): return n
        case .pipeline(let s, _): return describeSource(s)
        default: return ""
        }
    }

    /// A string path resolved against the script's folder, and the path as the user wrote it (for messages).
    /// The path a file name in the script leads to (relative to the script's folder), once the
    /// sandbox, if any, has allowed it.
    func resolvePath(_ expr: Expr, for access: FileSandbox.Access) throws -> (path: String, display: String) {
        guard case .scalar(.text(let raw)) = try evalValue(expr) else {
            throw Diagnostic(.error, Message("E053"), at: expr.span)
        }
        let expanded = (raw as NSString).expandingTildeInPath
        let path = expanded.hasPrefix("/") ? expanded : baseDirectory.appendingPathComponent(expanded).standardizedFileURL.path
        do {
            try files.allow(path, shownAs: raw, for: access)
        } catch var d as Diagnostic {
            d.span = expr.span
            throw d
        }
        return (path, raw)
    }
}

// The logical plan of a table expression: a tree of relational operators, each with the columns
// (and their types) it yields.

import KerwenDiagnostics
import KerwenSyntax

public struct PlanNode: Sendable {
    public indirect enum Operator: Sendable {
        /// A table of the session, or of a `load` earlier in the script.
        case dataset(String)
        /// The rows a `load` reads: the file as written and its options.
        case scan(path: String, options: [(name: String, value: String)])
        /// A table that only an expression gives (`t.column`, an indicator named through a variable).
        case value(BoundExpr)
        /// `where`: rows for which the condition is true. `asMask`: the optimiser found the rows can
        /// stay where they are, as a mask the next `summarize` (or the indicator) reads, instead of
        /// being copied.
        case filter(PlanNode, BoundExpr, asMask: Bool)
        case derive(PlanNode, [(name: String, expr: BoundExpr)])
        /// `select` or `pruned` (the optimiser found no later step reads the others): the columns kept;
        /// `drop`: the columns dropped.
        case project(PlanNode, [String], why: ProjectionReason)
        case rename(PlanNode, [(from: String, to: String)])
        /// `group by` not followed by `summarize` (a grouped table, shown as such).
        case group(PlanNode, keys: [String])
        /// `group by … | summarize …`, or `summarize` alone (one row).
        case aggregate(PlanNode, keys: [String], [(name: String, expr: BoundExpr)])
        /// `sort`; `limit`: the optimiser folded a `take` after it into a top-n.
        case sort(PlanNode, [(expr: BoundExpr, descending: Bool)], limit: BoundExpr?)
        case limit(PlanNode, BoundExpr)
        case join(JoinKind, PlanNode, PlanNode, keys: [(left: String, right: String)])
        case union(PlanNode, PlanNode)
        case distinct(PlanNode, [String])
        /// `pivot wider` / `pivot longer`: a table reshaped (wider's new columns are known when it runs).
        case pivot(PlanNode, PivotShape)
        /// An indicator's result table (its plan is the indicator statement's).
        case indicatorResult(String)
        /// A library definition's records: the columns each use must supply.
        case libraryInput(needs: [String])
    }

    public enum ProjectionReason: String, Sendable { case select, drop, pruned }

    public enum PivotShape: Sendable {
        case wider(names: [String], values: String)
        case longer(columns: [String], except: Bool, into: String, value: String)
        /// `complete year by country`: the same columns, a row for every year of every group (from
        /// and to the bounds, when given).
        case complete(column: String, by: [String], from: BoundExpr?, to: BoundExpr?)
    }

    public var op: Operator
    /// The columns this node yields, in order; nil when they are not known before the script runs
    /// (a file that cannot be read yet, a name inside a function body).
    public var columns: [PlanColumn]?
    public var span: Span
    /// For a source (a dataset, an indicator, a table from an expression): the expression as written.
    public var source: Expr?
    /// The steps as written that this node does (two where the optimiser or binder folded them:
    /// `group by` + `summarize`, `sort` + `take`): the evaluator runs their kernels.
    public var steps: [Step] = []

    public init(_ op: Operator, columns: [PlanColumn]?, span: Span, source: Expr? = nil, steps: [Step] = []) {
        self.op = op
        self.columns = columns
        self.span = span
        self.source = source
        self.steps = steps
    }

    public func column(_ name: String) -> PlanColumn? { columns?.first { $0.name == name } }

    /// These columns of this node, in the order asked, typed where the node has them (one pass
    /// with a dictionary: a projection of thousands of columns is not a search per column).
    func columns(named names: [String]) -> [PlanColumn] {
        guard let columns else { return names.map { PlanColumn($0, .unknown) } }
        if names.count < 16 { return names.map { n in column(n) ?? PlanColumn(n, .unknown) } }
        var type: [String: PlanType] = [:]
        for c in columns where type[c.name] == nil { type[c.name] = c.type }
        return names.map { PlanColumn($0, type[$0] ?? .unknown) }
    }

    /// This node's columns worked out again from its inputs' (after a rewrite changed them).
    func recomputingColumns() -> PlanNode {
        var out = self
        let first = inputs.first?.columns
        switch op {
        case .dataset, .scan, .value, .indicatorResult, .libraryInput, .aggregate: return self
        case .filter, .sort, .limit, .group: out.columns = first
        case .derive(_, let items):
            out.columns = first.map { cols in items.reduce(cols) { Binder.setting(PlanColumn($1.name, $1.expr.type), in: $0) } }
        case .project(let input, let names, let why):
            if why == .drop {
                out.columns = first?.filter { !names.contains($0.name) }
            } else {
                out.columns = input.columns(named: names)
            }
        case .rename(_, let pairs):
            out.columns = first?.map { c in PlanColumn(pairs.first { $0.from == c.name }?.to ?? c.name, c.type) }
        case .join(_, let l, let r, let keys):
            out.columns = Binder.joined(l.columns, r.columns, rightKeys: Set(keys.map(\.right)))
        case .union: break
        case .distinct(let input, let names):
            out.columns = names.isEmpty ? first : input.columns(named: names)
        case .pivot(let input, let shape):
            out.columns = Self.pivoted(input.columns, shape)
        }
        return out
    }

    /// The nodes this one reads, left to right.
    public var inputs: [PlanNode] {
        switch op {
        case .dataset, .scan, .value, .indicatorResult, .libraryInput: return []
        case .filter(let i, _, _), .derive(let i, _), .project(let i, _, _), .rename(let i, _), .group(let i, _),
             .aggregate(let i, _, _), .sort(let i, _, _), .limit(let i, _), .distinct(let i, _), .pivot(let i, _):
            return [i]
        case .join(_, let l, let r, _), .union(let l, let r): return [l, r]
        }
    }
}

/// An indicator as data: what it reads, which records count, how each cell is computed, which totals
/// are added and which rules each result row must satisfy.
public struct IndicatorPlan: Sendable {
    public var name: String
    /// `code: "10.c.1"`, `unit: "percent"`, … as written (values that are not literals are computed
    /// when the indicator is).
    public var metadata: [(key: String, value: BoundExpr)]
    /// The records: the `data:` pipeline, without the `where` steps that end it (they are `filters`).
    public var data: PlanNode
    /// Which records count: the trailing `where` steps of `data:` and the indicator's `where:`.
    public var filters: [BoundExpr]
    /// The same conditions as written (the evaluator computes their masks).
    public var filterSources: [Expr]
    public var numerator: BoundExpr?
    public var denominator: BoundExpr?
    public var value: BoundExpr?
    /// Columns a record must have (not `na`) to count: every column the measures read, except inside
    /// a function that handles missing values (`coalesce`, `is_na`).
    public var completeCaseInputs: [String]
    public var scale: BoundExpr?
    /// The `by:` dimensions, with their types.
    public var dimensions: [PlanColumn]
    /// The levels of the totals cube: each is the set of dimensions shown as `_T` (the first, empty,
    /// is the finest cells).
    public var totalsCube: [[String]]
    public var checks: [(rule: BoundExpr, fatal: Bool)]
    /// `indicator mine = BASE { … }`: the library definition this one is made from.
    public var base: String?
    /// The definition as written (with a base's fields filled in), for the statements after it.
    public var decl: IndicatorDecl
    /// A sample design's weight, strata and cluster columns (read, and required of each record).
    public var designColumns: [String] = []

    /// Columns of the records the indicator reads: its dimensions, and what its filters and measures read.
    public var columnsRead: Set<String> {
        var reading = Set(dimensions.map(\.name)).union(designColumns)
        for m in filters + [numerator, denominator, value].compactMap({ $0 }) { reading.formUnion(m.columnsRead) }
        return reading
    }

    /// The result's columns: the dimensions (as text where totals add `_T`), then the measures.
    public var resultColumns: [PlanColumn] {
        let totalled = Set(totalsCube.flatMap { $0 })
        var valueType = value?.type ?? (denominator != nil ? .number : numerator?.type ?? .unknown)
        if scale != nil || valueType == .unknown && value == nil { valueType = .number }
        return dimensions.map { totalled.contains($0.name) ? PlanColumn($0.name, .text) : $0 }
            + [PlanColumn("value", valueType), PlanColumn("numerator", numerator?.type ?? .number),
               PlanColumn("denominator", denominator?.type ?? .number),
               PlanColumn("n", .integer), PlanColumn("n_missing", .integer)]
            + (designColumns.isEmpty ? [] : ["se", "ci_low", "ci_high", "cv", "deff"].map { PlanColumn($0, .number) })
            + (decl.flag != nil && !designColumns.isEmpty ? [PlanColumn("flagged", .boolean)] : [])
            + (decl.suppress != nil && !designColumns.isEmpty ? [PlanColumn("suppressed", .boolean)] : [])
    }
}

extension PlanNode {
    /// The columns after a pivot: `longer` keeps the identifying columns and adds the name (text)
    /// and the value (the common type of the columns it gathers); `wider`'s are known when it runs.
    static func pivoted(_ columns: [PlanColumn]?, _ shape: PivotShape) -> [PlanColumn]? {
        if case .complete = shape { return columns }
        guard let columns, case .longer(let listed, let except, let into, let value) = shape else { return nil }
        let set = Set(listed)
        let gathered = columns.filter { except ? !set.contains($0.name) : set.contains($0.name) }
        let ids = columns.filter { except ? set.contains($0.name) : !set.contains($0.name) }
        let type = gathered.map(\.type).reduce(PlanType.na, PlanType.common)
        return ids + [PlanColumn(into, .text), PlanColumn(value, type)]
    }
}

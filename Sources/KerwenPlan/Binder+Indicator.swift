// Binding an indicator: its records, which of them count, its measures per cell, the totals cube and
// the rules on each result row, written down as data (`IndicatorPlan`).

import KerwenDiagnostics
import KerwenSema
import KerwenSyntax

extension Binder {
    /// `instantiate`: the definition is as written (`indicator mine = BASE { … }` is made from BASE
    /// here); false for one the session already made (its base's fields are in it).
    public mutating func bindIndicator(_ written: IndicatorDecl, instantiate: Bool = true) -> IndicatorPlan {
        var decl = written
        if instantiate, let base = decl.base, let definition = globalNamed(base.text)?.indicator { decl = decl.instantiated(from: definition) }
        // `where` steps that end `data:` choose records (a mask), as the indicator's own `where:` does.
        var data: PlanNode
        var filterExprs: [Expr] = []
        if decl.isTemplate {
            data = PlanNode(.libraryInput(needs: decl.needs.map(\.text)), columns: decl.needs.map { PlanColumn($0.text, .unknown) }, span: decl.span)
        } else if let dataExpr = decl.data {
            if case .pipeline(let source, let steps) = dataExpr.kind {
                var head = steps
                while let last = head.last, case .filter(let cond) = last.kind { filterExprs.insert(cond, at: 0); head.removeLast() }
                if let last = head.last, case .groupBy = last.kind { head = steps; filterExprs = [] }
                data = bindSteps(bindTable(source), head)
            } else {
                data = bindTable(dataExpr)
            }
        } else {
            data = PlanNode(.value(BoundExpr(.literal(.na), .unknown, decl.span)), columns: nil, span: decl.span)
        }
        if let f = decl.filter { filterExprs.append(f) }
        let columns = data.columns
        var filters: [BoundExpr] = []
        for f in filterExprs {
            dollarNames = f.dollarNames
            filters.append(bind(f, .rows(columns)))
            dollarNames = []
        }
        let dims = decl.by.map(\.text)
        func measure(_ e: Expr?) -> BoundExpr? {
            guard let e else { return nil }
            dollarNames = e.dollarNames
            defer { dollarNames = [] }
            return bind(e, .groups(columns, keys: dims))
        }
        let numerator = measure(decl.numerator), denominator = measure(decl.denominator), value = measure(decl.value)
        var totals = decl.totals.map(\.text)
        if totals == ["*"] { totals = dims }
        var cube: [[String]] = [[]]
        for t in totals { cube += cube.map { $0 + [t] } }
        var plan = IndicatorPlan(
            name: decl.name.text,
            metadata: decl.metadata.map { (key: $0.key.text, value: bind($0.value, .plain)) },
            data: data, filters: filters, filterSources: filterExprs, numerator: numerator, denominator: denominator, value: value,
            completeCaseInputs: Self.completeCaseInputs([numerator, denominator, value].compactMap { $0 }, columns: columns),
            scale: decl.scale.map { bind($0, .plain) },
            dimensions: dims.map { d in data.column(d) ?? PlanColumn(d, .unknown) },
            totalsCube: cube, checks: [], base: decl.base?.text, decl: decl)
        if decl.weight != nil {
            plan.designColumns = [decl.weight, decl.strata, decl.cluster, decl.fpc].compactMap { $0?.text }
            plan.completeCaseInputs += plan.designColumns.filter { !plan.completeCaseInputs.contains($0) }
        }
        let result = plan.resultColumns
        plan.checks = decl.checks.map { c in
            dollarNames = c.expr.dollarNames
            defer { dollarNames = [] }
            return (bind(c.expr, .rows(result)), c.fatal)
        }
        return plan
    }

    /// The columns a record must have to count: every column a measure reads, except where a
    /// function handles missing values (`coalesce(x, 0)`, `is_na(x)`); only columns of the records.
    /// Through user functions, what the body reads counts: an argument the body never reads, or
    /// reads only inside `coalesce`, does not. Each argument is walked once per call.
    static func completeCaseInputs(_ measures: [BoundExpr], columns: [PlanColumn]?) -> [String] {
        var found = Set<String>()
        // Calls being looked into: each call's arguments and the call it is in (-1: none).
        var frames: [(args: [BoundExpr], parent: Int)] = []
        var walked = Set<[Int]>()
        var stack: [(BoundExpr, frame: Int)] = measures.map { ($0, -1) }
        while let (e, frame) = stack.popLast() {
            switch e.kind {
            case .column(let n), .ambiguous(let n), .deferred(let n, _):
                if columns.map({ $0.contains { $0.name == n } }) ?? true { found.insert(n) }
            case .builtin(let b, _) where b.missing == .handled:
                continue
            case .userFunction(_, let args, let expansion):
                if let expansion {
                    frames.append((args, frame))
                    stack.append((expansion, frames.count - 1))
                } else {
                    stack += args.map { ($0, frame) }
                }
            case .argument(let k):
                guard frame >= 0, k < frames[frame].args.count, walked.insert([frame, k]).inserted else { continue }
                stack.append((frames[frame].args[k], frames[frame].parent))
            default:
                stack += e.children.map { ($0, frame) }
            }
        }
        return found.sorted()
    }
}

// Binding pipelines: a source, then one plan node per step, each with the columns it yields.

import KerwenDiagnostics
import KerwenSema
import KerwenSyntax

extension Binder {
    /// The plan of a table expression (a dataset, an indicator, a pipeline, a member).
    mutating func bindTable(_ e: Expr) -> PlanNode {
        let bound = bind(e, .plain)
        if case .table(var node) = bound.kind {
            if node.inputs.isEmpty { node.source = e }
            return node
        }
        // A function's parameter standing for a table: the columns of the table passed, when known.
        var columns: [PlanColumn]? = nil
        if case .argument(let k) = bound.kind, let frame = argumentColumns.last, k < frame.count { columns = frame[k] }
        return PlanNode(.value(bound), columns: columns, span: e.span, source: e)
    }

    mutating func bindSteps(_ source: PlanNode, _ steps: [Step]) -> PlanNode {
        var node = source
        for step in steps { node = bindStep(step, after: node) }
        return node
    }

    private mutating func bindStep(_ step: Step, after input: PlanNode) -> PlanNode {
        let saved = dollarNames
        defer { dollarNames = saved }
        dollarNames = step.dollarNames
        let columns = input.columns
        func node(_ op: PlanNode.Operator, _ columns: [PlanColumn]?) -> PlanNode { PlanNode(op, columns: columns, span: step.span, steps: [step]) }
        func typed(_ names: [Name]) -> [PlanColumn] { input.columns(named: names.map(\.text)) }
        switch step.kind {
        case .filter(let e):
            return node(.filter(input, bind(e, .rows(columns)), asMask: false), columns)
        case .derive(let items):
            var current = columns
            var bound: [(name: String, expr: BoundExpr)] = []
            for item in items {
                var b = bind(item.expr, .rows(current))
                if let w = item.window {
                    // The order and group columns are read too (pruning keeps them).
                    let column = { (n: Name) in BoundExpr(.column(n.text), current?.first { $0.name == n.text }?.type ?? .unknown, n.span) }
                    b = BoundExpr(.window(b, order: column(w.order), descending: w.descending, by: w.by.map(column)), b.type, b.span)
                }
                bound.append((item.name.text, b))
                current = current.map { Self.setting(PlanColumn(item.name.text, b.type), in: $0) }
            }
            return node(.derive(input, bound), current)
        case .select(let names):
            return node(.project(input, names.map(\.text), why: .select), typed(names))
        case .drop(let names):
            let dropped = Set(names.map(\.text))
            let kept = columns?.filter { !dropped.contains($0.name) }
            return node(.project(input, names.map(\.text), why: .drop), kept)
        case .rename(let pairs):
            let map = pairs.map { (from: $0.from.text, to: $0.to.text) }
            let renamed = columns?.map { c in PlanColumn(map.first { $0.from == c.name }?.to ?? c.name, c.type) }
            return node(.rename(input, map), renamed)
        case .groupBy(let names):
            return node(.group(input, keys: names.map(\.text)), columns)
        case .summarize(let items):
            var source = input, keys: [String] = [], folded: [Step] = []
            if case .group(let inner, let k) = input.op { source = inner; keys = k; folded = input.steps }
            let bound = items.map { (name: $0.name.text, expr: bind($0.expr, .groups(source.columns, keys: keys))) }
            let keyColumns = keys.map { k in source.column(k) ?? PlanColumn(k, .unknown) }
            var out = node(.aggregate(source, keys: keys, bound), keyColumns + bound.map { PlanColumn($0.name, $0.expr.type) })
            out.steps = folded + [step]
            return out
        case .sort(let keys):
            return node(.sort(input, keys.map { (bind($0.expr, .rows(columns)), $0.descending) }, limit: nil), columns)
        case .take(let e):
            return node(.limit(input, bind(e, .plain)), columns)
        case .join(let kind, let table, let keys):
            let right = bindTable(table)
            let pairs = keys.map { (left: $0.left.text, right: $0.right.text) }
            return node(.join(kind, input, right, keys: pairs), Self.joined(columns, right.columns, rightKeys: Set(pairs.map(\.right))))
        case .union(let table):
            let other = bindTable(table)
            let merged = columns.map { cols in cols.map { c in PlanColumn(c.name, PlanType.common(c.type, other.column(c.name)?.type ?? c.type)) } }
            return node(.union(input, other), merged)
        case .distinct(let names):
            return node(.distinct(input, names.map(\.text)), names.isEmpty ? columns : typed(names))
        case .pivotWider(let names, let values):
            let shape = PlanNode.PivotShape.wider(names: names.map(\.text), values: values.text)
            return node(.pivot(input, shape), PlanNode.pivoted(columns, shape))
        case .complete(let column, let from, let to, let by):
            let shape = PlanNode.PivotShape.complete(column: column.text, by: by.map(\.text),
                                                     from: from.map { bind($0, .plain) }, to: to.map { bind($0, .plain) })
            return node(.pivot(input, shape), columns)
        case .pivotLonger(let cols, let except, let into, let value):
            let shape = PlanNode.PivotShape.longer(columns: cols.map(\.text), except: except, into: into.text, value: value.text)
            return node(.pivot(input, shape), PlanNode.pivoted(columns, shape))
        }
    }

    /// Columns after `derive name = …`: replaced where it exists, else added at the end.
    static func setting(_ column: PlanColumn, in columns: [PlanColumn]) -> [PlanColumn] {
        var out = columns
        if let i = out.firstIndex(where: { $0.name == column.name }) { out[i] = column } else { out.append(column) }
        return out
    }

    /// A join's columns: the left's, then the right's other columns (`name_right` where the left has
    /// the name), as the join makes them.
    static func joined(_ left: [PlanColumn]?, _ right: [PlanColumn]?, rightKeys: Set<String>) -> [PlanColumn]? {
        guard let left, let right else { return nil }
        let leftNames = Set(left.map(\.name))
        let others = right.filter { !rightKeys.contains($0.name) }
        return left + others.filter { !leftNames.contains($0.name) } + others.filter { leftNames.contains($0.name) }.map { PlanColumn($0.name + "_right", $0.type) }
    }
}

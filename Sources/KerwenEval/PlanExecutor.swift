// Runs a pipeline from its optimised logical plan: the binder makes the plan over the session's
// names as they are now, the optimiser decides what is pruned, which `where` stays a mask and
// which `sort` keeps only its first rows, and each node runs its steps' kernels.

import KerwenData
import KerwenDiagnostics
import KerwenPlan
import KerwenSyntax

extension Interpreter {
    /// `reading`: the only columns the caller will read from the result (an indicator's inputs).
    func runPipeline(_ source: Expr, _ steps: [Step], reading: Set<String>? = nil) throws -> Value {
        var binder = Binder(lookup: { [unowned self] in self.planGlobal(named: $0) })
        let plan = Optimizer.optimize(binder.bindPipeline(source, steps), reading: reading)
        return try run(plan).value
    }

    /// A node's result, and the rows `where` masks kept when they were not copied (nil: every row).
    func run(_ node: PlanNode) throws -> (value: Value, kept: [Bool]?) {
        try Interrupt.check()
        switch node.op {
        case .dataset, .indicatorResult, .value, .scan, .libraryInput:
            guard let source = node.source else { throw Diagnostic(.error, Message("E052", "data", "na"), at: node.span) }
            return (try eval(source, .plain), nil)
        case .project(let input, let names, .pruned):
            let (value, kept) = try run(input)
            return (Self.pruned(value, keeping: Set(names)), kept)
        case .filter(let input, _, let asMask):
            let (value, kept) = try run(input)
            guard case .filter(let cond) = node.steps[0].kind else { break }
            if asMask, case .table(let t) = value {
                // The filter is a mask: no column is copied here (at 10 M rows a `where` keeping most
                // rows used to copy every column it carried).
                let rows = try withActiveRows(kept) { try mask(cond, t) }
                return (value, kept.map { Self.both($0, rows) } ?? rows)
            }
            return (try stepping(value, node.steps[0]) { try apply(node.steps[0], to: $0, keptRows: kept) }, kept)
        case .derive(let input, _), .project(let input, _, _), .rename(let input, _):
            let (value, kept) = try run(input)
            return (try stepping(value, node.steps[0]) { try apply(node.steps[0], to: $0, keptRows: kept) }, kept)
        case .aggregate(let input, _, _):
            var (value, kept) = try run(input)
            for step in node.steps { value = try apply(step, to: value, keptRows: kept) }
            return (value, nil)
        case .sort(let input, _, _):
            var (value, _) = try run(input)
            let limit = sortLimit(node.steps)
            value = try stepping(value, node.steps[0]) { try apply(node.steps[0], to: $0, sortLimit: limit) }
            for step in node.steps.dropFirst() { value = try stepping(value, step) { try apply(step, to: $0) } }
            return (value, nil)
        case .join(_, let left, let right, _), .union(let left, let right):
            let (value, _) = try run(left)
            let other = try run(right).value
            return (try apply(node.steps[0], to: value, other: other), nil)
        case .group(let input, _), .limit(let input, _), .distinct(let input, _), .pivot(let input, _):
            let (value, _) = try run(input)
            return (try stepping(value, node.steps[0]) { try apply(node.steps[0], to: $0) }, nil)
        }
        throw Diagnostic(.error, Message("E052", node.steps.first?.word ?? "data", "na"), at: node.span)
    }

    /// A step's result; filtering, sorting or cutting an indicator keeps its metadata.
    private func stepping(_ value: Value, _ step: Step, _ body: (Value) throws -> Value) throws -> Value {
        let next = try body(value)
        if case .indicator(var r) = value, case .table(let t) = next, keepsIndicator(step) {
            r.table = t
            return .indicator(r)
        }
        return next
    }

    /// The rows the `take` folded into a `sort` keeps, when its count is a whole number >= 0 (the
    /// sort then keeps only that many, in a heap); nil otherwise (the `take` reports it).
    private func sortLimit(_ steps: [Step]) -> Int? {
        guard steps.count > 1, case .take(let e) = steps[1].kind, case .scalar(.integer(let n))? = try? eval(e, .plain), n >= 0 else { return nil }
        return Int(n)
    }
}

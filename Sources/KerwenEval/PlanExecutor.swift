// Runs a pipeline from its optimised logical plan: the binder makes the plan over the session's
// names as they are now, the optimiser decides what is pruned, which `where` stays a mask and
// which `sort` keeps only its first rows, and each node runs its kernels over its bound expressions.

import KerwenData
import KerwenDiagnostics
import KerwenPlan
import KerwenSyntax

extension Interpreter {
    /// `reading`: the only columns the caller will read from the result (an indicator's inputs).
    func runPipeline(_ source: Expr, _ steps: [Step], reading: Set<String>? = nil) throws -> Value {
        var binder = Binder(lookup: { [unowned self] in self.planGlobal(named: $0) })
        let plan = Optimizer.optimize(binder.bindPipeline(source, steps), reading: reading, passes: optimizerPasses)
        return try run(plan).value
    }

    /// A node's result, and the rows `where` masks kept when they were not copied (nil: every row).
    /// `arguments`: inside a user function's expansion, the call's arguments its parameters stand for.
    /// A pipeline is a chain of nodes with one input each: it is run bottom-up in a loop, not by a
    /// call per step (100,000 steps are a chain that deep); only joins and unions recurse, into
    /// their two inputs.
    func run(_ node: PlanNode, arguments: ArgumentFrame? = nil) throws -> (value: Value, kept: [Bool]?) {
        var chain: [PlanNode] = [node]
        while let last = chain.last, last.inputs.count == 1 { chain.append(last.inputs[0]) }
        var state = try runSource(chain.removeLast(), arguments: arguments)
        while let next = chain.popLast() {
            try Interrupt.check()
            state = try runStep(next, on: state, arguments: arguments)
        }
        return state
    }

    /// A node without a single input: a source, or a join or union of two inputs.
    private func runSource(_ node: PlanNode, arguments: ArgumentFrame?) throws -> (value: Value, kept: [Bool]?) {
        try Interrupt.check()
        switch node.op {
        case .value(let bound):
            return (try eval(bound, EvalScope(.plain, arguments: arguments)), nil)
        case .dataset, .indicatorResult, .scan, .libraryInput:
            guard let source = node.source else { throw Diagnostic(.error, Message("E052", "data", "na"), at: node.span) }
            return (try eval(source, .plain), nil)
        case .join(_, let left, let right, _), .union(let left, let right):
            let value = try run(left, arguments: arguments).value
            let other = try run(right, arguments: arguments).value
            return (try apply(node.steps[0], to: value, plan: node, arguments: arguments, other: other), nil)
        default:
            throw Diagnostic(.error, Message("E052", node.steps.first?.word ?? "data", "na"), at: node.span)
        }
    }

    /// One node over its input's result.
    private func runStep(_ node: PlanNode, on input: (value: Value, kept: [Bool]?), arguments: ArgumentFrame?) throws -> (value: Value, kept: [Bool]?) {
        func scope(_ mode: EvalMode, _ activeRows: [Bool]? = nil) -> EvalScope { EvalScope(mode, activeRows: activeRows, arguments: arguments) }
        var (value, kept) = input
        switch node.op {
        case .project(_, let names, .pruned):
            return (Self.pruned(value, keeping: Set(names)), kept)
        case .filter(_, let cond, let asMask):
            if asMask, case .table(let t) = value {
                // The filter is a mask: no column is copied here (at 10 M rows a `where` keeping most
                // rows used to copy every column it carried).
                let rows = try mask(cond, t, scope: scope(.rows(t), kept))
                return (value, kept.map { Self.both($0, rows) } ?? rows)
            }
            return (try stepping(value, node.steps[0]) { try apply(node.steps[0], to: $0, plan: node, arguments: arguments, keptRows: kept) }, kept)
        case .derive, .project, .rename:
            return (try stepping(value, node.steps[0]) { try apply(node.steps[0], to: $0, plan: node, arguments: arguments, keptRows: kept) }, kept)
        case .aggregate:
            for step in node.steps { value = try apply(step, to: value, plan: node, arguments: arguments, keptRows: kept) }
            return (value, nil)
        case .sort(_, _, let limit):
            // The rows the `take` folded into the sort keeps, when its count is a whole number >= 0
            // (the sort then keeps only that many, in a heap); otherwise the `take` reports it.
            var rows: Int? = nil
            if let limit, case .scalar(.integer(let n))? = try? eval(limit, scope(.plain)), n >= 0 { rows = Int(n) }
            value = try stepping(value, node.steps[0]) { try apply(node.steps[0], to: $0, plan: node, arguments: arguments, sortLimit: rows) }
            for step in node.steps.dropFirst() { value = try stepping(value, step) { try apply(step, to: $0, plan: node, arguments: arguments) } }
            return (value, nil)
        case .group, .limit, .distinct, .pivot:
            return (try stepping(value, node.steps[0]) { try apply(node.steps[0], to: $0, plan: node, arguments: arguments) }, nil)
        case .value, .dataset, .indicatorResult, .scan, .libraryInput, .join, .union:
            // Nodes without a single input are sources (`runSource`).
            throw Diagnostic(.error, Message("E052", node.steps.first?.word ?? "data", "na"), at: node.span)
        }
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

    /// The rows `take` keeps: a whole number >= 0 (E031 otherwise).
    func rowLimit(_ count: BoundExpr, _ scope: EvalScope) throws -> Int {
        guard case .scalar(let s) = try eval(count, scope), case .integer(let n) = s else {
            throw Diagnostic(.error, Message("E031", ArgumentLabel(count).text), at: count.span, hint: Message("H053"))
        }
        guard n >= 0 else { throw Diagnostic(.error, Message("E031", String(n)), at: count.span, hint: Message("H053")) }
        return Int(n)
    }
}

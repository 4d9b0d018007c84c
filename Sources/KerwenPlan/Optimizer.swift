// Optimiser passes: each a plan → plan rewrite, testable alone by printing the plan before and after.

import KerwenData
import KerwenSyntax

public struct OptimizerPasses: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// `sort … | take n` is one top-n: a heap of n rows, nothing sorted whole.
    public static let topN = OptimizerPasses(rawValue: 1)
    /// A `where` whose rows go on (through `derive`, `select`, `drop`, `rename`, `where`) into a
    /// `summarize` stays a mask: no column is copied for it.
    public static let filterAsMask = OptimizerPasses(rawValue: 2)
    /// Columns no later step reads are dropped where they enter (at a dataset, a file, each side of a join).
    public static let projectionPushdown = OptimizerPasses(rawValue: 4)
    public static let all: OptimizerPasses = [.topN, .filterAsMask, .projectionPushdown]
}

public enum Optimizer {
    public static func optimize(_ plans: [StatementPlan], passes: OptimizerPasses = .all) -> [StatementPlan] {
        plans.map { optimize($0, passes: passes) }
    }

    public static func optimize(_ plan: StatementPlan, passes: OptimizerPasses = .all) -> StatementPlan {
        func e(_ x: BoundExpr) -> BoundExpr { optimize(x, passes: passes) }
        var out = plan
        switch plan.kind {
        case .load, .function, .use: break
        case .letBinding(let n, let x): out.kind = .letBinding(name: n, e(x))
        case .param(let n, let x): out.kind = .param(name: n, e(x))
        case .show(let x): out.kind = .show(e(x))
        case .describe(let x): out.kind = .describe(e(x))
        case .explain(let x): out.kind = .explain(e(x))
        case .expression(let x): out.kind = .expression(e(x))
        case .plot(let x, let over, let by): out.kind = .plot(e(x), over: over, by: by)
        case .report: break
        case .export(let x, let to, let options): out.kind = .export(e(x), to: to, options: options)
        case .check(let x, let rules): out.kind = .check(e(x), rules: rules)
        case .checkBinding(let name, let x, let rules): out.kind = .checkBinding(name: name, e(x), rules: rules)
        case .indicator(let ind):
            out.kind = .indicator(optimize(ind, passes: passes))
        }
        return out
    }

    /// An indicator's records are read only for the columns it reads.
    public static func optimize(_ ind: IndicatorPlan, passes: OptimizerPasses = .all) -> IndicatorPlan {
        var out = ind
        out.data = optimize(ind.data, reading: ind.columnsRead, passes: passes)
        return out
    }

    /// A table-valued expression's plan optimised (every column of its result is read).
    static func optimize(_ e: BoundExpr, passes: OptimizerPasses) -> BoundExpr {
        // A user function giving a table: its expansion, as it will run.
        if case .userFunction(let name, let args, let expansion?) = e.kind, case .table = expansion.kind {
            return BoundExpr(.userFunction(name, args, expansion: optimize(expansion, passes: passes)), e.type, e.span)
        }
        guard case .table(let node) = e.kind else { return e }
        return BoundExpr(.table(optimize(node, reading: nil, passes: passes)), e.type, e.span)
    }

    /// `reading`: the columns the reader of the result uses (nil: all of them).
    public static func optimize(_ node: PlanNode, reading: Set<String>? = nil, passes: OptimizerPasses = .all) -> PlanNode {
        var n = node
        if passes.contains(.topN) { n = TopN.rewrite(n) }
        if passes.contains(.filterAsMask) { n = FilterAsMask.rewrite(n, feedsAggregate: false) }
        if passes.contains(.projectionPushdown) { n = ProjectionPushdown.rewrite(n, needed: reading) }
        return n
    }
}

extension PlanNode {
    /// This node with its inputs replaced, in the order `inputs` lists them (its steps and source kept).
    func replacingInputs(_ new: [PlanNode]) -> PlanNode {
        var out = self
        switch op {
        case .dataset, .scan, .value, .indicatorResult, .libraryInput: return self
        case .filter(_, let c, let m): out.op = .filter(new[0], c, asMask: m)
        case .derive(_, let items): out.op = .derive(new[0], items)
        case .project(_, let names, let why): out.op = .project(new[0], names, why: why)
        case .rename(_, let pairs): out.op = .rename(new[0], pairs)
        case .group(_, let keys): out.op = .group(new[0], keys: keys)
        case .aggregate(_, let keys, let items): out.op = .aggregate(new[0], keys: keys, items)
        case .sort(_, let keys, let limit): out.op = .sort(new[0], keys, limit: limit)
        case .limit(_, let n): out.op = .limit(new[0], n)
        case .distinct(_, let names): out.op = .distinct(new[0], names)
        case .pivot(_, let shape): out.op = .pivot(new[0], shape)
        case .join(let kind, _, _, let keys): out.op = .join(kind, new[0], new[1], keys: keys)
        case .union: out.op = .union(new[0], new[1])
        }
        return out
    }
}

/// `sort keys | take n` → `sort keys, first n`.
enum TopN {
    static func rewrite(_ node: PlanNode) -> PlanNode {
        let n = node.replacingInputs(node.inputs.map(rewrite))
        // The count is a value known before the rows are (a literal, a parameter); the evaluator
        // sorts only that many when it is a whole number >= 0, and the `take` reports any other.
        if case .limit(let input, let count) = n.op, case .sort(let source, let keys, nil) = input.op {
            return PlanNode(.sort(source, keys, limit: count), columns: n.columns, span: input.span, steps: input.steps + n.steps)
        }
        return n
    }
}

/// Marks the `where` steps whose rows flow into a `summarize` through steps that keep rows in place.
enum FilterAsMask {
    static func rewrite(_ node: PlanNode, feedsAggregate: Bool) -> PlanNode {
        switch node.op {
        case .aggregate(let input, _, _):
            return node.replacingInputs([rewrite(input, feedsAggregate: true)])
        case .filter(let input, let cond, _):
            var out = node.replacingInputs([rewrite(input, feedsAggregate: feedsAggregate)])
            out.op = .filter(out.inputs[0], cond, asMask: feedsAggregate)
            return out
        case .derive(let input, _), .rename(let input, _):
            return node.replacingInputs([rewrite(input, feedsAggregate: feedsAggregate)])
        case .project(let input, _, let why) where why != .pruned:
            return node.replacingInputs([rewrite(input, feedsAggregate: feedsAggregate)])
        default:
            return node.replacingInputs(node.inputs.map { rewrite($0, feedsAggregate: false) })
        }
    }
}

// Projection pushdown and column lifetimes: from the result back to the sources, the columns each
// step needs; where a table enters the plan (a dataset, a file, each side of a join) and after each
// step whose output holds columns no later step reads, the others are dropped (a lower peak on big
// tables: after `derive x = a / b`, `a` and `b` are not carried through the grouping).

import KerwenSyntax

enum ProjectionPushdown {
    /// `needed`: the columns read above this node (nil: every column).
    static func rewrite(_ node: PlanNode, needed: Set<String>?) -> PlanNode {
        cut(rewritingInputs(node, needed: needed), to: needed)
    }

    /// The node under a projection to the needed columns, when it yields others.
    private static func cut(_ node: PlanNode, to needed: Set<String>?) -> PlanNode {
        guard let needed, let columns = node.columns else { return node }
        switch node.op {
        // A selection is already exact; a grouped table keeps its keys; a library's input is each use's.
        case .project(_, _, let why) where why != .drop: return node
        case .group, .libraryInput: return node
        default: break
        }
        let kept = columns.filter { needed.contains($0.name) }
        guard kept.count < columns.count else { return node }
        return PlanNode(.project(node, kept.map(\.name), why: .pruned), columns: kept, span: node.span)
    }

    private static func rewritingInputs(_ node: PlanNode, needed: Set<String>?) -> PlanNode {
        switch node.op {
        case .dataset, .scan, .value, .indicatorResult, .libraryInput:
            return node
        case .join(_, let left, let right, let keys):
            var leftNeeded: Set<String>? = nil, rightNeeded: Set<String>? = nil
            if let needed {
                // The left keeps its keys, what is read later, and any name a later `name_right` is made from.
                let suffixed = needed.compactMap { $0.hasSuffix("_right") ? String($0.dropLast(6)) : nil }
                leftNeeded = needed.union(keys.map(\.left)).union(suffixed)
                let leftNames = Set(left.columns?.map(\.name) ?? [])
                if left.columns != nil {
                    rightNeeded = Set(keys.map(\.right)).union(needed.filter { !leftNames.contains($0) }).union(suffixed)
                }
            }
            return node.replacingInputs([rewrite(left, needed: leftNeeded), rewrite(right, needed: rightNeeded)]).recomputingColumns()
        case .pivot:
            // Every column of its input is an identifier, a name or a value of the reshaped table.
            return node.replacingInputs(node.inputs.map { rewrite($0, needed: nil) })
        case .union, .distinct:
            if case .distinct(_, let names) = node.op, !names.isEmpty {
                return node.replacingInputs([rewrite(node.inputs[0], needed: Set(names))]).recomputingColumns()
            }
            return node.replacingInputs(node.inputs.map { rewrite($0, needed: nil) })
        case .project(let input, _, let why) where why != .drop:
            // A selection cuts its input itself: no second cut under it.
            return node.replacingInputs([rewritingInputs(input, needed: neededBelow(node, above: needed))]).recomputingColumns()
        default:
            return node.replacingInputs([rewrite(node.inputs[0], needed: neededBelow(node, above: needed))]).recomputingColumns()
        }
    }

    /// The columns a one-input node needs from its input, given those read above it.
    static func neededBelow(_ node: PlanNode, above: Set<String>?) -> Set<String>? {
        var needed = above
        func add(_ names: Set<String>) { if needed != nil { needed!.formUnion(names) } }
        switch node.op {
        case .aggregate(_, let keys, let items):
            needed = items.reduce(into: Set(keys)) { $0.formUnion($1.expr.columnsRead) }
        case .project(_, let names, let why):
            // `drop` names the columns it drops (it checks they are there); the others name what they keep.
            if why == .drop { add(Set(names)) } else { needed = Set(names) }
        case .group(_, let keys):
            add(Set(keys))
        case .derive(_, let items):
            for item in items.reversed() where needed != nil {
                needed!.remove(item.name)
                needed!.formUnion(item.expr.columnsRead)
            }
        case .filter(_, let cond, _):
            add(cond.columnsRead)
        case .sort(_, let keys, _):
            for k in keys { add(k.expr.columnsRead) }
        case .limit:
            break
        case .rename(_, let pairs):
            // All at once, as the step renames (`rename a to b, b to a` swaps).
            if let after = needed {
                var before = Set<String>()
                for n in after { before.insert(pairs.first { $0.to == n }?.from ?? n) }
                needed = before.union(pairs.map(\.from))
            }
        default:
            needed = nil
        }
        return needed
    }
}

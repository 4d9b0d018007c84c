// The words for the parts of a plan: aggregates ("the sum of `fee`"), conditions ("`amount` is
// above 0"), the records a pipeline gives ("the rows of `survey` where …, grouped by …"). What has
// no words (a formula inside an aggregate, a user function) is shown as the Kerwen source it is.

import KerwenData
import KerwenDiagnostics
import KerwenSyntax

extension Explainer {
    /// A measure: aggregates and arithmetic between them in words, the rest as code.
    func phrase(_ e: BoundExpr) -> String {
        switch e.kind {
        case .builtin(let b, let args) where b.kind == .aggregate:
            return aggregate(b.name, args) ?? code(e)
        case .binary(let op, let l, let r) where l.hasAggregate || r.hasAggregate:
            let key: String? = [.divide: "X.div", .multiply: "X.mul", .add: "X.add", .subtract: "X.sub"][op]
            return key.map { word($0, phrase(l), phrase(r)) } ?? code(e)
        case .userFunction(let name, let args, _):
            return word("X.user_function", "`\(name)`", args.map(phrase).joined(separator: ", "))
        default:
            return operand(e)
        }
    }

    private func aggregate(_ name: String, _ args: [BoundExpr]) -> String? {
        let x = args.first.map(operand) ?? ""
        switch (name, args.count) {
        case ("count", 0): return word("X.f.count_rows")
        case ("count", 1): return word("X.f.count", x)
        case ("share", 1): return word("X.f.share", condition(args[0]))
        case ("share", 2): return word("X.f.share_weighted", condition(args[0]), operand(args[1]))
        case ("wmean", 2), ("wsum", 2): return word("X.f." + name, x, operand(args[1]))
        case ("quantile", 2): return word("X.f.quantile", operand(args[1]), x)
        case ("sum", 1), ("mean", 1), ("median", 1), ("min", 1), ("max", 1), ("sd", 1), ("var", 1),
             ("n_distinct", 1), ("first", 1), ("last", 1):
            return word("X.f." + name, x)
        default: return nil
        }
    }

    /// A value inside a measure or a condition: a column, a literal, `if … then … else …` in words.
    func operand(_ e: BoundExpr) -> String {
        switch e.kind {
        case .column(let n), .ambiguous(let n), .deferred(let n, _): return "`\(n)`"
        case .literal(let s):
            if case .text(let t) = s { return "\"\(t)\"" }
            return ScalarFormat.plain(s)
        case .global(let n, _): return "`$\(n)`"
        case .conditional(let c, let t, let f): return "(" + word("X.if", operand(t), condition(c), operand(f)) + ")"
        case .builtin(let b, _) where b.kind == .aggregate: return phrase(e)
        default: return code(e)
        }
    }

    /// A condition in words: comparisons, `between`, `in`, missing values, `and`, `or`, `not`.
    func condition(_ e: BoundExpr) -> String {
        switch e.kind {
        case .binary(.and, let l, let r): return word("X.both", condition(l), condition(r))
        case .binary(.or, let l, let r): return word("X.either", condition(l), condition(r))
        case .binary(let op, let l, let r) where op.isComparison:
            let key = [.equal: "X.eq", .notEqual: "X.ne", .less: "X.lt", .lessEqual: "X.le",
                       .greater: "X.gt", .greaterEqual: "X.ge"][op]!
            return word(key, operand(l), operand(r))
        case .between(let x, let lo, let hi): return word("X.between", operand(x), operand(lo), operand(hi))
        case .isIn(let x, let items): return word("X.in", operand(x), items.map(operand).joined(separator: ", "))
        case .builtin(let b, let args) where b.name == "is_na" && args.count == 1: return word("X.is_na", operand(args[0]))
        case .unary(.not, let x):
            if case .builtin(let b, let args) = x.kind, b.name == "is_na", args.count == 1 { return word("X.not_na", operand(args[0])) }
            return word("X.not", condition(x))
        default: return code(e)
        }
    }

    /// Where rows come from, in words: "the rows of `survey` (file …) where …, grouped by …".
    func source(_ node: PlanNode) -> String {
        switch node.op {
        case .dataset(let n), .indicatorResult(let n): return word("X.rows_of", "`\(n)`")
        case .scan(let path, _): return word("X.rows_of_file", path)
        case .libraryInput(let needs): return word("X.library_input", names(needs))
        case .value(let e): return code(e)
        case .filter(let input, let c, _): return source(input) + word("X.where", condition(c))
        case .derive(let input, let items):
            return source(input) + word("X.with", items.map { "`\($0.name)` = " + phrase($0.expr) }.joined(separator: "; "))
        case .project(let input, let cols, let why):
            return why == .pruned ? source(input) : source(input) + word(why == .drop ? "X.without" : "X.only_columns", names(cols))
        case .rename(let input, let pairs): return source(input) + word("X.renamed", pairs.map { "`\($0.from)` → `\($0.to)`" }.joined(separator: ", "))
        case .group(let input, let keys): return source(input) + word("X.grouped", names(keys))
        case .aggregate(let input, let keys, let items):
            let each = items.map { "`\($0.name)` = " + phrase($0.expr) }.joined(separator: "; ")
            return source(input) + (keys.isEmpty ? word("X.summarized", each) : word("X.summarized_by", names(keys), each))
        case .sort(let input, let keys, let limit):
            var s = source(input) + word("X.sorted", keys.map { operand($0.expr) + ($0.descending ? word("X.descending") : "") }.joined(separator: ", "))
            if let limit { s += word("X.first_rows", PlanPrinter(catalog: catalog).expr(limit)) }
            return s
        case .limit(let input, let n): return source(input) + word("X.first_rows", PlanPrinter(catalog: catalog).expr(n))
        case .join(let kind, let l, let r, let keys):
            let on = keys.map { $0.left == $0.right ? "`\($0.left)`" : "`\($0.left)` = `\($0.right)`" }.joined(separator: ", ")
            return source(l) + word(kind == .left ? "X.left_joined" : "X.joined", source(r), on)
        case .union(let l, let r): return source(l) + word("X.union", source(r))
        case .distinct(let input, let cols): return source(input) + (cols.isEmpty ? word("X.distinct") : word("X.distinct_of", names(cols)))
        case .pivot(let input, .wider(let n, let v)): return source(input) + word("X.pivot_wider", names(n), "`\(v)`")
        case .pivot(let input, .complete(let c, let by, _, _)):
            return source(input) + (by.isEmpty ? word("X.complete", "`\(c)`") : word("X.complete_by", "`\(c)`", names(by)))
        case .pivot(let input, .longer(let c, let except, let into, let value)):
            return source(input) + word(except ? "X.pivot_longer_except" : "X.pivot_longer", names(c), "`\(into)`", "`\(value)`")
        }
    }

    /// `explain` on a single value: the expression in words.
    public func value(_ e: BoundExpr) -> String { word("X.expression", e.hasAggregate ? phrase(e) : operand(e)) + "\n" }

    /// `explain` on a pipeline or a table: its rows in words.
    public func pipeline(_ node: PlanNode) -> String { word("X.table", source(node)) + "\n" }
}

// Writes plans as indented trees with types (`kerwen plan FILE`, `:plan`), like DuckDB's EXPLAIN:
// one line per operator, the columns it yields under it, expressions as Kerwen source with the
// variables they read marked `$name` (so the binding of each name shows).

import KerwenData
import KerwenDiagnostics
import KerwenSyntax

public struct PlanPrinter {
    /// The words of the printout (the plan's keywords and expressions stay Kerwen source).
    public let catalog: MessageCatalog
    public init(catalog: MessageCatalog) { self.catalog = catalog }

    /// Columns listed in full up to this many; then the first ones and how many more.
    static let columnsShown = 8

    public func text(_ plans: [StatementPlan], lineOf: (Int) -> Int) -> String {
        plans.map { text($0, line: lineOf($0.span.start)) }.joined(separator: "\n")
    }

    public func text(_ plan: StatementPlan, line: Int) -> String {
        var out: [String] = []
        func head(_ s: String) { out.append("line \(line): " + s) }
        func tree(_ e: BoundExpr) {
            if case .table(let node) = e.kind { write(node, depth: 1, into: &out) } else { out.append("  " + typed(e)) }
            // A user function giving a table: the pipeline its body expands to, `#k` its k-th argument.
            if case .userFunction(_, let args, let expansion?) = e.kind, case .table(let node) = expansion.kind {
                let legend = args.enumerated().map { "#\($0.offset + 1) = " + expr($0.element) }.joined(separator: ", ")
                out.append("    " + word("P.expands", legend))
                write(node, depth: 3, into: &out)
            }
        }
        switch plan.kind {
        case .load(let name, let node): head("load " + ExprPrinter.name(name)); write(node, depth: 1, into: &out)
        case .letBinding(let name, let e): head("let " + ExprPrinter.name(name)); tree(e)
        case .param(let name, let e): head("param " + ExprPrinter.name(name)); tree(e)
        case .function(let name, let params): head(word("P.fn", ExprPrinter.name(name), params.joined(separator: ", ")))
        case .show(let e): head("show"); tree(e)
        case .describe(let e): head("describe"); tree(e)
        case .explain(let e): head("explain"); tree(e)
        case .expression(let e): head("show"); tree(e)
        case .plot(let e, let over, let by):
            head("plot over " + ExprPrinter.name(over) + (by.isEmpty ? "" : " by " + by.map(ExprPrinter.name).joined(separator: ", ")))
            tree(e)
        case .report(let to): head("report to " + expr(to))
        case .export(let e, let to, let options):
            head("export to " + expr(to) + (options.isEmpty ? "" : " with " + options.map { "\($0.name): \($0.value)" }.joined(separator: ", ")))
            tree(e)
        case .use(let module): head("use " + ExprPrinter.name(module))
        case .indicator(let ind): head("indicator " + ExprPrinter.name(ind.name)); indicator(ind, into: &out)
        case .check(let e, let rules):
            head("check")
            tree(e)
            for r in rules { out.append("  " + (r.fatal ? "require " : "rule ") + rule(r)) }
        case .checkBinding(let name, let e, let rules):
            head("let " + ExprPrinter.name(name) + " = check")
            tree(e)
            for r in rules { out.append("  " + (r.fatal ? "require " : "rule ") + rule(r)) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    func indicator(_ p: IndicatorPlan, into out: inout [String]) {
        if let base = p.base { out.append("  " + word("P.made_from", ExprPrinter.name(base))) }
        for m in p.metadata { out.append("  \(m.key): " + expr(m.value)) }
        out.append("  " + word("P.records"))
        write(p.data, depth: 2, into: &out)
        if !p.filters.isEmpty {
            // Each filter is a condition; its type is shown only when it is not a boolean (an error when run).
            let conditions = p.filters.map { f in (p.filters.count > 1 ? "(" + expr(f) + ")" : expr(f)) + (f.type == .boolean ? "" : " : " + f.type.rawValue) }
            out.append("  " + word("P.counted_where", conditions.joined(separator: " and ")))
        }
        let inputs = p.completeCaseInputs.map(ExprPrinter.name).joined(separator: ", ")
        out.append("  " + (p.completeCaseInputs.isEmpty ? word("P.complete_none") : word(p.completeCaseInputs.count == 1 ? "P.complete_one" : "P.complete_many", inputs)))
        out.append("  " + word("P.cells_by", p.dimensions.isEmpty ? word("P.one_cell") : columnList(p.dimensions)))
        if let n = p.numerator { out.append("  numerator: " + typed(n)) }
        if let d = p.denominator { out.append("  denominator: " + typed(d)) }
        if let v = p.value { out.append("  value: " + typed(v)) }
        else if p.denominator != nil { out.append("  value: numerator / denominator") }
        if let s = p.scale { out.append("  scale: × " + expr(s)) }
        if p.totalsCube.count > 1 {
            out.append("  " + word("P.totals_cube", p.totalsCube.map { $0.isEmpty ? word("P.cells") : $0.map(ExprPrinter.name).joined(separator: "+") + " = _T" }.joined(separator: "; ")))
        }
        for c in p.checks { out.append("  " + (c.fatal ? "require " : "check ") + typed(c.rule)) }
        out.append("  → " + columnList(p.resultColumns))
    }

    /// Levels of indentation at most: a deeper node (in a pipeline of thousands of steps) is written
    /// at this indentation after its depth in brackets, so a plan grows with its steps, not with
    /// their square (100,000 steps made tens of gigabytes of spaces).
    static let deepestIndent = 40

    func write(_ node: PlanNode, depth: Int, into out: inout [String], root: Bool = true) {
        // A chain of single-input nodes is followed in a loop (as it runs); joins and unions recurse.
        var node = node, depth = depth, root = root
        while true {
            let pad = String(repeating: "  ", count: min(depth, Self.deepestIndent)) + (depth > Self.deepestIndent ? "[\(depth)] " : "")
            out.append(pad + describe(node))
            // Columns are shown where a node makes them different from what it reads.
            if let columns = node.columns, root || node.inputs.isEmpty || columns != node.inputs[0].columns || node.inputs.count > 1 {
                out.append(pad + "  → " + columnList(columns))
            }
            guard node.inputs.count == 1 else { break }
            node = node.inputs[0]
            depth += 1
            root = false
        }
        for input in node.inputs { write(input, depth: depth + 1, into: &out, root: false) }
    }

    func describe(_ node: PlanNode) -> String {
        func names(_ n: [String]) -> String { n.map(ExprPrinter.name).joined(separator: ", ") }
        switch node.op {
        case .dataset(let n): return "dataset " + ExprPrinter.name(n)
        case .indicatorResult(let n): return "indicator " + ExprPrinter.name(n)
        case .libraryInput(let needs): return word("P.library_input", names(needs))
        case .scan(let path, let options):
            return "read \"\(path)\"" + (options.isEmpty ? "" : " with " + options.map { "\($0.name): \($0.value)" }.joined(separator: ", "))
        case .value(let e): return word("P.table_from", typed(e))
        case .filter(_, let cond, let asMask): return "where " + typed(cond) + (asMask ? "  " + word("P.as_mask") : "")
        case .derive(_, let items): return "derive " + items.map { ExprPrinter.name($0.name) + " = " + typed($0.expr) }.joined(separator: ", ")
        case .project(_, let n, let why):
            switch why {
            case .select: return "select " + names(n)
            case .drop: return "drop " + names(n)
            case .pruned: return "keep " + names(n) + "  " + word("P.pruned")
            }
        case .rename(_, let pairs): return "rename " + pairs.map { ExprPrinter.name($0.from) + " to " + ExprPrinter.name($0.to) }.joined(separator: ", ")
        case .group(_, let keys): return "group by " + names(keys)
        case .aggregate(_, let keys, let items):
            return "summarize " + items.map { ExprPrinter.name($0.name) + " = " + typed($0.expr) }.joined(separator: ", ")
                + (keys.isEmpty ? "" : " by " + names(keys))
        case .sort(_, let keys, let limit):
            let k = keys.map { ($0.descending ? "-" : "") + expr($0.expr) }.joined(separator: ", ")
            return "sort " + k + (limit.map { ", " + word("P.top_n", expr($0)) } ?? "")
        case .limit(_, let n): return "take " + expr(n)
        case .join(let kind, _, _, let keys):
            return (kind == .left ? "left join" : "join") + " on " + keys.map { $0.left == $0.right ? ExprPrinter.name($0.left) : ExprPrinter.name($0.left) + " == " + ExprPrinter.name($0.right) }.joined(separator: ", ")
        case .union: return "union"
        case .distinct(_, let n): return "distinct" + (n.isEmpty ? "" : " " + names(n))
        case .pivot(_, .wider(let n, let v)): return "pivot wider names from " + names(n) + " values from " + ExprPrinter.name(v)
        case .pivot(_, .complete(let c, let by, _, _)): return "complete " + ExprPrinter.name(c) + (by.isEmpty ? "" : " by " + names(by))
        case .pivot(_, .longer(let c, let except, let into, let value)):
            return "pivot longer " + (except ? "except " : "") + names(c) + " into " + ExprPrinter.name(into) + ", " + ExprPrinter.name(value)
        }
    }

    func columnList(_ columns: [PlanColumn]) -> String {
        let shown = columns.prefix(columns.count > Self.columnsShown + 1 ? Self.columnsShown : columns.count)
        var text = shown.map { ExprPrinter.name($0.name) + " " + $0.type.rawValue }.joined(separator: ", ")
        if shown.count < columns.count { text += ", … \(columns.count - shown.count) more" }
        return text
    }

    func rule(_ r: CheckPlan) -> String {
        func names(_ n: [String]) -> String { n.map(ExprPrinter.name).joined(separator: ", ") }
        switch r.kind {
        case .row(let e): return typed(e)
        case .unique(let keys): return "unique: " + names(keys)
        case .gaps(let time, let by): return "gaps: " + ExprPrinter.name(time) + (by.isEmpty ? "" : " by " + names(by))
        case .total(let code, let parts, let dim, let measure, let by, let tol):
            var s = "total: \(expr(code)) = " + (parts.map { $0.map(expr).joined(separator: " + ") } ?? "others")
            s += " in \(ExprPrinter.name(dim)) on \(ExprPrinter.name(measure))"
            if !by.isEmpty { s += " by " + names(by) }
            if let tol { s += " within " + expr(tol) }
            return s
        }
    }

    /// The plan's words, from the message catalog.
    func word(_ key: String, _ args: String...) -> String { catalog.format(Message(code: key, args: args)) }

    /// An expression and its type.
    func typed(_ e: BoundExpr) -> String { expr(e) + " : " + e.type.rawValue }

    /// An expression as Kerwen source; columns plain, session values `$name`.
    func expr(_ e: BoundExpr) -> String {
        switch e.kind {
        case .literal(let s):
            if case .text(let t) = s { return "\"\(t)\"" }
            if case .na = s { return "na" }
            return ScalarFormat.plain(s)
        case .column(let n), .ambiguous(let n), .deferred(let n, _): return ExprPrinter.name(n)
        case .global(let n, _): return "$" + ExprPrinter.name(n)
        case .member(let b, let m): return expr(b) + "." + ExprPrinter.name(m)
        case .unary(.negate, let x): return "-" + wrapped(x)
        case .unary(.not, let x): return "not " + wrapped(x)
        case .binary(let op, let l, let r): return "\(wrapped(l)) \(op.rawValue) \(wrapped(r))"
        case .between(let x, let lo, let hi): return "\(wrapped(x)) between \(expr(lo)) and \(expr(hi))"
        case .isIn(let x, let items): return "\(wrapped(x)) in [\(items.map(expr).joined(separator: ", "))]"
        case .builtin(let b, let args): return "\(b.name)(\(args.map(expr).joined(separator: ", ")))"
        case .window(let inner, let order, let descending, let by):
            return expr(inner) + " over " + (descending ? "-" : "") + expr(order) + (by.isEmpty ? "" : " by " + by.map(expr).joined(separator: ", "))
        case .userFunction(let n, let args, _): return "\(ExprPrinter.name(n))(\(args.map(expr).joined(separator: ", ")))"
        case .argument(let k): return "#\(k + 1)"
        case .conditional(let c, let t, let f): return "if \(expr(c)) then \(expr(t)) else \(expr(f))"
        case .list(let items): return "[\(items.map(expr).joined(separator: ", "))]"
        case .table(let node):
            switch node.op {
            case .dataset(let n), .indicatorResult(let n): return "$" + ExprPrinter.name(n)
            default: return "(" + describe(node) + " …)"
            }
        }
    }

    private func wrapped(_ e: BoundExpr) -> String {
        switch e.kind {
        case .binary, .between, .conditional: return "(" + expr(e) + ")"
        default: return expr(e)
        }
    }
}

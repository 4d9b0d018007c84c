// Binding expressions: each name to a column or a global (by `NameRules`, as the resolver checks
// them), each node to its type.

import KerwenData
import KerwenDiagnostics
import KerwenSema
import KerwenSyntax

/// Where an expression is bound.
enum BindContext {
    /// No table: plain names are globals.
    case plain
    /// Once per row of a table with these columns (nil: not known before the script runs).
    case rows([PlanColumn]?)
    /// Once per group of `keys`: aggregates reduce rows, their arguments are row expressions.
    case groups([PlanColumn]?, keys: [String])

    var columns: [PlanColumn]? {
        switch self {
        case .plain: return nil
        case .rows(let c), .groups(let c, _): return c
        }
    }
}

extension Binder {
    /// User functions expanded inside each other at most (the evaluator's limit, E114).
    public static let maxInlineDepth = 5_000

    mutating func bind(_ e: Expr, _ ctx: BindContext) -> BoundExpr {
        func typed(_ kind: BoundExpr.Kind, _ type: PlanType) -> BoundExpr { BoundExpr(kind, type, e.span) }
        switch e.kind {
        case .integer(let v): return typed(.literal(.integer(v)), .integer)
        case .number(let v): return typed(.literal(.number(v)), .number)
        case .string(let s): return typed(.literal(.text(s)), .text)
        case .bool(let b): return typed(.literal(.boolean(b)), .boolean)
        case .na: return typed(.literal(.na), .na)
        case .name(let n):
            if let p = parameterFrames.last?[n] { return typed(.argument(p.index), p.type) }
            return name(n, e.span, ctx, explicitColumn: false)
        case .column(let n):
            if case .plain = ctx { return global(n, e.span) }
            return name(n, e.span, ctx, explicitColumn: true)
        case .variable(let n):
            if let p = parameterFrames.last?[n] { return typed(.argument(p.index), p.type) }
            return global(n, e.span)
        case .member(let base, let member):
            let b = bind(base, .plain)
            return typed(.member(b, member.text), tableColumns(b)?.first { $0.name == member.text }?.type ?? .unknown)
        case .unary(let op, let x):
            let bx = bind(x, ctx)
            return typed(.unary(op, bx), op == .not ? .boolean : (bx.type == .integer ? .integer : bx.type == .unknown ? .unknown : .number))
        case .binary(let op, let l, let r):
            let bl = bind(l, ctx), br = bind(r, ctx)
            return typed(.binary(op, bl, br), Self.binaryType(op, bl.type, br.type))
        case .between(let x, let lo, let hi):
            return typed(.between(bind(x, ctx), low: bind(lo, ctx), high: bind(hi, ctx)), .boolean)
        case .isIn(let x, let items):
            return typed(.isIn(bind(x, ctx), items.map { bind($0, ctx) }), .boolean)
        case .conditional(let c, let t, let f):
            let bt = bind(t, ctx), bf = bind(f, ctx)
            return typed(.conditional(bind(c, ctx), then: bt, else: bf), PlanType.common(bt.type, bf.type))
        case .list(let items):
            return typed(.list(items.map { bind($0, .plain) }), .list)
        case .call(let fn, let args):
            return call(fn, args, e.span, ctx)
        case .pipeline(let source, let steps):
            let node = bindSteps(bindTable(source), steps)
            return typed(.table(node), .table)
        }
    }

    /// `+ - *` keep integers integers (an overflow widens to a number when it happens, N002);
    /// `/ % ^` give numbers; comparisons and `and`/`or` give booleans.
    static func binaryType(_ op: BinaryOp, _ a: PlanType, _ b: PlanType) -> PlanType {
        if op.isComparison || op == .and || op == .or { return .boolean }
        if op == .divide || op == .modulo || op == .power { return .number }
        if a == .na { return b == .integer ? .integer : b == .unknown ? .unknown : .number }
        if b == .na { return a == .integer ? .integer : a == .unknown ? .unknown : .number }
        if a == .unknown || b == .unknown { return .unknown }
        // A period moved by a whole number is a period; two periods apart, a count of periods.
        if a == .period || b == .period { return a == .period && b == .period ? .integer : .period }
        switch op {
        case .add, .subtract, .multiply: return a == .integer && b == .integer ? .integer : .number
        default: return .number
        }
    }

    /// A plain name: in a step, what `NameRules` says; outside one, the global.
    private mutating func name(_ n: String, _ span: Span, _ ctx: BindContext, explicitColumn: Bool) -> BoundExpr {
        switch ctx {
        case .plain:
            return global(n, span)
        case .rows(let columns), .groups(let columns, _):
            guard let columns else {
                // The table's columns are not known yet: a name that is no global can only be a column;
                // one that is a global too is decided when the table is there.
                if !explicitColumn, globalNamed(n) != nil { return BoundExpr(.deferred(n, dollarWritten: dollarNames.contains(n)), .unknown, span) }
                return BoundExpr(.column(n), .unknown, span)
            }
            let column = columns.first { $0.name == n }
            if explicitColumn { return BoundExpr(.column(n), column?.type ?? .unknown, span) }
            switch NameRules.meaning(of: n, isColumn: column != nil, global: globalNamed(n)?.symbol, dollarNames: dollarNames) {
            case .column, .unknown: return BoundExpr(.column(n), column?.type ?? .unknown, span)
            case .ambiguous: return BoundExpr(.ambiguous(n), column?.type ?? .unknown, span)
            case .global: return global(n, span)
            }
        }
    }

    func global(_ n: String, _ span: Span) -> BoundExpr {
        guard let g = globalNamed(n) else { return BoundExpr(.global(n, .variable), .unknown, span) }
        if g.kind == .dataset || g.kind == .indicator {
            let op: PlanNode.Operator = g.kind == .indicator ? .indicatorResult(n) : .dataset(n)
            return BoundExpr(.table(PlanNode(op, columns: g.columns, span: span)), .table, span)
        }
        return BoundExpr(.global(n, g.kind), g.type, span)
    }

    private mutating func call(_ fn: Name, _ args: [Expr], _ span: Span, _ ctx: BindContext) -> BoundExpr {
        // A user function of that name comes first, as when the script runs.
        if let g = globalNamed(fn.text), g.kind == .function {
            let bound = args.map { bind($0, ctx) }
            var expansion: BoundExpr? = nil
            // The body is bound once per call with its parameters standing for the bound arguments
            // (not the argument text copied into it, which doubles at each level of `sq(sq(…))`);
            // a function already being expanded calls itself, which the evaluator refuses (E050).
            if let params = g.functionParams, let body = g.functionBody, params.count == args.count,
               !expanding.contains(fn.text), expanding.count < Self.maxInlineDepth {
                expanding.append(fn.text)
                var frame: [String: (index: Int, type: PlanType)] = [:]
                for (k, p) in params.enumerated() where frame[p] == nil { frame[p] = (k, bound[k].type) }
                parameterFrames.append(frame)
                argumentColumns.append(bound.map(tableColumns))
                expansion = bind(body, ctx)
                parameterFrames.removeLast()
                argumentColumns.removeLast()
                expanding.removeLast()
            }
            return BoundExpr(.userFunction(fn.text, bound, expansion: expansion), expansion?.type ?? .unknown, span)
        }
        guard let builtin = Builtins.byName[fn.text] else {
            return BoundExpr(.userFunction(fn.text, args.map { bind($0, ctx) }, expansion: nil), .unknown, span)
        }
        // An aggregate's arguments are row expressions over the group's rows.
        var argContext = ctx
        if builtin.kind == .aggregate, case .groups(let columns, _) = ctx { argContext = .rows(columns) }
        let bound = args.map { bind($0, argContext) }
        let type: PlanType
        switch builtin.result {
        case .integer: type = .integer
        case .number: type = .number
        case .text: type = .text
        case .boolean: type = .boolean
        case .period: type = .period
        case .firstArgument:
            // Over a table's one column (`sum(t | select x)`): that column's type.
            if let first = bound.first, let columns = tableColumns(first) { type = columns.count == 1 ? columns[0].type : .unknown }
            else { type = bound.first?.type ?? .unknown }
        case .commonOfArguments: type = bound.map(\.type).reduce(PlanType.na, PlanType.common)
        }
        return BoundExpr(.builtin(builtin, bound), type, span)
    }

    /// The columns of a table-valued bound expression, when known.
    func tableColumns(_ e: BoundExpr) -> [PlanColumn]? {
        if case .table(let node) = e.kind { return node.columns }
        return nil
    }
}

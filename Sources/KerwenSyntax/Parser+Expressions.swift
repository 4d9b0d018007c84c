// Expression rules, from `or` down to literals, with messages for habits from SQL, R and pandas.

import KerwenDiagnostics

extension Parser {
    /// expression -> or
    mutating func expression() throws -> Expr {
        nesting += 1
        defer { nesting -= 1 }
        try checkNesting()
        return try orExpr()
    }

    /// Stops the parser's recursion at `Limits.nesting` levels, where a deeper input would overflow the stack.
    mutating func checkNesting() throws {
        guard nesting > Limits.nesting else { return }
        throw Diagnostic(.error, Message("E100", Limits.nesting), at: current.span, hint: Message("H068"))
    }

    /// Refuses a tree deeper than `Limits.expressionDepth`, which a long chain of operators makes.
    func bounded(_ e: Expr) throws -> Expr {
        guard e.height > Limits.expressionDepth else { return e }
        throw Diagnostic(.error, Message("E101", Limits.expressionDepth), at: current.span, hint: Message("H069"))
    }

    /// or -> and ("or" and)*
    mutating func orExpr() throws -> Expr {
        var left = try andExpr()
        while current.isKeyword("or") || current.isSymbol("||") {
            if current.isSymbol("||") { throw Diagnostic(.error, Message("E037", "||", "or"), at: current.span, hint: Message("H017", "or")) }
            advance()
            let right = try andExpr()
            left = try bounded(Expr(.binary(.or, left, right), left.span.merged(with: right.span)))
        }
        return left
    }

    /// and -> not ("and" not)*
    mutating func andExpr() throws -> Expr {
        var left = try notExpr()
        while current.isKeyword("and") || current.isSymbol("&&") || current.isSymbol("&") {
            if current.isSymbol("&&") || current.isSymbol("&") { throw Diagnostic(.error, Message("E037", current.text, "and"), at: current.span, hint: Message("H017", "and")) }
            advance()
            let right = try notExpr()
            left = try bounded(Expr(.binary(.and, left, right), left.span.merged(with: right.span)))
        }
        return left
    }

    /// not -> "not" not | comparison
    mutating func notExpr() throws -> Expr {
        if current.isKeyword("not") || current.isSymbol("!") {
            let start = advance().span
            nesting += 1
            defer { nesting -= 1 }
            try checkNesting()
            let operand = try notExpr()
            return Expr(.unary(.not, operand), start.merged(with: operand.span))
        }
        return try comparison()
    }

    /// comparison -> additive (("==" | "!=" | "<" | "<=" | ">" | ">=") additive | "between" additive "and" additive | "in" list)?
    mutating func comparison() throws -> Expr {
        let left = try additive()
        if current.kind == .symbol, let op = BinaryOp(rawValue: current.text), op.isComparison {
            advance()
            let right = try additive()
            return Expr(.binary(op, left, right), left.span.merged(with: right.span))
        }
        if current.isSymbol("<>") {
            throw Diagnostic(.error, Message("E037", "<>", "!="), at: current.span, hint: Message("H018"))
        }
        if current.isSymbol("=") {
            throw Diagnostic(.error, Message("E004"), at: current.span, hint: Message("H019"))
        }
        if current.isWord("between") {
            advance()
            let low = try additive()
            guard current.isKeyword("and") else { throw unexpected("`and`", hint: Message("H020")) }
            advance()
            let high = try additive()
            return Expr(.between(left, low: low, high: high), left.span.merged(with: high.span))
        }
        if current.isWord("in") {
            advance()
            if current.isSymbol("(") {
                // SQL's and R's habit `x in ("a", "b")` reads the same as the list `x in ["a", "b"]`.
                let open = advance()
                var items: [Expr] = []
                if !current.isSymbol(")") {
                    repeat { items.append(try expression()) } while acceptSymbol(",")
                }
                let end = try expectSymbol(")")
                return Expr(.isIn(left, items), left.span.merged(with: open.span.merged(with: end.span)))
            }
            let list = try primary()
            guard case .list(let items) = list.kind else { throw Diagnostic(.error, Message("E003", "`[`", "`\(file.text(of: list.span))`"), at: list.span, hint: Message("H021")) }
            return Expr(.isIn(left, items), left.span.merged(with: list.span))
        }
        return left
    }

    /// additive -> multiplicative (("+" | "-") multiplicative)*
    mutating func additive() throws -> Expr {
        var left = try multiplicative()
        while current.isSymbol("+") || current.isSymbol("-") {
            let op: BinaryOp = advance().text == "+" ? .add : .subtract
            let right = try multiplicative()
            left = try bounded(Expr(.binary(op, left, right), left.span.merged(with: right.span)))
        }
        return left
    }

    /// multiplicative -> unary (("*" | "/" | "%") unary)*
    mutating func multiplicative() throws -> Expr {
        var left = try unary()
        while current.isSymbol("*") || current.isSymbol("/") || current.isSymbol("%") {
            let op = BinaryOp(rawValue: advance().text)!
            let right = try unary()
            left = try bounded(Expr(.binary(op, left, right), left.span.merged(with: right.span)))
        }
        return left
    }

    /// unary -> "-" unary | power
    mutating func unary() throws -> Expr {
        if current.isSymbol("-") {
            let start = advance().span
            nesting += 1
            defer { nesting -= 1 }
            try checkNesting()
            let operand = try unary()
            return Expr(.unary(.negate, operand), start.merged(with: operand.span))
        }
        return try power()
    }

    /// power -> postfix ("^" unary)?
    mutating func power() throws -> Expr {
        let base = try postfix()
        if current.isSymbol("^") {
            advance()
            let exponent = try unary()
            return Expr(.binary(.power, base, exponent), base.span.merged(with: exponent.span))
        }
        return base
    }

    /// postfix -> primary ("." NAME)*   (with messages for `df$col` and `df['col']`)
    mutating func postfix() throws -> Expr {
        var expr = try primary()
        while true {
            if current.isSymbol(".") && peek().kind == .identifier {
                advance()
                let member = advance()
                expr = try bounded(Expr(.member(expr, Name(member.text, member.span)), expr.span.merged(with: member.span)))
                continue
            }
            if current.kind == .variable, current.span.start == expr.span.end, case .name(let table) = expr.kind {
                // R habit: `survey$income` lexes as `survey` then `$income`.
                let col = current.text
                throw Diagnostic(.error, Message("E005", "\(table)$\(col)"), at: expr.span.merged(with: current.span),
                                 hint: Message("H022", table, col))
            }
            if current.isSymbol("["), current.span.start == expr.span.end, case .name(let table) = expr.kind {
                // pandas habit: `survey['income']`.
                if peek().kind == .string {
                    let col = peek().text
                    throw Diagnostic(.error, Message("E006", "\(table)['\(col)']"), at: expr.span.merged(with: peek(2).span),
                                     hint: Message("H022", table, col))
                }
            }
            return expr
        }
    }

    /// primary -> literal | NAME | $NAME | call | "(" pipelineExpr ")" | "[" list "]" | if-then-else
    mutating func primary() throws -> Expr {
        let t = current
        switch t.kind {
        case .integer:
            advance()
            if let v = Int64(t.text) { return Expr(.integer(v), t.span) }
            return Expr(.number(Double(t.text) ?? .nan), t.span)
        case .decimal:
            advance()
            guard let v = Double(t.text) else { throw Diagnostic(.error, Message("E007", t.text), at: t.span) }
            return Expr(.number(v), t.span)
        case .string:
            advance()
            return Expr(.string(t.text), t.span)
        case .variable:
            advance()
            return Expr(.variable(t.text), t.span)
        case .keyword:
            switch t.text {
            case "true", "false":
                advance()
                return Expr(.bool(t.text == "true"), t.span)
            case "na":
                advance()
                return Expr(.na, t.span)
            case "if":
                return try conditional()
            default:
                throw unexpected(Message("T.expression"))
            }
        case .identifier:
            advance()
            if current.isSymbol("("), !t.quoted {
                return try call(Name(t.text, t.span))
            }
            return Expr(t.quoted ? .column(t.text) : .name(t.text), t.span)
        case .symbol where t.text == "(":
            advance()
            let inner = try pipelineExpr()
            try expectSymbol(")")
            return Expr(inner.kind, t.span.merged(with: tokens[index - 1].span))
        case .symbol where t.text == "[":
            advance()
            var items: [Expr] = []
            if !current.isSymbol("]") {
                repeat { items.append(try expression()) } while acceptSymbol(",")
            }
            let end = try expectSymbol("]")
            return Expr(.list(items), t.span.merged(with: end.span))
        default:
            throw unexpected(Message("T.expression"))
        }
    }

    /// call -> NAME "(" (pipelineExpr ("," pipelineExpr)*)? ")"
    mutating func call(_ name: Name) throws -> Expr {
        try expectSymbol("(")
        var args: [Expr] = []
        if !current.isSymbol(")") {
            repeat {
                // `count(*)` habit from SQL.
                if current.isSymbol("*") && peek().isSymbol(")") {
                    throw Diagnostic(.error, Message("E038"), at: current.span, hint: Message("H023"))
                }
                // A pipeline is an argument as it is written: `count(survey | where sex == "F")`.
                inCallArguments += 1
                defer { inCallArguments -= 1 }
                args.append(try pipelineExpr())
                // A spreadsheet range such as `A1:A3`: Kerwen names columns, not cells.
                if current.isSymbol(":") { throw unexpected("`)`", hint: Message("H100")) }
            } while acceptSymbol(",")
        }
        let end = try expectSymbol(")")
        return Expr(.call(name, args), name.span.merged(with: end.span))
    }

    /// conditional -> "if" expression "then" expression "else" expression
    mutating func conditional() throws -> Expr {
        let start = advance().span
        let condition = try expression()
        guard current.isKeyword("then") else { throw unexpected("`then`", hint: Message("H024")) }
        advance()
        let thenExpr = try expression()
        guard current.isKeyword("else") else { throw unexpected("`else`", hint: Message("H024")) }
        advance()
        let elseExpr = try expression()
        return Expr(.conditional(condition, then: thenExpr, else: elseExpr), start.merged(with: elseExpr.span))
    }
}

// Statement rules: load, let, param, fn, show, describe, export, use, check and bare expressions.

import KerwenDiagnostics

extension Parser {
    /// statement -> load | let | param | fn | show | describe | export | use | indicator | check | pipelineExpr
    mutating func statement() throws -> Stmt {
        let start = current.span
        if current.kind == .identifier && !current.quoted {
            switch current.text {
            case "load" where peek().kind == .identifier: return try loadStatement()
            case "let" where peek().kind == .identifier || peek().kind == .keyword: return try bindingStatement(isParam: false)
            case "param" where peek().kind == .identifier || peek().kind == .keyword: return try bindingStatement(isParam: true)
            case "fn" where peek().kind == .identifier: return try functionStatement()
            case "show":
                advance()
                return Stmt(.show(try pipelineExpr()), span(from: start))
            case "describe":
                advance()
                return Stmt(.describe(try pipelineExpr()), span(from: start))
            case "export":
                advance()
                let value = try pipelineExpr()
                guard acceptWord("to") else { throw unexpected("`to`", hint: Message("H006")) }
                let path = try expression()
                return Stmt(.export(value, to: path), span(from: start))
            case "use" where peek().kind == .identifier:
                advance()
                let name = try expectName(MessageCatalog.shared.word("T.module"))
                return Stmt(.use(name), span(from: start))
            case "indicator" where peek().kind == .identifier:
                return try indicatorStatement()
            case "check" where peek().kind == .identifier || peek().isSymbol("("):
                return try checkStatement()
            default:
                break
            }
        }
        // SQL habit: `SELECT … FROM …`.
        if current.kind == .identifier, current.text.uppercased() == "SELECT", current.text != "select" {
            throw Diagnostic(.error, Message("E034"), at: current.span, hint: Message("H007"))
        }
        let expr = try pipelineExpr()
        if current.isSymbol("=") || current.isSymbol("<-") {
            throw Diagnostic(.error, Message("E035"), at: current.span, hint: Message("H008"))
        }
        return Stmt(.expression(expr), span(from: start))
    }

    /// load -> "load" NAME "from" STRING ("with" option ("," option)*)?
    mutating func loadStatement() throws -> Stmt {
        let start = advance().span
        let name = try expectName(MessageCatalog.shared.word("T.datasetName"))
        guard acceptWord("from") else { throw unexpected("`from`", hint: Message("H009", name.text)) }
        let path = try expression()
        var options: [Option] = []
        if acceptWord("with") {
            repeat {
                let key = try expectName(MessageCatalog.shared.word("T.option"))
                try expectSymbol(":")
                options.append(Option(name: key, value: try expression()))
            } while acceptSymbol(",")
        }
        return Stmt(.load(name, path: path, options: options), span(from: start))
    }

    /// let -> "let" NAME "=" pipelineExpr ;  param -> "param" NAME "=" expr
    mutating func bindingStatement(isParam: Bool) throws -> Stmt {
        let start = advance().span
        let name = try expectName(MessageCatalog.shared.word("T.variableName"))
        if current.isSymbol("==") {
            throw Diagnostic(.error, Message("E003", "`=`", "`==`"), at: current.span, hint: Message("H010"))
        }
        try expectSymbol("=")
        let value = try pipelineExpr()
        return Stmt(isParam ? .param(name, value) : .letBinding(name, value), span(from: start))
    }

    /// fn -> "fn" NAME "(" (NAME ("," NAME)*)? ")" "=" pipelineExpr
    mutating func functionStatement() throws -> Stmt {
        let start = advance().span
        let name = try expectName(MessageCatalog.shared.word("T.functionName"))
        try expectSymbol("(")
        var params: [Name] = []
        if !current.isSymbol(")") {
            repeat { params.append(try expectName(MessageCatalog.shared.word("T.parameterName"))) } while acceptSymbol(",")
        }
        try expectSymbol(")")
        try expectSymbol("=", hint: Message("H011"))
        let body = try pipelineExpr()
        return Stmt(.function(name, params: params, body: body), span(from: start))
    }

    /// check -> "check" pipelineExpr "{" (("rule" | "require") ":" expr)* "}"
    mutating func checkStatement() throws -> Stmt {
        let start = advance().span
        let table = try postfix()
        try expectSymbol("{")
        var rules: [(expr: Expr, fatal: Bool)] = []
        skipNewlines()
        while !current.isSymbol("}") {
            guard current.kind == .identifier, ["rule", "require"].contains(current.text) else {
                throw unexpected("`rule:` / `require:`")
            }
            let fatal = advance().text == "require"
            try expectSymbol(":")
            rules.append((try expression(), fatal))
            skipNewlines()
            if atEnd { throw unexpected("`}`") }
        }
        advance()
        return Stmt(.check(table, rules: rules), span(from: start))
    }
}

// Statement rules: load, let, param, fn, show, describe, export, use, check and bare expressions.

import KerwenDiagnostics

extension Parser {
    /// The tokens of the line starting at `from` as the same keys give them on the Latin layout.
    func latinLine(from start: Int) -> String {
        var words: [String] = []
        var i = start
        while i < tokens.count, tokens[i].kind != .newline, tokens[i].kind != .eof {
            let t = tokens[i]
            words.append(t.kind == .identifier ? (KeyboardHabits.latinFromRussianLayout(t.text) ?? t.text) : t.text)
            i += 1
        }
        return words.joined(separator: " ")
    }

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
                let shown = try pipelineExpr()
                let options = try optionList()
                return Stmt(options.isEmpty ? .show(shown) : .showWith(shown, options: options), span(from: start))
            case "describe":
                advance()
                return Stmt(.describe(try pipelineExpr()), span(from: start))
            case "explain":
                advance()
                return Stmt(.explain(try pipelineExpr()), span(from: start))
            case "export":
                advance()
                let value = try pipelineExpr()
                guard acceptWord("to") else { throw unexpected("`to`", hint: Message("H006")) }
                let path = try expression()
                return Stmt(.export(value, to: path, options: try optionList()), span(from: start))
            case "use" where peek().kind == .identifier:
                advance()
                let name = try expectName(Message("T.module"))
                return Stmt(.use(name), span(from: start))
            case "indicator" where peek().kind == .identifier:
                return try indicatorStatement()
            case "check" where peek().kind == .identifier || peek().isSymbol("("):
                return try checkStatement()
            case "design" where peek().kind == .identifier && peek(2).isSymbol("{"):
                return try designStatement()
            case "plot" where peek().kind == .identifier || peek().isSymbol("("):
                return try plotStatement()
            case "report" where peek().kind == .identifier && peek().text == "to":
                advance()
                advance()
                let path = try expression()
                return Stmt(.report(to: path, options: try optionList()), span(from: start))
            default:
                break
            }
        }
        // A statement typed with the keyboard still on the Russian layout (`ырщц ыгкмун` for `show survey`).
        if current.kind == .identifier, let keyword = KeyboardHabits.latinFromRussianLayout(current.text),
           Keywords.statements.contains(keyword) {
            throw Diagnostic(.error, Message("E130", current.text, keyword), at: current.span, hint: Message("H118", latinLine(from: index)))
        }
        // SQLite's dot commands (`.mode csv`, `.tables`): the prompt's commands start with `:`.
        if current.isSymbol("."), peek().kind == .identifier, peek().span.start == current.span.end {
            let command = ["tables": "datasets", "schema": "describe NAME", "read": "load FILE", "exit": "quit", "import": "load FILE"][peek().text] ?? peek().text
            throw unexpected(Message("T.expression"), hint: Message("H101", command))
        }
        // A step with no table before it: at the prompt, the statement it continued had an error.
        if current.isSymbol("|") {
            throw unexpected(Message("T.expression"), hint: Message("H112"))
        }
        // A spreadsheet formula (`=AVERAGE(B2:B9)`).
        if current.isSymbol("=") {
            throw unexpected(Message("T.expression"), hint: Message("H102"))
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
        let name = try expectName(Message("T.datasetName"))
        guard acceptWord("from") else { throw unexpected("`from`", hint: Message("H009", name.text)) }
        let path = try expression()
        return Stmt(.load(name, path: path, options: try optionList()), span(from: start))
    }

    /// options -> ("with" NAME ":" expr ("," NAME ":" expr)*)?   (after `load … from` and `export … to`)
    mutating func optionList() throws -> [Option] {
        var options: [Option] = []
        if acceptWord("with") {
            repeat {
                let key = try expectName(Message("T.option"))
                try expectSymbol(":")
                options.append(Option(name: key, value: try expression()))
            } while acceptSymbol(",")
        }
        return options
    }

    /// let -> "let" NAME "=" pipelineExpr ;  param -> "param" NAME "=" expr
    mutating func bindingStatement(isParam: Bool) throws -> Stmt {
        let start = advance().span
        let name = try expectName(Message("T.variableName"))
        if current.isSymbol("==") {
            throw Diagnostic(.error, Message("E003", "`=`", "`==`"), at: current.span, hint: Message("H010"))
        }
        try expectSymbol("=")
        // `let problems = check t { … }`: the findings of the check, as a table.
        if !isParam, current.kind == .identifier, !current.quoted, current.text == "check",
           peek().kind == .identifier || peek().isSymbol("(") {
            let check = try checkStatement()
            if case .check(let table, let rules) = check.kind {
                return Stmt(.checkBinding(name, table, rules: rules), span(from: start))
            }
        }
        let value = try pipelineExpr()
        return Stmt(isParam ? .param(name, value) : .letBinding(name, value), span(from: start))
    }

    /// fn -> "fn" NAME "(" (NAME ("," NAME)*)? ")" "=" pipelineExpr
    mutating func functionStatement() throws -> Stmt {
        let start = advance().span
        let name = try expectName(Message("T.functionName"))
        try expectSymbol("(")
        var params: [Name] = []
        if !current.isSymbol(")") {
            repeat { params.append(try expectName(Message("T.parameterName"))) } while acceptSymbol(",")
        }
        try expectSymbol(")")
        try expectSymbol("=", hint: Message("H011"))
        let body = try pipelineExpr()
        return Stmt(.function(name, params: params, body: body), span(from: start))
    }

    /// check -> "check" pipelineExpr "{" rule* "}"
    /// rule  -> ["require"] ("rule" | "unique" | "total" | "gaps") ":" … | "require" ":" expr
    mutating func checkStatement() throws -> Stmt {
        let start = advance().span
        let table = try pipelineExpr()
        try expectSymbol("{")
        var rules: [CheckRule] = []
        skipNewlines()
        while !current.isSymbol("}") {
            do {
                rules.append(try checkRule())
            } catch let d as Diagnostic {
                diagnostics.append(d)
                while !atEnd, current.kind != .newline, !current.isSymbol("}") { advance() }
            }
            skipNewlines()
            if atEnd { throw unexpected("`}`") }
        }
        advance()
        return Stmt(.check(table, rules: rules), span(from: start))
    }

    public static let checkRuleWords = ["rule", "require", "unique", "total", "gaps"]

    private mutating func checkRule() throws -> CheckRule {
        let start = current.span
        guard current.kind == .identifier, Self.checkRuleWords.contains(current.text) else {
            throw Diagnostic(.error, Message("E074", current.text), at: current.span,
                             hint: Suggestions.hint(for: current.text, in: Self.checkRuleWords) ?? Message("H061"))
        }
        var word = advance().text
        var fatal = false
        if word == "require" {
            fatal = true
            if current.kind == .identifier, ["rule", "unique", "total", "gaps"].contains(current.text), peek().isSymbol(":") {
                word = advance().text
            } else {
                word = "rule"
            }
        }
        try expectSymbol(":", hint: Message("H014", word))
        let kind: CheckRule.Kind
        switch word {
        case "unique":
            kind = .unique(try checkNames())
        case "gaps":
            let time = try expectName(Message("T.columnName"))
            var by: [Name] = []
            if current.isWord("by") { advance(); by = try checkNames() }
            kind = .gaps(time: time, by: by)
        case "total":
            let code = try checkCode()
            try expectSymbol("=", hint: Message("H062"))
            var parts: [Expr]? = []
            if current.isWord("others") { advance(); parts = nil } else {
                repeat { parts!.append(try checkCode()) } while acceptSymbol("+")
            }
            guard current.isWord("in") else { throw unexpected("`in`") }
            advance()
            let dimension = try expectName(Message("T.columnName"))
            guard current.isWord("on") else { throw Diagnostic(.error, Message("E075"), at: current.span, hint: Message("H062")) }
            advance()
            let measure = try expectName(Message("T.columnName"))
            var by: [Name] = [], tolerance: Expr?
            if current.isWord("by") { advance(); by = try checkNames() }
            if current.isWord("within") { advance(); tolerance = try expression() }
            kind = .total(code: code, parts: parts, dimension: dimension, measure: measure, by: by, tolerance: tolerance)
        default:
            kind = .row(try expression())
        }
        return CheckRule(kind, fatal: fatal, span: span(from: start))
    }

    private mutating func checkNames() throws -> [Name] {
        var names: [Name] = []
        repeat { names.append(try expectName(Message("T.columnName"))) } while acceptSymbol(",")
        return names
    }

    /// A code in a hierarchy rule: a bare code such as `_T` or `KG02`, or a quoted text.
    private mutating func checkCode() throws -> Expr {
        if current.kind == .string { let t = advance(); return Expr(.string(t.text), t.span) }
        let name = try expectName(Message("T.code"))
        return Expr(.string(name.text), name.span)
    }

    /// design -> "design" NAME "{" (weight | strata | cluster | fpc ":" NAME)* "}"
    mutating func designStatement() throws -> Stmt {
        let start = advance().span
        let name = try expectName(Message("T.name"))
        try expectSymbol("{", hint: Message("H177"))
        var weight: Name?, strata: Name?, cluster: Name?, fpc: Name?
        skipNewlines()
        while !current.isSymbol("}") {
            if atEnd { throw unexpected("`}`", hint: Message("H177")) }
            let key = try expectName(Message("T.name"))
            try expectSymbol(":", hint: Message("H177"))
            let column = try expectName(Message("T.columnName"))
            switch key.text {
            case "weight": weight = column
            case "strata": strata = column
            case "cluster": cluster = column
            case "fpc": fpc = column
            default: throw Diagnostic(.error, Message("E177", key.text), at: key.span, hint: Suggestions.hint(for: key.text, in: ["weight", "strata", "cluster", "fpc"]) ?? Message("H177"))
            }
            skipNewlines()
        }
        try expectSymbol("}")
        guard let weight else { throw Diagnostic(.error, Message("E174"), at: name.span, hint: Message("H177")) }
        return Stmt(.design(name, weight: weight, strata: strata, cluster: cluster, fpc: fpc), span(from: start))
    }

    /// A pipeline ending with a `summarize` whose last item took a (plain) `over … by …`: the pipeline
    /// without it, and that window.
    static func summarizeWindow(_ e: Expr) -> (Expr, WindowSpec)? {
        guard case .pipeline(let source, var steps) = e.kind, let last = steps.last, case .summarize(var items) = last.kind,
              let window = items.last?.window, !window.descending else { return nil }
        items[items.count - 1].window = nil
        steps[steps.count - 1] = Step(.summarize(items), last.span)
        return (Expr(.pipeline(source, steps), e.span), window)
    }

    /// plot -> "plot" pipelineExpr "over" NAME ["by" NAME ("," NAME)*] ["as" NAME] ["to" expr] [with options]
    mutating func plotStatement() throws -> Stmt {
        let start = advance().span
        var source = try pipelineExpr()
        let x: Name
        var by: [Name] = []
        if acceptWord("over") {
            x = try expectName(Message("T.columnName"))
            if acceptWord("by") {
                repeat { by.append(try expectName(Message("T.columnName"))) } while acceptSymbol(",")
            }
        } else if let (summarized, window) = Self.summarizeWindow(source) {
            // `plot t | group by … | summarize n = count() over year by region`: the `over` was read
            // as a window of the last summarize item, which summarize never has — it is the plot's.
            source = summarized
            x = window.order
            by = window.by
        } else {
            throw unexpected("`over`", hint: Message("H191"))
        }
        var kind: Name? = nil
        if acceptWord("as") { kind = try expectName(Message("T.name")) }
        var path: Expr? = nil
        if acceptWord("to") { path = try expression() }
        let options = try optionList()
        // `with …` before `to` reads as well.
        if path == nil, acceptWord("to") { path = try expression() }
        return Stmt(.plot(PlotStmt(source: source, x: x, by: by, kind: kind, to: path, options: options)), span(from: start))
    }
}

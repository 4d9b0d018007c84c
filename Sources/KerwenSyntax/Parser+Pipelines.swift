// Pipeline rules: `source | step | step …`.

import KerwenDiagnostics

extension Parser {
    /// pipelineExpr -> expression ("|" step)*
    mutating func pipelineExpr() throws -> Expr {
        let source = try expression()
        var steps: [Step] = []
        while current.isSymbol("|") {
            advance()
            steps.append(try step())
        }
        if steps.isEmpty { return source }
        let end = steps.last!.span
        return Expr(.pipeline(source, steps), source.span.merged(with: end))
    }

    /// Takes the `,` that continues a list of names; in a call's arguments, one followed by something
    /// that is not a name is left for the call.
    private mutating func continuesList() -> Bool {
        guard current.isSymbol(",") else { return false }
        if inCallArguments > 0, peek().kind != .identifier { return false }
        advance()
        return true
    }

    private mutating func nameList(_ what: Message) throws -> [Name] {
        var names: [Name] = []
        repeat { names.append(try expectName(what)) } while continuesList()
        return names
    }

    private mutating func namedExprs() throws -> [NamedExpr] {
        var items: [NamedExpr] = []
        repeat {
            let name = try expectName(Message("T.columnName"))
            if current.isSymbol("==") { throw Diagnostic(.error, Message("E003", "`=`", "`==`"), at: current.span, hint: Message("H010")) }
            try expectSymbol("=", hint: Message("H025", name.text))
            let value = try expression()
            items.append(NamedExpr(name: name, expr: value, window: try windowSpec()))
        } while acceptSymbol(",")
        return items
    }

    /// `over year [by country, sex]` after a derived value (`over -value` for descending order).
    /// A `,` before `name =` ends the `by` list: the next derived column follows.
    private mutating func windowSpec() throws -> WindowSpec? {
        guard acceptWord("over") else { return nil }
        let descending = acceptSymbol("-")
        let order = try expectName(Message("T.columnName"))
        var by: [Name] = []
        if acceptWord("by") {
            by.append(try expectName(Message("T.columnName")))
            while current.isSymbol(","), peek().kind == .identifier, !peek(2).isSymbol("=") {
                advance()
                by.append(try expectName(Message("T.columnName")))
            }
        }
        return WindowSpec(order: order, descending: descending, by: by)
    }

    /// step -> where | derive | select | drop | rename | group by | summarize | sort | take | join | union | distinct
    mutating func step() throws -> Step {
        let start = current.span
        guard current.kind == .identifier, !current.quoted else {
            throw unexpected(Message("T.step"), hint: Message("H026"))
        }
        let word = current.text
        let columnName = Message("T.columnName")
        switch word {
        case "where", "filter":
            advance()
            return Step(.filter(try expression()), span(from: start))
        case "derive", "mutate":
            advance()
            return Step(.derive(try namedExprs()), span(from: start))
        case "select":
            advance()
            return Step(.select(try nameList(columnName)), span(from: start))
        case "drop":
            advance()
            return Step(.drop(try nameList(columnName)), span(from: start))
        case "rename":
            advance()
            var pairs: [(from: Name, to: Name)] = []
            repeat {
                let from = try expectName(columnName)
                guard acceptWord("to") else { throw unexpected("`to`", hint: Message("H027")) }
                pairs.append((from, try expectName(columnName)))
            } while acceptSymbol(",")
            return Step(.rename(pairs), span(from: start))
        case "group":
            advance()
            guard acceptWord("by") else { throw unexpected("`by`") }
            return Step(.groupBy(try nameList(columnName)), span(from: start))
        case "summarize", "summarise":
            advance()
            return Step(.summarize(try namedExprs()), span(from: start))
        case "sort", "arrange":
            advance()
            var keys: [SortKey] = []
            repeat {
                var descending = false
                if (current.isWord("desc") || current.isWord("asc")) && (peek().kind == .identifier || peek().isSymbol("(")) {
                    descending = advance().text == "desc"
                }
                var expr = try expression()
                if case .unary(.negate, let inner) = expr.kind { expr = inner; descending = true }
                if acceptWord("desc") { descending = !descending } else { _ = acceptWord("asc") }
                keys.append(SortKey(expr: expr, descending: descending))
            } while acceptSymbol(",")
            return Step(.sort(keys), span(from: start))
        case "take", "head", "limit":
            advance()
            return Step(.take(try expression()), span(from: start))
        case "join", "left", "inner":
            advance()
            var kind = JoinKind.inner
            if word != "join" {
                kind = word == "left" ? .left : .inner
                try expectWord("join")
            }
            let table = try postfix()
            guard acceptWord("on") else { throw unexpected("`on`", hint: Message("H028")) }
            var keys: [JoinKey] = []
            repeat {
                let left = try expectName(columnName)
                if acceptSymbol("==") || acceptSymbol("=") {
                    keys.append(JoinKey(left: left, right: try expectName(columnName)))
                } else {
                    keys.append(JoinKey(left: left, right: left))
                }
            } while acceptSymbol(",")
            return Step(.join(kind, table, keys), span(from: start))
        case "union":
            advance()
            return Step(.union(try postfix()), span(from: start))
        case "distinct":
            advance()
            var names: [Name] = []
            // `distinct value: …` on one line of an indicator is `distinct`, then the field `value:`.
            if current.kind == .identifier, !peek().isSymbol(":") { names = try nameList(columnName) }
            return Step(.distinct(names), span(from: start))
        case "complete":
            advance()
            let column = try expectName(columnName)
            var from: Expr?, to: Expr?
            if acceptWord("from") {
                from = try expression()
                guard acceptWord("to") else { throw unexpected("`to`", hint: Message("H171")) }
                to = try expression()
            }
            var by: [Name] = []
            if acceptWord("by") { by = try nameList(columnName) }
            return Step(.complete(column, from: from, to: to, by: by), span(from: start))
        case "pivot":
            advance()
            if acceptWord("wider") {
                guard acceptWord("names"), acceptWord("from") else { throw unexpected("`names from`", hint: Message("H166")) }
                let names = try nameList(columnName)
                guard acceptWord("values"), acceptWord("from") else { throw unexpected("`values from`", hint: Message("H166")) }
                return Step(.pivotWider(names: names, values: try expectName(columnName)), span(from: start))
            }
            guard acceptWord("longer") else { throw unexpected("`wider` / `longer`", hint: Message("H166")) }
            let except = acceptWord("except")
            let columns = try nameList(columnName)
            guard acceptWord("into") else { throw unexpected("`into`", hint: Message("H166")) }
            let into = try expectName(columnName)
            try expectSymbol(",", hint: Message("H166"))
            return Step(.pivotLonger(columns: columns, except: except, into: into, value: try expectName(columnName)), span(from: start))
        default:
            throw Diagnostic(.error, Message("E008", word), at: current.span,
                             hint: ["count", "sum", "mean", "median", "min", "max"].contains(word) ? Message("H134", word)
                                : Suggestions.hint(for: word, in: Keywords.steps + ["group by"]) ?? Message("H026"))
        }
    }
}

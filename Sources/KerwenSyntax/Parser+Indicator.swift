// The indicator block: metadata, data, numerator/denominator/scale or value, by, totals, checks.

import KerwenDiagnostics

extension Parser {
    public static let indicatorMetadataKeys = ["code", "goal", "target", "title", "unit", "source", "series",
                                               "custodian", "definition", "method", "note", "decimals"]
    public static let indicatorKeys = indicatorMetadataKeys
        + ["data", "where", "numerator", "denominator", "value", "scale", "by", "totals", "check", "require", "needs", "columns",
           "weight", "strata", "cluster", "fpc", "level", "df", "flag", "suppress"]

    /// indicator -> "indicator" NAME ["=" BASE] "{" (KEY ":" value)* "}"
    mutating func indicatorStatement() throws -> Stmt {
        let start = advance().span
        let name = try expectName(Message("T.indicatorName"))
        var decl = IndicatorDecl(name: name, span: start)
        if acceptSymbol("=") { decl.base = try expectName(Message("T.indicatorName")) }
        try expectSymbol("{", hint: Message("H012"))
        var seen: Set<String> = []
        skipNewlines()
        while !current.isSymbol("}") {
            if atEnd { throw unexpected("`}`") }
            do {
                try indicatorEntry(&decl, seen: &seen)
            } catch let d as Diagnostic {
                // Report the field and go on with the next line of the block.
                diagnostics.append(d)
                while !atEnd, current.kind != .newline, !current.isSymbol("}") { advance() }
            }
            skipNewlines()
        }
        advance()
        decl.span = span(from: start)
        if decl.base != nil {
            if decl.data == nil { throw Diagnostic(.error, Message("E011", name.text, "data"), at: name.span, hint: Message("H063", decl.base!.text)) }
            return Stmt(.indicator(decl), decl.span)
        }
        if !decl.columnMap.isEmpty, let first = decl.columnMap.first {
            throw Diagnostic(.error, Message("E079"), at: first.need.span, hint: Message("H064", name.text))
        }
        if decl.data == nil && decl.needs.isEmpty {
            throw Diagnostic(.error, Message("E011", name.text, "data"), at: name.span, hint: Message("H015"))
        }
        if decl.value == nil && decl.numerator == nil {
            throw Diagnostic(.error, Message("E011", name.text, "numerator"), at: name.span, hint: Message("H016"))
        }
        if decl.value != nil && (decl.numerator != nil || decl.denominator != nil) {
            throw Diagnostic(.error, Message("E036", name.text), at: name.span)
        }
        return Stmt(.indicator(decl), decl.span)
    }

    /// field -> KEY ":" value
    private mutating func indicatorEntry(_ decl: inout IndicatorDecl, seen: inout Set<String>) throws {
            guard current.kind == .identifier || current.kind == .keyword else { throw unexpected(Message("T.field")) }
            let key = Name(current.text, current.span)
            advance()
            guard Self.indicatorKeys.contains(key.text) else {
                throw Diagnostic(.error, Message("E009", key.text), at: key.span,
                                 hint: Suggestions.hint(for: key.text, in: Self.indicatorKeys) ?? Message("H013"))
            }
            if key.text != "check" && key.text != "require" && !seen.insert(key.text).inserted {
                throw Diagnostic(.error, Message("E010", key.text), at: key.span)
            }
            try expectSymbol(":", hint: Message("H014", key.text))
            try indicatorField(key, into: &decl)
    }

    private mutating func nameList() throws -> [Name] {
        var names: [Name] = []
        repeat { names.append(try expectName(Message("T.columnName"))) } while acceptSymbol(",")
        return names
    }

    private mutating func indicatorField(_ key: Name, into decl: inout IndicatorDecl) throws {
        switch key.text {
        case "data": decl.data = try pipelineExpr()
        case "where": decl.filter = try expression()
        case "needs": decl.needs = try nameList()
        case "columns":
            repeat {
                let need = try expectName(Message("T.columnName"))
                try expectSymbol("=", hint: Message("H065"))
                decl.columnMap.append((need, try expectName(Message("T.columnName"))))
            } while acceptSymbol(",")
        case "numerator": decl.numerator = try expression()
        case "denominator": decl.denominator = try expression()
        case "value": decl.value = try expression()
        case "scale": decl.scale = try expression()
        case "weight": decl.weight = try expectName(Message("T.columnName"))
        case "strata": decl.strata = try expectName(Message("T.columnName"))
        case "cluster": decl.cluster = try expectName(Message("T.columnName"))
        case "fpc": decl.fpc = try expectName(Message("T.columnName"))
        case "level": decl.level = try expression()
        case "df": decl.df = try expression()
        case "flag": decl.flag = try expression()
        case "suppress": decl.suppress = try expression()
        case "by": decl.by = try nameList()
        case "totals":
            if current.isKeyword("true") { advance(); decl.totals = [Name("*", key.span)] }
            else if current.isKeyword("false") { advance(); decl.totals = [] }
            else { decl.totals = try nameList() }
        case "check": decl.checks.append((try expression(), false))
        case "require": decl.checks.append((try expression(), true))
        default: decl.metadata.append((key, try expression()))
        }
    }
}

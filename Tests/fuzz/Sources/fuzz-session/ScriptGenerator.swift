// Turns fuzz bytes into a Kerwen script over the table `t` (region, sex, year, value, n, note):
// every byte picks the next production of a small grammar, so most inputs are well-formed scripts
// that reach the evaluator, and mutations of them stay well-formed.

struct ScriptGenerator {
    private var bytes: [UInt8]
    private var position = 0
    private var depth = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    static let numericColumns = ["value", "n", "year"]
    static let textColumns = ["region", "sex", "note"]
    static let literals = ["0", "1", "-1", "2.5", "1e300", "-1e300", "9223372036854775807", "-9223372036854775808",
                           "na", "0.0", "1_000", "3", "2020", "1e-300"]
    static let texts = ["\"A\"", "\"\"", "\"KG\"", "\"_T\"", "'x'", "\"ü\"", "\"1\""]
    static let scalarFunctions = ["abs", "floor", "ceil", "sqrt", "log", "log10", "exp", "integer", "number", "text"]
    static let periodFunctions = ["year", "quarter", "month", "week", "frequency", "start_date", "end_date", "to_year", "to_half", "to_quarter", "to_month", "period"]
    static let aggregates = ["sum", "mean", "median", "min", "max", "sd", "var", "n_distinct", "first", "last"]
    static let operators = ["+", "-", "*", "/", "%", "^"]
    static let comparisons = ["==", "!=", "<", "<=", ">", ">="]

    var atEnd: Bool { position >= bytes.count }

    mutating func next(_ n: Int) -> Int {
        guard position < bytes.count, n > 0 else { return 0 }
        defer { position += 1 }
        return Int(bytes[position]) % n
    }

    mutating func pick(_ list: [String]) -> String { list[next(list.count)] }

    mutating func script() -> String {
        var lines = ["load t from \"t.csv\"", "load u from \"u.csv\""]
        var statements = 0
        while !atEnd && statements < 12 {
            lines.append(statement())
            statements += 1
        }
        return lines.joined(separator: "\n") + "\n"
    }

    mutating func statement() -> String {
        switch next(13) {
        case 11: return tableFunction()
        case 12: return "plot t | group by " + pick(["region, year", "year", "sex, year"]) + " | summarize v = " + pick(Self.aggregates)
            + "(" + number() + ") over year" + (next(2) == 0 ? " by " + pick(["region", "sex"]) : "")
        case 8: return plot()
        case 9: return "show " + period() + pick([" + ", " - "]) + pick(Self.literals)
        case 10: return "show " + pipeline() + "\n  | derive q = " + pick(Self.periodFunctions) + "(period(year))"
        case 0: return "let x\(next(3)) = " + number()
        case 1: return "show " + pipeline()
        case 2: return "describe " + pipeline()
        case 3: return "fn f\(next(2))(a, b) = " + number(names: ["a", "b"])
        case 4: return indicator()
        case 5: return "check t {\n  " + rule() + "\n}"
        case 6: return "show " + number()
        default: return "let p\(next(3)) = " + pipeline()
        }
    }

    mutating func pipeline() -> String {
        var text = pick(["t", "u", "t", "p0", "p1"])
        for _ in 0..<next(6) { text += "\n  | " + step() }
        return text
    }

    mutating func step() -> String {
        switch next(13) {
        case 0: return "where " + condition()
        case 1:
            if next(3) == 0 { return window() }
            return "derive " + pick(["d", "value", "region", "e"]) + " = " + (next(3) == 0 ? text() : number())
        case 2: return "select " + columns()
        case 3: return "drop " + pick(Self.numericColumns + Self.textColumns)
        case 4: return "rename " + pick(Self.numericColumns + Self.textColumns) + " to " + pick(["r", "value", "region", "z"])
        case 5: return "group by " + columns() + " | summarize " + summaries()
        case 6: return "summarize " + summaries()
        case 7: return "sort " + (next(2) == 0 ? "-" : "") + pick(Self.numericColumns + Self.textColumns)
        case 8: return "take " + pick(["0", "1", "3", "-1", "1000000000000"])
        case 9: return pick(["join", "left join"]) + " u on " + pick(["region", "year", "region, year", "region == place"])
        case 10: return "union " + pick(["t", "u"])
        case 11: return "distinct" + (next(2) == 0 ? "" : " " + columns())
        default: return "where " + pick(Self.textColumns) + " in [" + text() + ", " + text() + "]"
        }
    }

    /// `derive w = lag(value) over year by region` and the other window functions.
    mutating func window() -> String {
        let call = pick(["lag(value)", "lead(n, 2)", "diff(value)", "growth(value)", "cumsum(n)", "running_mean(value, 2)",
                         "rank()", "dense_rank()", "row_number()", "share_of_total(value)", "lag(" + number() + ")"])
        return "derive w = " + call + " over " + (next(2) == 0 ? "-" : "") + pick(["year", "n", "value", "region"])
            + (next(2) == 0 ? " by " + pick(["region", "sex", "region, sex"]) : "")
    }

    /// A function whose body is a pipeline over its table parameter, with its other parameter in the
    /// steps (`where`, `take`, `derive`, `complete`), then a call of it.
    mutating func tableFunction() -> String {
        let k = next(2)
        var body = "d"
        for _ in 0..<(1 + next(3)) {
            switch next(7) {
            case 0: body += " | where " + pick(Self.numericColumns) + " > k"
            case 1: body += " | take k"
            case 2: body += " | derive e = " + number(names: Self.numericColumns + ["k"])
            case 3: body += " | complete year from k to 2023 by region"
            case 4: body += " | " + window()
            case 5: body += " | group by region | summarize s = sum(" + number(names: Self.numericColumns + ["k"]) + ")"
            default: body += " | sort -" + pick(Self.numericColumns) + " | take k"
            }
        }
        let argument = pick(["1", "2", "2020", "-1", "na", "0.5", "year", "\"x\"", "t"])
        return "fn g\(k)(d, k) = " + body + "\nshow g\(k)(" + pick(["t", "u", "p0", "t | where n > 1"]) + ", " + argument + ")"
    }

    mutating func columns() -> String {
        var names = [pick(Self.numericColumns + Self.textColumns)]
        for _ in 0..<next(3) { names.append(pick(Self.numericColumns + Self.textColumns)) }
        return names.joined(separator: ", ")
    }

    mutating func summaries() -> String {
        var parts = [summary()]
        for _ in 0..<next(3) { parts.append(summary()) }
        return parts.joined(separator: ", ")
    }

    mutating func summary() -> String {
        let name = pick(["s", "m", "k", "value"])
        switch next(5) {
        case 0: return "\(name) = count()"
        case 1: return "\(name) = share(" + condition() + ")"
        case 2: return "\(name) = quantile(" + pick(Self.numericColumns) + ", " + pick(["0", "0.5", "1", "2", "-1", "na"]) + ")"
        case 3: return "\(name) = wmean(" + number() + ", " + pick(Self.numericColumns) + ")"
        default: return "\(name) = " + pick(Self.aggregates) + "(" + number() + ")"
        }
    }

    /// A chart in the terminal (never a file: the fuzzer writes nothing).
    mutating func plot() -> String {
        var text = "plot (" + pipeline() + ") over " + pick(Self.numericColumns + Self.textColumns)
        if next(2) == 0 { text += " by " + pick(Self.textColumns) }
        if next(2) == 0 { text += " as " + pick(["line", "bar", "point", "pie"]) }
        let options = ["values: value", "values: n", "totals: false", "stacked: true", "width: " + pick(["30", "1", "4000", "80"]),
                       "height: " + pick(["4", "0", "12"]), "title: " + self.text()]
        if next(2) == 0 { text += " with " + pick(options) + (next(2) == 0 ? ", " + pick(options) : "") }
        return text
    }

    /// A period literal in one of the forms (and some that are none).
    mutating func period() -> String {
        "period(" + pick(["\"2023Q1\"", "\"2023-Q4\"", "\"2023-01\"", "\"2023M12\"", "\"2020-W53\"", "\"2024-02-29\"",
                          "\"9999-Q4\"", "\"0001-01-01\"", "\"2023Q5\"", "2023", "year", "\"\""]) + ")"
    }

    mutating func indicator() -> String {
        var fields = ["data: " + pipeline()]
        if next(2) == 0 {
            fields.append("numerator: " + pick(["sum", "wsum", "count"]) + (next(2) == 0 ? "(value)" : "(value, n)"))
            fields.append("denominator: sum(" + pick(Self.numericColumns) + ")")
        } else {
            fields.append("value: " + pick(Self.aggregates) + "(" + number() + ")")
        }
        if next(2) == 0 { fields.append("by: " + columns()) }
        if next(2) == 0 { fields.append("totals: " + pick(["true", "false", "sex", "region"])) }
        if next(3) == 0 { fields.append("scale: " + pick(Self.literals)) }
        if next(3) == 0 { fields.append("check: value between 0 and 100") }
        if next(3) == 0 { fields.append("weight: n" + (next(2) == 0 ? "  strata: region" : "") + (next(2) == 0 ? "  cluster: sex" : "") + (next(3) == 0 ? "  fpc: year" : "")
                                          + (next(3) == 0 ? "  df: " + (next(2) == 0 ? "design" : pick(Self.literals)) : "")) }
        if next(4) == 0 { fields.append("suppress: cv > 0.3") }
        return "indicator i\(next(2)) {\n  " + fields.joined(separator: "\n  ") + "\n}\nshow i\(next(2))"
    }

    mutating func rule() -> String {
        switch next(4) {
        case 0: return "rule: " + condition()
        case 1: return "unique: " + columns()
        case 2: return "total: _T = F + M in sex on value" + (next(2) == 0 ? " by year" : "")
        default: return "gaps: year" + (next(2) == 0 ? " by region" : "")
        }
    }

    mutating func condition() -> String {
        depth += 1
        defer { depth -= 1 }
        if depth > 6 { return number() + " > " + number() }
        switch next(6) {
        case 0: return condition() + " and " + condition()
        case 1: return condition() + " or " + condition()
        case 2: return "not " + condition()
        case 3: return pick(Self.textColumns) + " == " + text()
        case 4: return number() + " between " + number() + " and " + number()
        default: return number() + " " + pick(Self.comparisons) + " " + number()
        }
    }

    mutating func number(names: [String] = numericColumns) -> String {
        depth += 1
        defer { depth -= 1 }
        if depth > 8 { return pick(Self.literals) }
        switch next(9) {
        case 0, 1: return pick(names)
        case 2: return pick(Self.literals)
        case 3: return number(names: names) + " " + pick(Self.operators) + " " + number(names: names)
        case 4: return pick(Self.scalarFunctions) + "(" + number(names: names) + ")"
        case 5: return "round(" + number(names: names) + ", " + pick(Self.literals) + ")"
        case 6: return "if " + condition() + " then " + number(names: names) + " else " + number(names: names)
        case 7: return "f\(next(2))(" + number(names: names) + ", " + number(names: names) + ")"
        default: return "coalesce(" + number(names: names) + ", " + pick(Self.literals) + ")"
        }
    }

    mutating func text() -> String {
        switch next(5) {
        case 0: return "substr(" + pick(Self.textColumns) + ", " + pick(Self.literals) + ", " + pick(Self.literals) + ")"
        case 1: return "concat(" + pick(Self.textColumns) + ", " + pick(Self.texts) + ")"
        case 2: return pick(["upper", "lower", "trim"]) + "(" + pick(Self.textColumns) + ")"
        default: return pick(Self.texts)
        }
    }
}

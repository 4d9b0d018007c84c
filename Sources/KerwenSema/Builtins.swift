// The builtin functions and aggregates: names, arity, what they do with `na`, and a one-line summary
// (for checks, evaluation, indicators' complete cases, help and completion).

import KerwenDiagnostics
import KerwenSyntax

public struct BuiltinSignature: Sendable {
    public enum Kind: Sendable { case scalar, aggregate, window }
    /// What a missing argument does.
    public enum Missing: Sendable {
        /// A missing argument gives a missing result (`abs(na)` is `na`).
        case propagates
        /// Missing rows are left out and counted (`sum`, `mean`: note N001).
        case skipped
        /// The function is about missing values (`coalesce`, `is_na`): a missing argument does not
        /// make an indicator's record incomplete.
        case handled
    }
    /// The type of the result, known before anything runs (the plan's types).
    public enum Result: Sendable {
        case integer, number, text, boolean, period
        /// The type of the first argument (`min`, `first`; `sum` of integers is an integer).
        case firstArgument
        /// The type all arguments share (`coalesce`).
        case commonOfArguments
    }
    public let name: String
    public let kind: Kind
    public let minArgs: Int
    public let maxArgs: Int
    /// How the call is written, e.g. `round(x, digits)`; several forms when it has them
    /// (`count()`, `count(x)`), joined by the reader's word for "or" when shown.
    public let usages: [String]
    public let result: Result
    public let missing: Missing
    /// The catalog entry of its help text (`:help round`).
    public var helpKey: String { "F.\(name)" }
}

public enum Builtins {
    private static func s(_ name: String, _ min: Int, _ max: Int, _ usages: [String], _ result: BuiltinSignature.Result,
                          missing: BuiltinSignature.Missing = .propagates) -> BuiltinSignature {
        BuiltinSignature(name: name, kind: .scalar, minArgs: min, maxArgs: max, usages: usages, result: result, missing: missing)
    }
    private static func w(_ name: String, _ min: Int, _ max: Int, _ usages: [String], _ result: BuiltinSignature.Result) -> BuiltinSignature {
        BuiltinSignature(name: name, kind: .window, minArgs: min, maxArgs: max, usages: usages, result: result, missing: .propagates)
    }
    private static func a(_ name: String, _ min: Int, _ max: Int, _ usages: [String], _ result: BuiltinSignature.Result) -> BuiltinSignature {
        BuiltinSignature(name: name, kind: .aggregate, minArgs: min, maxArgs: max, usages: usages, result: result, missing: .skipped)
    }

    /// Every builtin, in one literal table: name, arity, usage, result type, what it does with `na`.
    /// Its kernel is the case of the same name in `ScalarFunctions` or `Aggregates` (KerwenEval).
    public static let all: [BuiltinSignature] = [
        s("abs", 1, 1, ["abs(x)"], .number), s("round", 1, 2, ["round(x, digits)"], .number), s("floor", 1, 1, ["floor(x)"], .number),
        s("ceil", 1, 1, ["ceil(x)"], .number), s("sqrt", 1, 1, ["sqrt(x)"], .number), s("log", 1, 1, ["log(x)"], .number),
        s("log10", 1, 1, ["log10(x)"], .number), s("exp", 1, 1, ["exp(x)"], .number),
        s("least", 2, 16, ["least(a, b, …)"], .number), s("greatest", 2, 16, ["greatest(a, b, …)"], .number),
        s("coalesce", 2, 16, ["coalesce(x, fallback, …)"], .commonOfArguments, missing: .handled),
        s("is_na", 1, 1, ["is_na(x)"], .boolean, missing: .handled),
        s("lower", 1, 1, ["lower(text)"], .text), s("upper", 1, 1, ["upper(text)"], .text), s("trim", 1, 1, ["trim(text)"], .text),
        s("length", 1, 1, ["length(text)"], .integer), s("substr", 2, 3, ["substr(text, start, length)"], .text),
        s("contains", 2, 2, ["contains(text, part)"], .boolean), s("starts_with", 2, 2, ["starts_with(text, prefix)"], .boolean),
        s("ends_with", 2, 2, ["ends_with(text, suffix)"], .boolean), s("replace", 3, 3, ["replace(text, old, new)"], .text),
        s("concat", 1, 16, ["concat(a, b, …)"], .text), s("text", 1, 1, ["text(x)"], .text), s("number", 1, 1, ["number(x)"], .number),
        s("integer", 1, 1, ["integer(x)"], .integer),
        s("format", 2, 2, ["format(x, decimals)", "format(x, \"#,##0.00\")"], .text),
        s("m49", 1, 1, ["m49(country)"], .integer), s("iso2", 1, 1, ["iso2(country)"], .text), s("iso3", 1, 1, ["iso3(country)"], .text),
        s("country_name", 1, 2, ["country_name(country)", "country_name(country, \"ru\")"], .text),
        a("count", 0, 1, ["count()", "count(x)"], .integer), a("sum", 1, 1, ["sum(x)"], .firstArgument), a("mean", 1, 1, ["mean(x)"], .number),
        a("median", 1, 1, ["median(x)"], .number), a("min", 1, 1, ["min(x)"], .firstArgument), a("max", 1, 1, ["max(x)"], .firstArgument),
        a("share", 1, 2, ["share(condition)", "share(condition, weight)"], .number), a("wmean", 2, 2, ["wmean(x, weight)"], .number),
        a("wsum", 2, 2, ["wsum(x, weight)"], .number), a("quantile", 2, 2, ["quantile(x, p)"], .number), a("sd", 1, 1, ["sd(x)"], .number),
        a("var", 1, 1, ["var(x)"], .number), a("n_distinct", 1, 1, ["n_distinct(x)"], .integer), a("first", 1, 1, ["first(x)"], .firstArgument),
        a("last", 1, 1, ["last(x)"], .firstArgument),
        // Window functions: in `derive … over ORDER by GROUPS`, each row reads rows of its group.
        w("lag", 1, 2, ["lag(x)", "lag(x, k)"], .firstArgument), w("lead", 1, 2, ["lead(x)", "lead(x, k)"], .firstArgument),
        w("diff", 1, 1, ["diff(x)"], .firstArgument), w("growth", 1, 1, ["growth(x)"], .number),
        w("cumsum", 1, 1, ["cumsum(x)"], .firstArgument), w("running_mean", 2, 2, ["running_mean(x, k)"], .number),
        w("rank", 0, 0, ["rank()"], .integer), w("dense_rank", 0, 0, ["dense_rank()"], .integer),
        w("row_number", 0, 0, ["row_number()"], .integer), w("share_of_total", 1, 1, ["share_of_total(x)"], .number),
        // Periods (years, half-years, quarters, months, ISO weeks, days).
        s("period", 1, 1, ["period(\"2023-Q1\")", "period(x)"], .period), s("year", 1, 1, ["year(p)"], .integer),
        s("quarter", 1, 1, ["quarter(p)"], .integer), s("month", 1, 1, ["month(p)"], .integer), s("week", 1, 1, ["week(p)"], .integer),
        s("frequency", 1, 1, ["frequency(p)"], .text), s("start_date", 1, 1, ["start_date(p)"], .period),
        s("end_date", 1, 1, ["end_date(p)"], .period), s("to_year", 1, 1, ["to_year(p)"], .period),
        s("to_half", 1, 1, ["to_half(p)"], .period), s("to_quarter", 1, 1, ["to_quarter(p)"], .period),
        s("to_month", 1, 1, ["to_month(p)"], .period),
    ]

    public static let byName: [String: BuiltinSignature] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    public static func isAggregate(_ name: String) -> Bool { byName[name]?.kind == .aggregate }

    /// E014 for a call of a name that is neither a builtin nor one of `userFunctions`, with the
    /// nearest name or the Kerwen spelling of another tool's name (`avg` → `mean`) as the hint.
    /// The resolver and the evaluator both raise it from here.
    public static func unknownFunction(_ name: Name, args: [Expr] = [], userFunctions: [String]) -> Diagnostic {
        var hint = Suggestions.hint(for: name.text, in: all.map(\.name) + userFunctions)
        if let alias = aliases[name.text] { hint = Message("H038", alias) }
        if let habit = FirstHourHints.forCall(name.text, args) { hint = habit }
        return Diagnostic(.error, Message("E014", name.text), at: name.span, hint: hint)
    }

    /// Names users bring from other tools, mapped to Kerwen's (`avg` → `mean`, `n` → `count`).
    public static let aliases: [String: String] = [
        "avg": "mean", "average": "mean", "n": "count", "nrow": "count", "len": "length", "nchar": "length",
        "weighted_mean": "wmean", "weighted.mean": "wmean", "std": "sd", "stddev": "sd", "ifelse": "if … then … else",
        "isnull": "is_na", "is.na": "is_na", "paste": "concat", "tolower": "lower", "toupper": "upper",
    ]
}

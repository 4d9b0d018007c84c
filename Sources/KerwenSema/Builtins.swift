// The builtin functions and aggregates: names, arity, what they do with `na`, and a one-line summary
// (for checks, evaluation, indicators' complete cases, help and completion).

import KerwenDiagnostics
import KerwenSyntax

/// A scalar function's kernel (KerwenEval runs it through an exhaustive `switch` over these cases,
/// so an entry whose kernel is missing does not compile).
public enum ScalarKernel: String, CaseIterable, Sendable {
    case abs, round, floor, ceil, sqrt, log, log10, exp, least, greatest, coalesce, is_na
    case lower, upper, trim, length, substr, contains, starts_with, ends_with, replace, concat
    case text, number, integer, format
    case m49, iso2, iso3, country_name
    case period, year, quarter, month, week, frequency, start_date, end_date, to_year, to_half, to_quarter, to_month
}

/// An aggregate's kernel (one value per group).
public enum AggregateKernel: String, CaseIterable, Sendable {
    case count, sum, mean, median, min, max, share, wmean, wsum, quantile, sd, `var`, n_distinct, first, last
}

/// A window function's kernel (each row reads rows of its group in order).
public enum WindowKernel: String, CaseIterable, Sendable {
    case lag, lead, diff, growth, cumsum, running_mean, rank, dense_rank, row_number, share_of_total
}

public struct BuiltinSignature: Sendable {
    public enum Kind: Sendable { case scalar, aggregate, window }
    /// The native code that computes it: its kind is the kernel's.
    public enum Kernel: Sendable {
        case scalar(ScalarKernel), aggregate(AggregateKernel), window(WindowKernel)
    }
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
    /// What an argument is expected to be (for help, completion and the SQL emitters; the kernels
    /// check what they get and say so).
    public enum Argument: String, Sendable {
        case number, integer, text, boolean, period
        /// Any value (`coalesce`, `first`, `text(x)`).
        case any
    }
    /// The type of the result, known before anything runs (the plan's types).
    public enum Result: Sendable {
        case integer, number, text, boolean, period
        /// The type of the first argument (`min`, `first`; `sum` of integers is an integer).
        case firstArgument
        /// The type all arguments share (`coalesce`).
        case commonOfArguments
    }
    public let kernel: Kernel
    public let minArgs: Int
    public let maxArgs: Int
    /// How the call is written, e.g. `round(x, digits)`; several forms when it has them
    /// (`count()`, `count(x)`), joined by the reader's word for "or" when shown.
    public let usages: [String]
    /// Each argument's expected kind, in order; a function taking more repeats the last.
    public let arguments: [Argument]
    public let result: Result
    public let missing: Missing

    public var name: String {
        switch kernel {
        case .scalar(let k): return k.rawValue
        case .aggregate(let k): return k.rawValue
        case .window(let k): return k.rawValue
        }
    }
    public var kind: Kind {
        switch kernel {
        case .scalar: return .scalar
        case .aggregate: return .aggregate
        case .window: return .window
        }
    }
    /// The catalog entry of its help text (`:help round`).
    public var helpKey: String { "F.\(name)" }
    /// The expected kind of argument `i` (the last one's for a function taking more).
    public func argument(_ i: Int) -> Argument { arguments.isEmpty ? .any : arguments[Swift.min(i, arguments.count - 1)] }
}

public enum Builtins {
    private static func s(_ k: ScalarKernel, _ min: Int, _ max: Int, _ usages: [String], _ arguments: [BuiltinSignature.Argument],
                          _ result: BuiltinSignature.Result, missing: BuiltinSignature.Missing = .propagates) -> BuiltinSignature {
        BuiltinSignature(kernel: .scalar(k), minArgs: min, maxArgs: max, usages: usages, arguments: arguments, result: result, missing: missing)
    }
    private static func w(_ k: WindowKernel, _ min: Int, _ max: Int, _ usages: [String], _ arguments: [BuiltinSignature.Argument],
                          _ result: BuiltinSignature.Result) -> BuiltinSignature {
        BuiltinSignature(kernel: .window(k), minArgs: min, maxArgs: max, usages: usages, arguments: arguments, result: result, missing: .propagates)
    }
    private static func a(_ k: AggregateKernel, _ min: Int, _ max: Int, _ usages: [String], _ arguments: [BuiltinSignature.Argument],
                          _ result: BuiltinSignature.Result) -> BuiltinSignature {
        BuiltinSignature(kernel: .aggregate(k), minArgs: min, maxArgs: max, usages: usages, arguments: arguments, result: result, missing: .skipped)
    }

    /// Every builtin, in one literal table: its kernel (whose name is the function's), arity, usage,
    /// argument kinds, result type, what it does with `na`; its help is `F.<name>` in the catalog.
    public static let all: [BuiltinSignature] = [
        s(.abs, 1, 1, ["abs(x)"], [.number], .number), s(.round, 1, 2, ["round(x, digits)"], [.number, .integer], .number),
        s(.floor, 1, 1, ["floor(x)"], [.number], .number), s(.ceil, 1, 1, ["ceil(x)"], [.number], .number),
        s(.sqrt, 1, 1, ["sqrt(x)"], [.number], .number), s(.log, 1, 1, ["log(x)"], [.number], .number),
        s(.log10, 1, 1, ["log10(x)"], [.number], .number), s(.exp, 1, 1, ["exp(x)"], [.number], .number),
        s(.least, 2, 16, ["least(a, b, …)"], [.number], .number), s(.greatest, 2, 16, ["greatest(a, b, …)"], [.number], .number),
        s(.coalesce, 2, 16, ["coalesce(x, fallback, …)"], [.any], .commonOfArguments, missing: .handled),
        s(.is_na, 1, 1, ["is_na(x)"], [.any], .boolean, missing: .handled),
        s(.lower, 1, 1, ["lower(text)"], [.text], .text), s(.upper, 1, 1, ["upper(text)"], [.text], .text),
        s(.trim, 1, 1, ["trim(text)"], [.text], .text), s(.length, 1, 1, ["length(text)"], [.text], .integer),
        s(.substr, 2, 3, ["substr(text, start, length)"], [.text, .integer, .integer], .text),
        s(.contains, 2, 2, ["contains(text, part)"], [.text, .text], .boolean),
        s(.starts_with, 2, 2, ["starts_with(text, prefix)"], [.text, .text], .boolean),
        s(.ends_with, 2, 2, ["ends_with(text, suffix)"], [.text, .text], .boolean),
        s(.replace, 3, 3, ["replace(text, old, new)"], [.text, .text, .text], .text),
        s(.concat, 1, 16, ["concat(a, b, …)"], [.any], .text), s(.text, 1, 1, ["text(x)"], [.any], .text),
        s(.number, 1, 1, ["number(x)"], [.any], .number), s(.integer, 1, 1, ["integer(x)"], [.any], .integer),
        s(.format, 2, 2, ["format(x, decimals)", "format(x, \"#,##0.00\")"], [.number, .any], .text),
        s(.m49, 1, 1, ["m49(country)"], [.any], .integer), s(.iso2, 1, 1, ["iso2(country)"], [.any], .text),
        s(.iso3, 1, 1, ["iso3(country)"], [.any], .text),
        s(.country_name, 1, 2, ["country_name(country)", "country_name(country, \"ru\")"], [.any, .text], .text),
        a(.count, 0, 1, ["count()", "count(x)"], [.any], .integer), a(.sum, 1, 1, ["sum(x)"], [.number], .firstArgument),
        a(.mean, 1, 1, ["mean(x)"], [.number], .number), a(.median, 1, 1, ["median(x)"], [.number], .number),
        a(.min, 1, 1, ["min(x)"], [.any], .firstArgument), a(.max, 1, 1, ["max(x)"], [.any], .firstArgument),
        a(.share, 1, 2, ["share(condition)", "share(condition, weight)"], [.boolean, .number], .number),
        a(.wmean, 2, 2, ["wmean(x, weight)"], [.number, .number], .number),
        a(.wsum, 2, 2, ["wsum(x, weight)"], [.number, .number], .number),
        a(.quantile, 2, 2, ["quantile(x, p)"], [.number, .number], .number), a(.sd, 1, 1, ["sd(x)"], [.number], .number),
        a(.var, 1, 1, ["var(x)"], [.number], .number), a(.n_distinct, 1, 1, ["n_distinct(x)"], [.any], .integer),
        a(.first, 1, 1, ["first(x)"], [.any], .firstArgument), a(.last, 1, 1, ["last(x)"], [.any], .firstArgument),
        // Window functions: in `derive … over ORDER by GROUPS`, each row reads rows of its group.
        w(.lag, 1, 2, ["lag(x)", "lag(x, k)"], [.any, .integer], .firstArgument),
        w(.lead, 1, 2, ["lead(x)", "lead(x, k)"], [.any, .integer], .firstArgument),
        w(.diff, 1, 1, ["diff(x)"], [.number], .firstArgument), w(.growth, 1, 1, ["growth(x)"], [.number], .number),
        w(.cumsum, 1, 1, ["cumsum(x)"], [.number], .firstArgument),
        w(.running_mean, 2, 2, ["running_mean(x, k)"], [.number, .integer], .number),
        w(.rank, 0, 0, ["rank()"], [], .integer), w(.dense_rank, 0, 0, ["dense_rank()"], [], .integer),
        w(.row_number, 0, 0, ["row_number()"], [], .integer), w(.share_of_total, 1, 1, ["share_of_total(x)"], [.number], .number),
        // Periods (years, half-years, quarters, months, ISO weeks, days).
        s(.period, 1, 1, ["period(\"2023-Q1\")", "period(x)"], [.any], .period), s(.year, 1, 1, ["year(p)"], [.period], .integer),
        s(.quarter, 1, 1, ["quarter(p)"], [.period], .integer), s(.month, 1, 1, ["month(p)"], [.period], .integer),
        s(.week, 1, 1, ["week(p)"], [.period], .integer), s(.frequency, 1, 1, ["frequency(p)"], [.period], .text),
        s(.start_date, 1, 1, ["start_date(p)"], [.period], .period), s(.end_date, 1, 1, ["end_date(p)"], [.period], .period),
        s(.to_year, 1, 1, ["to_year(p)"], [.period], .period), s(.to_half, 1, 1, ["to_half(p)"], [.period], .period),
        s(.to_quarter, 1, 1, ["to_quarter(p)"], [.period], .period), s(.to_month, 1, 1, ["to_month(p)"], [.period], .period),
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

// Renders what statements produce: values, indicators with their metadata, describe, check reports.

import KerwenData
import KerwenDiagnostics
import KerwenEval

public enum ValueRenderer {
    public static func render(_ value: Value, options: RenderOptions) -> String {
        switch value {
        case .scalar(let s):
            var text = scalar(s)
            if let d = options.decimals, case .number(let x) = s { text = NumberFormatting.fixed(x, d) }
            return (options.thousands && s.doubleValue != nil ? NumberFormatting.grouped(text, separator: options.catalog.language.groupSeparator) : text) + "\n"
        case .list(let items): return "[" + items.map(scalar).joined(separator: ", ") + "]\n"
        case .column(let c): return TableRenderer.render(Table(names: ["value"], columns: [c]), options: options)
        case .table(let t), .grouped(let t, _): return TableRenderer.render(t, options: options)
        case .indicator(let r): return indicator(r, options: options)
        }
    }

    public static func scalar(_ s: Scalar) -> String {
        switch s {
        case .na: return "na"
        case .number(let x): return NumberFormatting.single(x)
        case .text(let t): return t
        default: return ScalarFormat.plain(s)
        }
    }

    /// The indicator's identity and metadata, then its cells.
    public static func indicator(_ r: IndicatorResult, options: RenderOptions) -> String {
        var head = "indicator \(r.name)"
        if let code = r.meta("code") { head += "  [\(code)]" }
        var out = head + "\n"
        for (key, value) in r.metadata where key != "code" {
            out += "  \(key): \(value)\n"
        }
        return out + TableRenderer.render(r.table, options: options)
    }

    public static func describe(_ t: Table, name: String, catalog: MessageCatalog = .english) -> String {
        var names: [String] = [], types: [String] = [], missing: [Scalar] = [], distinct: [Scalar] = [], summary: [String] = []
        for ((n, c), s) in zip(zip(t.names, t.columns), ColumnSummary.of(t)) {
            names.append(n)
            types.append(c.type.rawValue)
            missing.append(.integer(Int64(s.missing)))
            distinct.append(.integer(Int64(s.distinct)))
            switch c.type {
            case .integer:
                summary.append(s.intMin.map { catalog.word("D.range", "\($0)", "\(s.intMax!)") } ?? "")
            case .number:
                summary.append(s.min.map { catalog.word("D.range_mean", NumberFormatting.single($0), NumberFormatting.single(s.max!), NumberFormatting.single(s.mean!)) } ?? "")
            case .period:
                summary.append(s.periodMin.map { catalog.word("D.range", $0.description, s.periodMax!.description) } ?? "")
            case .boolean:
                summary.append(catalog.word("D.booleans", s.trueCount, s.falseCount))
            case .text:
                summary.append(s.top.map { "\($0.text) (\($0.count))" }.joined(separator: ", "))
            }
        }
        let table = Table(names: ["D.column", "D.type", "D.missing", "D.distinct", "D.summary"].map { catalog.word($0) },
                          columns: [Column.from(names.map { .text($0) }), Column.from(types.map { .text($0) }),
                                    Column.from(missing), Column.from(distinct), Column.from(summary.map { .text($0) }, type: .text)])
        let title = catalog.word("W.describe_header", name.isEmpty ? catalog.word("D.table") : name, t.rowCount, t.names.count)
        return title + "\n" + TableRenderer.render(table, options: RenderOptions(maxRows: 1000, catalog: catalog))
    }

    /// One line per rule; failing rows listed with their keys and values, at most `listed` per rule
    /// (`--max-rows`; 0 there lists all).
    public static func checkReport(_ outcomes: [CheckOutcome], subject: String, listed: Int = 50,
                                   catalog: MessageCatalog = .english) -> (stdout: String, stderr: [Diagnostic]) {
        var out = ""
        var problems: [Diagnostic] = []
        for o in outcomes {
            let unit = o.unit == "rows" ? "" : "." + o.unit
            if !o.failed {
                out += catalog.word("W.check_passed" + unit, o.rule, subject, o.checked - o.undecided) + "\n"
            } else {
                // Totals that could not be compared are counted apart, not among those that differ.
                let among = o.unit == "totals" ? o.checked - o.undecided : o.checked
                out += catalog.word("W.check_failed" + unit, o.rule, subject, o.failureCount, among)
                if let identical = o.identicalRepeats {
                    // Repeated keys of two kinds: copies of one record (remove with `distinct`) and conflicting rows.
                    out += " " + catalog.word("W.repeats_kinds", identical, o.failureCount - identical)
                }
                out += "\n"
                for row in o.failures.prefix(listed) {
                    out += "  " + row.map { catalog.word("W.finding_cell", $0.label, $0.value) }.joined(separator: "  ") + "\n"
                }
                let shown = min(listed, o.failures.count)
                if o.failureCount > shown { out += "  " + catalog.word("W.more_rows", o.failureCount - shown) + "\n" }
                if !o.fatal { problems.append(Diagnostic(.warning, Message("W002", o.rule))) }
            }
            if o.undecided > 0 { out += "  " + catalog.word(o.unit == "totals" ? "W.check_undecided.totals" : "W.check_undecided", o.undecided) + "\n" }
        }
        if outcomes.count > 1 {
            let failed = outcomes.filter(\.failed).count
            out += catalog.word("W.check_summary", subject, outcomes.count, outcomes.count - failed, failed) + "\n"
        }
        return (out, problems)
    }
}

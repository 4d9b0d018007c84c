// `explain`: an indicator or a pipeline in plain words, in the reader's language, generated from its
// bound logical plan and metadata, so the words can never drift from what is computed. No text here
// belongs to one indicator: every sentence is a catalog template filled from the plan.

import KerwenData
import KerwenDiagnostics
import KerwenSyntax

public struct Explainer {
    public let catalog: MessageCatalog
    /// A library definition's metadata in the reader's language (`title`, `definition`, `method`),
    /// from the standard library's translations; nil falls back to the metadata as written.
    public let translated: (_ indicator: String, _ field: String) -> String?

    public init(catalog: MessageCatalog, translated: @escaping (String, String) -> String? = { _, _ in nil }) {
        self.catalog = catalog
        self.translated = translated
    }

    func word(_ code: String, _ args: any MessageArgumentConvertible...) -> String {
        catalog.format(Message(code: code, args: args))
    }

    /// An indicator: what one value is, how it is computed, from which records, how missing inputs
    /// are treated, its totals and checks, and (for a library definition) its official metadata.
    public func indicator(_ p: IndicatorPlan) -> String {
        var lines: [String] = []
        let meta = metadata(p)
        var head = word("X.indicator", p.name)
        if let code = meta["code"] { head += " [\(code)]" }
        if let title = meta["title"] { head += " — " + title }
        lines.append(head)
        if let base = p.base { lines.append(word("X.made_from", base)) }
        lines.append(cells(p))
        lines.append(valueSentence(p))
        if let n = p.numerator, p.value == nil { lines.append(word("X.numerator", phrase(n))) }
        if let d = p.denominator, p.value == nil { lines.append(word("X.denominator", phrase(d))) }
        lines.append(records(p))
        lines.append(missing(p))
        if let unit = meta["unit"] { lines.append(word("X.unit", unitWords(unit))) }
        if let weight = p.decl.weight?.text {
            // The sample design: how the records are weighted and how each cell's error is computed.
            let parts = [p.decl.strata.map { word("X.design_strata", "`\($0.text)`") }, p.decl.cluster.map { word("X.design_clusters", "`\($0.text)`") },
                         p.decl.fpc.map { word("X.design_fpc", "`\($0.text)`") }]
            var level = "95"
            if let l = p.decl.level, case .number(let x) = l.kind { level = ScalarFormat.plain(.number(x * 100)) }
            let quantile = p.decl.value.map { if case .call(let fn, _) = $0.kind { return fn.text == "median" || fn.text == "quantile" }; return false } ?? false
            // `value: mean(x)`, `share(c)`, `sum(x)`, `count()` are the ratio and total forms written short.
            lines.append(word(quantile ? "X.design_quantile" : "X.design", "`\(weight)`", parts.compactMap { $0 }.joined(), level))
            if let df = p.decl.df {
                lines.append(IndicatorDecl.isDesignDegrees(df) ? word("X.design_df_cells") : word("X.design_df", ExprPrinter.text(df)))
            }
            if let flag = p.decl.flag { lines.append(word("X.design_flag", "`\(ExprPrinter.text(flag))`")) }
            if let suppress = p.decl.suppress { lines.append(word("X.design_suppress", "`\(ExprPrinter.text(suppress))`")) }
        }
        for check in p.checks {
            lines.append(word(check.fatal ? "X.require" : "X.check", condition(check.rule)))
        }
        for field in ["definition", "method"] {
            if let text = meta[field] { lines.append(word("X." + field, text)) }
        }
        return lines.enumerated().map { $0.offset == 0 ? $0.element : "  " + $0.element }.joined(separator: "\n") + "\n"
    }

    /// The indicator's metadata as written, with the library's translation of its text fields where
    /// the reader's language has one (looked up by the library definition it is made from).
    func metadata(_ p: IndicatorPlan) -> [String: String] {
        var out: [String: String] = [:]
        for m in p.metadata {
            if case .literal(let s) = m.value.kind { out[m.key] = ScalarFormat.plain(s) }
        }
        for field in ["title", "definition", "method"] {
            if let t = translated(p.base ?? p.name, field) { out[field] = t }
        }
        return out
    }

    /// "One value for each destination and year, with totals (_T) over each and overall."
    func cells(_ p: IndicatorPlan) -> String {
        let dims = p.dimensions.map(\.name)
        guard !dims.isEmpty else { return word("X.one_value") }
        let totalled = Set(p.totalsCube.flatMap { $0 })
        let over = dims.filter(totalled.contains)
        return word("X.each", names(dims), over.isEmpty ? "" : word("X.totals", names(over)))
    }

    /// "Value: the sum of `fee` divided by the sum of `amount`, multiplied by 100."
    func valueSentence(_ p: IndicatorPlan) -> String {
        var body: String
        if let v = p.value { body = phrase(v) }
        else if let n = p.numerator, let d = p.denominator { body = word("X.ratio", phrase(n), phrase(d)) }
        else if let n = p.numerator { body = phrase(n) }
        else { body = "" }
        if let scale = p.scale { body = word("X.scaled", body, operand(scale)) }
        return word("X.value", body)
    }

    /// "Records: the rows of `survey`, only those where `amount` is above 0."
    func records(_ p: IndicatorPlan) -> String {
        let only = p.filters.isEmpty ? "" : word("X.only_where", p.filters.map(condition).joined(separator: word("X.and")))
        return word("X.records", source(p.data), only)
    }

    /// Complete cases and what `n` and `n_missing` count.
    func missing(_ p: IndicatorPlan) -> String {
        let inputs = p.completeCaseInputs
        if inputs.isEmpty { return word("X.missing_none") }
        return word("X.missing", names(inputs))
    }

    /// `a`, `b` and `c` in the reader's words.
    func names(_ list: [String]) -> String {
        let quoted = list.map { "`\($0)`" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + word("X.and") + quoted.last!
    }

    /// SDMX unit codes in words ("PT" → "percent"); another unit as written.
    func unitWords(_ unit: String) -> String {
        let code = "X.unit." + unit
        return catalog.hasCode(code) ? word(code) + " (\(unit))" : unit
    }

    /// An expression as Kerwen source, in back-quotes (what a formula the words do not cover reads).
    func code(_ e: BoundExpr) -> String { "`" + PlanPrinter(catalog: catalog).expr(e) + "`" }
}

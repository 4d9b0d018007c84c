// `report to "out/report.html"`: one self-contained HTML file a statistics office can hand out —
// each indicator's table (first rows and its totals), metadata, explanation in words, charts and
// check findings, then the run: parameters, data files with size and SHA-256, date and version. No
// script, font or stylesheet is fetched from anywhere (it opens offline from a USB stick), and a
// print stylesheet starts each indicator on a new page.

import KerwenCharts
import KerwenData
import KerwenDiagnostics
import Foundation
import KerwenEval

public struct Report {
    public struct Section {
        public var result: IndicatorResult
        public var explanation: String
        public var charts: [Chart]
        public init(result: IndicatorResult, explanation: String, charts: [Chart]) {
            self.result = result; self.explanation = explanation; self.charts = charts
        }
    }
    public var title: String
    public var subtitle: String?
    public var author: String?
    public var generated: String
    public var version: String
    public var script: String?
    public var parameters: [(name: String, value: String)]
    public var files: [(name: String, bytes: Int, sha256: String)]
    public var sections: [Section]
    /// Charts of tables that are not indicators.
    public var charts: [Chart]
    /// `check` statements of the run.
    public var checks: [(subject: String, outcomes: [CheckOutcome])]

    public init(title: String, subtitle: String?, author: String?, generated: String, version: String, script: String?,
                parameters: [(name: String, value: String)], files: [(name: String, bytes: Int, sha256: String)],
                sections: [Section], charts: [Chart], checks: [(subject: String, outcomes: [CheckOutcome])]) {
        self.title = title; self.subtitle = subtitle; self.author = author; self.generated = generated; self.version = version
        self.script = script; self.parameters = parameters; self.files = files; self.sections = sections; self.charts = charts; self.checks = checks
    }
}

public enum ReportWriter {
    /// Rows of an indicator's table shown besides its totals.
    public static let firstRows = 25

    public static func html(_ report: Report, catalog: MessageCatalog) -> String {
        let w = { (key: String, args: [any MessageArgumentConvertible]) in escape(catalog.format(Message(code: key, args: args))) }
        var h = "<!DOCTYPE html>\n<html lang=\"\(catalog.language.rawValue)\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        h += "<meta name=\"generator\" content=\"Kerwen \(escape(report.version))\"/>\n"
        h += "<title>\(escape(report.title))</title>\n<style>\n\(stylesheet)</style>\n</head>\n<body>\n"
        h += "<header>\n<h1>\(escape(report.title))</h1>\n"
        if let s = report.subtitle { h += "<p class=\"subtitle\">\(escape(s))</p>\n" }
        var byline = [w("R.generated", [report.generated]), w("R.version", [report.version])]
        if let a = report.author { byline.insert(escape(a), at: 0) }
        h += "<p class=\"byline\">\(byline.joined(separator: " · "))</p>\n</header>\n"
        if report.sections.count > 1 {
            h += "<nav><h2>\(w("R.contents", []))</h2><ol>\n"
            for (i, s) in report.sections.enumerated() { h += "<li><a href=\"#indicator-\(i + 1)\">\(escape(heading(s.result)))</a></li>\n" }
            h += "</ol></nav>\n"
        }
        for (i, section) in report.sections.enumerated() { h += indicator(section, number: i + 1, catalog: catalog) }
        if !report.charts.isEmpty {
            h += "<section class=\"charts\">\n<h2>\(w("R.charts", []))</h2>\n"
            for chart in report.charts { h += figure(chart) }
            h += "</section>\n"
        }
        if !report.checks.isEmpty {
            h += "<section class=\"checks\">\n<h2>\(w("R.checks", []))</h2>\n"
            for c in report.checks { h += findings(c.outcomes, subject: c.subject, catalog: catalog) }
            h += "</section>\n"
        }
        h += "<section class=\"run\">\n<h2>\(w("R.run", []))</h2>\n<dl>\n"
        if let script = report.script { h += "<dt>\(w("R.script", []))</dt><dd><code>\(escape(script))</code></dd>\n" }
        h += "<dt>\(w("R.date", []))</dt><dd>\(escape(report.generated))</dd>\n"
        h += "<dt>\(w("R.version_label", []))</dt><dd>Kerwen \(escape(report.version))</dd>\n</dl>\n"
        if !report.parameters.isEmpty {
            h += "<h3>\(w("R.parameters", []))</h3>\n<table class=\"meta\"><tbody>\n"
            for p in report.parameters { h += "<tr><th><code>\(escape(p.name))</code></th><td>\(escape(p.value))</td></tr>\n" }
            h += "</tbody></table>\n"
        }
        if !report.files.isEmpty {
            h += "<h3>\(w("R.files", []))</h3>\n<table class=\"files\"><thead><tr><th>\(w("R.file", []))</th><th>\(w("R.size", []))</th><th>SHA-256</th></tr></thead><tbody>\n"
            for f in report.files {
                h += "<tr><td><code>\(escape(f.name))</code></td><td class=\"num\">\(escape(NumberFormatting.grouped(String(f.bytes), separator: "\u{2009}")))</td><td><code class=\"hash\">\(f.sha256)</code></td></tr>\n"
            }
            h += "</tbody></table>\n"
        }
        h += "</section>\n</body>\n</html>\n"
        return h
    }

    static func heading(_ r: IndicatorResult) -> String {
        let code = r.meta("code").map { "\($0) " } ?? ""
        return code + (r.meta("title") ?? r.name)
    }

    static func indicator(_ s: Report.Section, number: Int, catalog: MessageCatalog) -> String {
        let r = s.result
        var h = "<section class=\"indicator\" id=\"indicator-\(number)\">\n<h2>\(escape(heading(r)))</h2>\n"
        h += "<p class=\"name\"><code>\(escape(r.name))</code></p>\n"
        if !r.metadata.isEmpty {
            h += "<table class=\"meta\"><tbody>\n"
            for m in r.metadata where m.key != "title" { h += "<tr><th>\(escape(m.key))</th><td>\(escape(m.value))</td></tr>\n" }
            h += "</tbody></table>\n"
        }
        h += "<div class=\"explanation\">\n"
        for line in s.explanation.split(separator: "\n").dropFirst() { h += "<p>\(codeSpans(escape(line.trimmingCharacters(in: .whitespaces))))</p>\n" }
        h += "</div>\n"
        for chart in s.charts { h += figure(chart) }
        h += table(r, catalog: catalog)
        h += findings(r.checks, subject: r.name, catalog: catalog)
        h += "</section>\n"
        return h
    }

    /// The first rows and every total row (a `_T` in some dimension), in the table's order.
    static func table(_ r: IndicatorResult, catalog: MessageCatalog) -> String {
        // Numerator and denominator of an indicator with `value:` are na throughout: left out.
        var t = r.table
        for name in ["numerator", "denominator"] {
            if let c = t.column(name), c.missingCount == c.count { t = t.selecting(t.names.filter { $0 != name }) }
        }
        let dims = r.dimensions.compactMap { t.column($0) }
        let totals = (0..<t.rowCount).filter { i in dims.contains { if case .text(let s) = $0.scalar(at: i) { return s == "_T" }; return false } }
        let rows = Array(Set(Array(0..<min(firstRows, t.rowCount)) + totals.prefix(200))).sorted()
        var h = "<table class=\"data\"><thead><tr>"
        for name in t.names { h += "<th>\(escape(name))</th>" }
        h += "</tr></thead><tbody>\n"
        let cells = t.columns.map { TableRenderer.cells($0, rows: rows) }
        for (k, i) in rows.enumerated() {
            let total = totals.contains(i)
            h += total ? "<tr class=\"total\">" : "<tr>"
            for (j, c) in t.columns.enumerated() { h += c.type.isNumeric ? "<td class=\"num\">\(escape(cells[j][k]))</td>" : "<td>\(escape(cells[j][k]))</td>" }
            h += "</tr>\n"
        }
        h += "</tbody></table>\n"
        if rows.count < t.rowCount {
            h += "<p class=\"note\">\(escape(catalog.format(Message(code: "R.rows_shown", args: [rows.count, t.rowCount]))))</p>\n"
        }
        return h
    }

    static func findings(_ outcomes: [CheckOutcome], subject: String, catalog: MessageCatalog) -> String {
        guard !outcomes.isEmpty else { return "" }
        let text = ValueRenderer.checkReport(outcomes, subject: subject, listed: 20, catalog: catalog).stdout
        let failed = outcomes.contains { $0.failed }
        return "<div class=\"findings\(failed ? " failed" : "")\"><h3>\(escape(catalog.format(Message(code: "R.findings", args: []))))</h3><pre>\(escape(text))</pre></div>\n"
    }

    static func figure(_ chart: Chart) -> String {
        "<figure>\n" + SVGChart().render(chart) + "</figure>\n"
    }

    /// `name` in an explanation as code, as the terminal shows it between back-quotes.
    static func codeSpans(_ s: String) -> String {
        let parts = s.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts.count % 2 == 1 else { return s }
        return parts.enumerated().map { $0.offset % 2 == 1 ? "<code>\($0.element)</code>" : String($0.element) }.joined()
    }

    static func escape<S: StringProtocol>(_ s: S) -> String { XMLText.escaped(String(s)) }

    /// Fonts that have Cyrillic and Turkmen/Uzbek Latin letters, as installed; nothing is downloaded.
    static let stylesheet = """
    body { font-family: 'DejaVu Sans', 'Noto Sans', 'Liberation Sans', Arial, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
    h1 { font-size: 1.7rem; margin-bottom: .2rem; }
    h2 { font-size: 1.3rem; border-bottom: 2px solid #0072B2; padding-bottom: .2rem; margin-top: 2.2rem; }
    h3 { font-size: 1.05rem; }
    .subtitle { font-size: 1.1rem; color: #333; margin: .2rem 0; }
    .byline, .name, .note { color: #555; font-size: .9rem; }
    table { border-collapse: collapse; margin: .8rem 0; font-size: .88rem; }
    th, td { border-bottom: 1px solid #ddd; padding: .25rem .6rem; text-align: left; vertical-align: top; }
    thead th { border-bottom: 2px solid #333; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tr.total td { font-weight: bold; background: #f3f6f9; }
    table.meta th { font-weight: normal; color: #555; }
    code.hash { font-size: .75rem; word-break: break-all; }
    .explanation p { margin: .3rem 0; }
    figure { margin: 1rem 0; }
    figure svg { max-width: 100%; height: auto; }
    .findings pre { background: #f7f7f7; padding: .6rem; font-size: .8rem; white-space: pre-wrap; }
    .findings.failed pre { border-left: 4px solid #D55E00; }
    @media print {
      body { max-width: none; margin: 0; font-size: 10pt; }
      nav { display: none; }
      section.indicator { break-before: page; page-break-before: always; }
      figure, table, .findings { break-inside: avoid; page-break-inside: avoid; }
      h2 { break-after: avoid; page-break-after: avoid; }
      a { color: inherit; text-decoration: none; }
    }

    """
}

// `plot SOURCE over X by G as KIND to "f.svg" with …`: a chart of a table or an indicator, drawn
// in the terminal (an output event) or written as SVG; and what a `report` will gather.

import Foundation
import KerwenCharts
import KerwenData
import KerwenDiagnostics
import KerwenSyntax

/// What a run showed, for `report`: the indicators shown, exported or drawn (in the order first
/// met), the charts drawn, the checks run, the files read and the parameters.
public struct ReportLog: Sendable {
    public var indicators: [String] = []
    public var charts: [(indicator: String?, chart: Chart)] = []
    public var checks: [(subject: String, outcomes: [CheckOutcome])] = []
    /// Data files read, as written in the script and as opened.
    public var files: [(shown: String, path: String)] = []

    mutating func note(indicator name: String) { if !indicators.contains(name) { indicators.append(name) } }
    mutating func note(file shown: String, path: String) { if !files.contains(where: { $0.path == path }) { files.append((shown, path)) } }
}

/// `report to PATH with title: …`: written by the session (which words and renders it).
public struct ReportRequest: Sendable {
    public var path: String
    public var shownAs: String
    public var options: [String: String]
    public init(path: String, shownAs: String, options: [String: String]) { self.path = path; self.shownAs = shownAs; self.options = options }
}

/// A chart and how big to draw it in the terminal (`with width:, height:`; nil: the terminal's).
public struct ChartEvent: Sendable {
    public var chart: Chart
    public var width: Int?
    public var height: Int?
}

extension Interpreter {
    /// An indicator's result by name (computed once and cached), for a report.
    public func result(ofIndicator name: String) throws -> IndicatorResult { try indicatorResult(name, .synthetic) }

    func plotStatement(_ p: PlotStmt, span: Span) throws {
        let value = try evalValue(p.source)
        guard let table = value.table else { throw Diagnostic(.error, Message("E052", "plot", value.kindWord), at: p.source.span) }
        var request = ChartRequest(x: p.x.text, by: p.by.map(\.text))
        var width: Int? = nil, height: Int? = nil
        for o in p.options {
            // `values: departures` names a column: it is not evaluated.
            if o.name.text == "values", case .name(let n) = o.value.kind { request.values = n; continue }
            let v = try evalValue(o.value)
            func bad() -> Diagnostic { Diagnostic(.error, Message("E054", o.name.text), at: o.value.span, hint: Message("H192")) }
            switch (o.name.text, v) {
            case ("title", .scalar(.text(let t))): request.title = t
            case ("y", .scalar(.text(let t))): request.yLabel = t
            case ("values", .scalar(.text(let t))): request.values = t
            case ("totals", .scalar(.boolean(let b))): request.totals = b
            case ("stacked", .scalar(.boolean(let b))): request.stacked = b
            case ("width", .scalar(.integer(let w))) where (30...4000).contains(w): width = Int(w)
            case ("height", .scalar(.integer(let h))) where (4...4000).contains(h): height = Int(h)
            default: throw bad()
            }
        }
        if let kind = p.kind { request.kind = Chart.Kind(rawValue: kind.text) }
        // An indicator's chart is titled by its title (or name) unless the script says otherwise.
        var indicatorName: String? = nil
        if case .indicator(let result) = value {
            indicatorName = result.name
            reportLog.note(indicator: result.name)
            if request.title == nil { request.title = result.meta("title") ?? result.name }
        }
        let built = try located(span) { try ChartBuilder.build(table, request, totalCode: Self.totalCode) }
        guard built.chart.hasValues else {
            warn(Diagnostic(.note, Message("N012", built.chart.yLabel), at: span))
            return
        }
        if built.averagedRows > 0 { warn(Diagnostic(.note, Message("N013", built.averagedRows), at: p.x.span, hint: Message("H195"))) }
        if built.binnedRows > 0 { warn(Diagnostic(.note, Message("N014", built.binnedRows, ChartBuilder.maxPoints), at: p.x.span)) }
        reportLog.charts.append((indicatorName, built.chart))
        guard let to = p.to else {
            emit(.chart(ChartEvent(chart: built.chart, width: width, height: height)))
            return
        }
        let (path, display) = try resolvePath(to, for: .write)
        guard path.lowercased().hasSuffix(".svg") else { throw Diagnostic(.error, Message("E195", display), at: to.span, hint: Message("H196")) }
        let svg = SVGChart(width: width ?? 760, height: height ?? 440).render(built.chart)
        try located(to.span) { try files.write(to: path, shownAs: display) { try $0.write(svg) } }
        emit(.drawn(path: display, points: built.chart.series.reduce(0) { $0 + $1.points.count }))
    }

    func reportStatement(_ pathExpr: Expr, options: [Option]) throws {
        let (path, display) = try resolvePath(pathExpr, for: .write)
        var values: [String: String] = [:]
        for o in options {
            guard case .scalar(.text(let t)) = try evalValue(o.value) else { throw Diagnostic(.error, Message("E054", o.name.text), at: o.value.span, hint: Message("H194")) }
            values[o.name.text] = t
        }
        guard let writer = reportWriter else { throw Diagnostic(.error, Message("E196"), at: pathExpr.span) }
        try located(pathExpr.span) { try writer(ReportRequest(path: path, shownAs: display, options: values)) }
    }
}

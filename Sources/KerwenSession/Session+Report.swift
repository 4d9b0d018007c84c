// Charts in the terminal, and `report to …` put together from what the run showed: each indicator
// (computed again from the cache, explained in this session's language), its charts, the checks, the
// parameters and the files read with their SHA-256.

import Crypto
import Foundation
import KerwenCharts
import KerwenData
import KerwenDiagnostics
import KerwenEval
import KerwenOutput
import KerwenSyntax

extension Session {
    public static let version = "0.1.0"

    func drawChart(_ event: ChartEvent) {
        let chart = TerminalChart(width: event.width ?? terminalWidth, height: event.height ?? chartHeight, color: renderOptions.color)
        writeOut(chart.render(event.chart))
    }

    /// The chart a report draws for an indicator the script did not plot: a line over its time
    /// dimension (a period or whole-number column, or one named like a year) with a series per
    /// combination of the others, else bars over its first dimension; none when it would not be
    /// readable (more than a dozen series).
    static func defaultChart(_ r: IndicatorResult) -> Chart? {
        let timeNames: Set<String> = ["year", "Year", "TIME_PERIOD", "period", "quarter", "month"]
        let time = r.dimensions.first { d in
            guard let c = r.table.column(d) else { return false }
            return c.type == .period || c.type == .integer || timeNames.contains(d)
        }
        func build(_ request: ChartRequest) -> Chart? {
            // Under the indicator's heading: the chart needs no title of its own.
            guard let built = try? ChartBuilder.build(r.table, request, totalCode: Interpreter.totalCode), built.chart.hasValues else { return nil }
            return built.chart
        }
        let others = r.dimensions.filter { $0 != time }
        // A line needs two points in some series; the latest figure of each country reads as bars.
        if let time, let line = build(ChartRequest(x: time, by: others)),
           line.series.contains(where: { $0.points.filter { $0.y != nil }.count >= 2 }) {
            return line
        }
        guard let first = others.first else { return nil }
        return build(ChartRequest(x: first, by: Array(others.dropFirst()).filter { d in
            // Series only for dimensions with more than one value (a single year is no series).
            guard let c = r.table.column(d) else { return false }
            return Set((0..<r.table.rowCount).map { ScalarFormat.plain(c.scalar(at: $0)) }).count > 1
        }, kind: .bar))
    }

    /// `kerwen report FILE`: the report of what the run showed, written to `path` (as given on the
    /// command line: relative to the working folder), within the sandbox if there is one.
    public func writeReport(to path: String, title: String?) throws {
        let absolute = path.hasPrefix("/") ? path : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path).standardizedFileURL.path
        try interpreter.files.allow(absolute, shownAs: path, for: .write)
        try writeReport(ReportRequest(path: absolute, shownAs: path, options: title.map { ["title": $0] } ?? [:]))
    }

    func writeReport(_ request: ReportRequest) throws {
        let log = interpreter.reportLog
        var sections: [Report.Section] = []
        for name in log.indicators {
            let result = try interpreter.result(ofIndicator: name)
            let explanation = explain(interpreter.explanation(of: Expr(.name(name), .synthetic)))
            var charts = log.charts.filter { $0.indicator == name }.map(\.chart)
            if charts.isEmpty, let chart = Self.defaultChart(result) { charts = [chart] }
            sections.append(Report.Section(result: result, explanation: explanation, charts: charts))
        }
        var files: [(name: String, bytes: Int, sha256: String)] = []
        for f in log.files {
            guard let file = try? interpreter.files.map(f.path) else { continue }
            files.append((f.shown, file.bytes.count, SHA256.hash(data: file.bytes).map { String(format: "%02x", $0) }.joined()))
        }
        let parameters = interpreter.globals.compactMap { name, binding -> (name: String, value: String)? in
            if case .parameter(let v) = binding { return (name, ScalarFormat.plain(v)) }
            return nil
        }.sorted { $0.name < $1.name }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        // `KERWEN_REPORT_DATE` fixes the date, so a report can be compared byte for byte.
        let date = ProcessInfo.processInfo.environment["KERWEN_REPORT_DATE"] ?? formatter.string(from: Date()) + " UTC"
        let report = Report(title: request.options["title"] ?? catalog.word("R.default_title"), subtitle: request.options["subtitle"],
                            author: request.options["author"], generated: date, version: Self.version, script: currentScript,
                            parameters: parameters, files: files, sections: sections,
                            charts: log.charts.filter { $0.indicator == nil }.map(\.chart), checks: log.checks)
        let html = ReportWriter.html(report, catalog: catalog)
        try interpreter.files.write(to: request.path, shownAs: request.shownAs) { try $0.write(html) }
        writeErr(catalog.word("W.reported", sections.count, request.shownAs) + "\n")
    }
}

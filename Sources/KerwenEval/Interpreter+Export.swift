// `export … to "file"`: the writer chosen by `format:` or the file's extension (one registry of
// formats), each writing atomically: CSV, TSV, JSON, xlsx, SDMX-CSV, Open SDG CSV.

import Foundation
import KerwenData
import KerwenDiagnostics
import KerwenFormats
import KerwenSyntax

extension Interpreter {
    func exportStatement(_ expr: Expr, to path: String, shownAs display: String, at span: Span, options: [Option]) throws {
        var chosen = FormatRegistry.writer(forExtension: PathText.fileExtension(of: path))
        if let option = options.first(where: { $0.name.text == "format" }) {
            guard case .scalar(.text(let f)) = try evalValue(option.value), let named = FormatRegistry.writer(named: f) else {
                throw Diagnostic(.error, Message("E151", ExprPrinter.text(option.value)), at: option.value.span,
                                 hint: Message("H160", MessageArgument.names(FormatRegistry.writerNames)))
            }
            chosen = named
        }
        guard let chosen else {
            throw Self.noWriter(for: path, shownAs: display, at: span)
        }
        let format = chosen.name
        let rest = options.filter { $0.name.text != "format" }
        let allowed = chosen.exportOptions ?? []
        for option in rest where !allowed.contains(option.name.text) {
            throw Diagnostic(.error, Message("E121", option.name.text), at: option.name.span,
                             hint: Suggestions.hint(for: option.name.text, in: allowed) ?? Message("H161", format, MessageArgument.names(allowed)))
        }
        switch format {
        case "csv", "tsv", "json":
            try export(try evalValue(expr), to: path, shownAs: display, at: span, options: try exportOptions(rest), format: ExportFormat(rawValue: format))
        case "xlsx": try exportWorkbook(expr, to: path, shownAs: display, at: span, options: rest)
        case "sdmx-csv":
            // `export [a, b, c] to "sdg.csv" with format: "sdmx-csv"`: the observations of several
            // indicators in one file (each with its own series and unit).
            let items: [Expr]
            if case .list(let list) = expr.kind { items = list } else { items = [expr] }
            try exportSDMX(try items.map { try evalValue($0) }, to: path, shownAs: display, at: span, options: rest)
        default: try exportOpenSDG(try evalValue(expr), to: path, shownAs: display, at: span)
        }
    }

    /// A value as a table to write, with an indicator's metadata and dimensions.
    func exportedTable(_ value: Value, at span: Span) throws -> (table: Table, metadata: [(key: String, value: String)], dimensions: [String]?) {
        switch value {
        case .indicator(let r): return (r.table, r.metadata, r.dimensions)
        case .table(let t), .grouped(let t, _): return (t, [], nil)
        case .column(let c): return (Table(names: ["value"], columns: [c]), [], nil)
        case .scalar(let s): return (Table(names: ["value"], columns: [Column.from([s])]), [], nil)
        case .list(let items): return (Table(names: ["value"], columns: [Column.from(items)]), [], nil)
        }
    }

    /// `export t to "f.xlsx"`, `export [a, b] to "f.xlsx" with sheets: ["A", "B"]`: a sheet per
    /// table or indicator (named after it), and for each indicator a sheet of its metadata.
    func exportWorkbook(_ expr: Expr, to path: String, shownAs display: String, at span: Span, options: [Option]) throws {
        let items: [Expr]
        if case .list(let list) = expr.kind { items = list } else { items = [expr] }
        var names: [String]? = nil
        if let option = options.first(where: { $0.name.text == "sheets" }) {
            guard case .list(let given) = try evalValue(option.value), given.count == items.count,
                  given.allSatisfy({ if case .text = $0 { return true } else { return false } }) else {
                throw Diagnostic(.error, Message("E054", "sheets"), at: option.value.span, hint: Message("H162", items.count))
            }
            names = given.map { ScalarFormat.plain($0) }
        }
        var sheets: [XLSXWriter.Sheet] = []
        var rows = 0
        for (i, item) in items.enumerated() {
            let value = try evalValue(item)
            let (table, metadata, _) = try exportedTable(value, at: item.span)
            let name = names?[i] ?? Self.sheetName(item, value)
            sheets.append(XLSXWriter.Sheet(name: name, table: table))
            rows += table.rowCount
            if !metadata.isEmpty {
                var pairs = metadata
                if case .indicator(let r) = value, let word = wordExplanation, let plan = indicatorExplanation(r.name) {
                    pairs.append((key: "explanation", value: word(plan)))
                }
                let meta = Table(names: ["field", "value"], columns: [Column.from(pairs.map { .text($0.key) }, type: .text),
                                                                       Column.from(pairs.map { .text($0.value) }, type: .text)])
                sheets.append(XLSXWriter.Sheet(name: String(name.prefix(22)) + " metadata", table: meta))
            }
        }
        let bytes = try XLSXWriter.workbook(sheets)
        try located(span) {
            try files.write(to: path, shownAs: display) { file in try file.write([UInt8](bytes)) }
        }
        emit(.exported(path: display, rows: rows))
    }

    static func sheetName(_ expr: Expr, _ value: Value) -> String {
        if case .indicator(let r) = value { return r.meta("code") ?? r.name }
        switch expr.kind {
        case .name(let n): return n
        case .pipeline(let source, _): if case .name(let n) = source.kind { return n }
        default: break
        }
        return "data"
    }

    /// `export ind to "f.csv" with format: "sdmx-csv"`: the SDG data structure (or `dsd:`), the
    /// indicator's series and unit, its dimensions mapped by name or `dimensions:`.
    func exportSDMX(_ values: [Value], to path: String, shownAs display: String, at span: Span, options: [Option]) throws {
        let structure = try sdmxStructure(options, at: span)
        var parts: [Table] = []
        for value in values {
            parts.append(try sdmxTable(value, structure: structure, shownAs: display, at: span, options: options))
        }
        var out = parts[0]
        if parts.count > 1 {
            // Every part has the DSD's columns in the DSD's order: stacked column by column, as
            // `union` stacks them; cell by cell in the first part's type only where types differ.
            out = Table(names: parts[0].names, columns: parts[0].names.indices.map { j in
                parts.dropFirst().reduce(Optional(parts[0].columns[j])) { $0?.appending($1.columns[j]) }
                    ?? Column.from(parts.flatMap { p in (0..<p.rowCount).map { p.columns[j].scalar(at: $0) } }, type: parts[0].columns[j].type)
            })
            try located(span) { try SDMXExport().uniqueKeys(out, structure: structure, shownAs: display) }
        }
        try located(span) { try TableWriter.writeCSV(out, to: path, options: CSVWriteOptions(delimiter: 44), shownAs: display, files: files) }
        emit(.exported(path: display, rows: out.rowCount))
    }

    func sdmxTable(_ value: Value, structure: SDMXStructure, shownAs display: String, at span: Span, options: [Option]) throws -> Table {
        let (table, metadata, dimensions) = try exportedTable(value, at: span)
        var export = SDMXExport()
        if dimensions != nil { export.ignored = ["numerator", "denominator", "n", "n_missing", "se", "ci_low", "ci_high", "cv", "deff"] }
        for (key, component) in [("series", "SERIES"), ("unit", "UNIT_MEASURE")] {
            if let v = metadata.first(where: { $0.key == key })?.value { export.fixed[component] = v }
        }
        for option in options {
            let value = try evalValue(option.value)
            switch (option.name.text, value) {
            case ("version", .scalar(.integer(let v))) where v == 1 || v == 2: export.version = Int(v)
            case ("dataflow", .scalar(.text(let d))): export.dataflow = d
            case ("dsd", _): continue
            case ("dimensions", .scalar(.text(let pairs))):
                for pair in pairs.split(separator: ",") {
                    let sides = pair.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
                    guard sides.count == 2, !sides[0].isEmpty, !sides[1].isEmpty else {
                        throw Diagnostic(.error, Message("E054", "dimensions"), at: option.value.span, hint: Message("H163"))
                    }
                    export.mapping[sides[0]] = sides[1]
                }
            case (let name, .scalar(let s)) where ["series", "unit_measure", "ref_area", "freq", "reporting_type", "unit_mult", "obs_status", "nature", "source_detail", "comment_obs"].contains(name) && !s.isNA:
                export.fixed[name.uppercased()] = ScalarFormat.plain(s)
            default:
                throw Diagnostic(.error, Message("E054", option.name.text), at: option.value.span, hint: Message("H163"))
            }
        }
        return try located(span) { try export.table(table, structure: structure, shownAs: display) }
    }

    /// `export ind to "f.csv" with format: "open-sdg"`: the file a national platform's data folder takes.
    func exportOpenSDG(_ value: Value, to path: String, shownAs display: String, at span: Span) throws {
        let (table, metadata, dimensions) = try exportedTable(value, at: span)
        let dims = dimensions ?? table.names.filter { !["value", "Value"].contains($0) }
        let labels = try sdmxLabelRows(at: span)
        let out = OpenSDGWriter.table(table, dimensions: dims, value: table.names.contains("value") ? "value" : "Value",
                                      units: metadata.first { $0.key == "unit" }?.value, series: metadata.first { $0.key == "series" }?.value,
                                      labels: labels)
        try located(span) { try TableWriter.writeCSV(out, to: path, options: CSVWriteOptions(delimiter: 44), shownAs: display, files: files) }
        emit(.exported(path: display, rows: out.rowCount))
    }

    /// The rows of stdlib/sdmx_codes.csv (label, code, dimension), for labels written back.
    func sdmxLabelRows(at span: Span) throws -> [(label: String, code: String, dimension: String)] {
        guard let dir = standardLibrary else { throw Diagnostic(.error, Message("E073", "sdmx_codes.csv"), at: span) }
        let path = dir.appendingPathComponent("sdmx_codes.csv").path
        try files.allow(path, shownAs: path, for: .read)
        let t = try CSVReader.read(path: path, shownAs: path, options: CSVOptions(missingMarkers: [], forcedTypes: ["label": .text, "code": .text, "dimension": .text]), files: files)
        guard let l = t.column("label"), let c = t.column("code"), let d = t.column("dimension") else { return [] }
        return (0..<t.rowCount).map { (ScalarFormat.plain(l.scalar(at: $0)), ScalarFormat.plain(c.scalar(at: $0)), ScalarFormat.plain(d.scalar(at: $0))) }
    }

    /// The error for a target whose extension names no format Kerwen writes (or that has none).
    static func noWriter(for path: String, shownAs display: String, at span: Span) -> Diagnostic {
        let ext = PathText.fileExtension(of: path)
        return Diagnostic(.error, ext.isEmpty ? Message("E199", display) : Message("E025", ext), at: span, hint: Message("H042"))
    }
}

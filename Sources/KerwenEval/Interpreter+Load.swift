// `load … with` options and `export … to`.

import Foundation
import KerwenData
import KerwenDiagnostics
import KerwenFormats
import KerwenSyntax

extension Interpreter {
    /// Every option `load` takes, for did-you-mean (which apply depends on the file: FormatRegistry).
    static let loadOptionNames = Array(Set(FormatRegistry.formats.flatMap(\.loadOptions))).sorted()
    static let layouts = ["open-sdg", "sdmx-csv", "plain"]

    /// Reads a file as `load` asks: by what the file is (its first bytes), then for text the CSV
    /// options and the layout's normalisation.
    func loadTable(path: String, display: String, options: [Option], at span: Span) throws -> Table {
        Self.withPeriods(try readTable(path: path, display: display, options: options, at: span), options: options)
    }

    /// Text columns whose every value is a period of one frequency become periods, unless the
    /// script said `text: [column]` (Period.inferred).
    static func withPeriods(_ table: Table, options: [Option]) -> Table {
        var keep = Set<String>()
        for option in options where option.name.text == "text" {
            if case .list(let items) = option.value.kind { for case .name(let n) in items.map(\.kind) { keep.insert(n) } }
        }
        return Period.inferred(table, keepText: keep).table
    }

    private func readTable(path: String, display: String, options: [Option], at span: Span) throws -> Table {
        if let kind = FileBytes.kind(path: path, files: files), kind != .text {
            return try located(span) { try self.loadStructured(kind, path: path, display: display, options: options) }
        }
        let csvOptions = try loadOptions(options)
        let read = try CSVReader.readReporting(path: path, shownAs: display, options: csvOptions, files: files)
        let decimal = try decimalOption(options)
        let thousands = try thousandsOption(options)
        let (table, columns) = Self.withDecimalCommas(read, options: csvOptions, decimal: decimal, thousands: thousands)
        if decimal == nil, thousands == nil, !columns.isEmpty {
            warn(Diagnostic(.note, Message("N007", columns.map { "`\($0)`" }.joined(separator: ", ")), at: span,
                            hint: Message("H108", ExprPrinter.name(columns[0]))))
        }
        for column in read.hugeIntegerColumns {
            let example = table.firstHugeInteger(in: column) ?? column
            warn(Diagnostic.warning("W005", column, example, at: span, hint: Message("H083", column)))
        }
        guard let layout = options.first(where: { $0.name.text == "layout" }) else { return table }
        guard case .scalar(.text(let name)) = try evalValue(layout.value), Self.layouts.contains(name) else {
            throw Diagnostic(.error, Message("E054", "layout"), at: layout.value.span, hint: Message("H060"))
        }
        switch name {
        case "open-sdg": return OpenSDGLayout.normalize(table, codes: try sdmxCodes(at: layout.value.span))
        case "sdmx-csv":
            let structure = try sdmxStructure(options, at: layout.value.span)
            return try located(span) { try SDMXCSV.normalize(table, structure: structure, shownAs: display) }
        default: return table
        }
    }

    /// The label → SDMX code table of the standard library (`stdlib/sdmx_codes.csv`).
    func sdmxCodes(at span: Span) throws -> [String: String] {
        guard let dir = standardLibrary else { throw Diagnostic(.error, Message("E073", "sdmx_codes.csv"), at: span) }
        let path = dir.appendingPathComponent("sdmx_codes.csv").path
        try files.allow(path, shownAs: path, for: .read)
        let table = try CSVReader.read(path: path, shownAs: path, options: CSVOptions(missingMarkers: [], forcedTypes: ["label": .text, "code": .text]), files: files)
        guard let labels = table.column("label"), let codes = table.column("code") else {
            throw Diagnostic(.error, Message("E073", path), at: span)
        }
        var map: [String: String] = [:]
        for i in 0..<table.rowCount { map[ScalarFormat.plain(labels.scalar(at: i))] = ScalarFormat.plain(codes.scalar(at: i)) }
        return map
    }

    func loadOptions(_ options: [Option]) throws -> CSVOptions {
        var result = CSVOptions()
        for option in options {
            switch option.name.text {
            case "layout", "decimal", "thousands", "dsd": continue
            case "sheet", "range", "header_rows", "skip":
                // Options of a workbook: a CSV file has one table, from its first line.
                throw Diagnostic(.error, Message("E155", option.name.text), at: option.name.span, hint: Message("H145"))
            case "delimiter":
                guard case .scalar(.text(let d)) = try evalValue(option.value) else {
                    throw Diagnostic(.error, Message("E054", "delimiter"), at: option.value.span, hint: Message("H040"))
                }
                let map: [String: UInt8] = [",": 44, ";": 59, "\t": 9, "tab": 9, "|": 124]
                guard let b = map[d] else { throw Diagnostic(.error, Message("E055", d), at: option.value.span, hint: Message("H040")) }
                result.delimiter = b
            case "missing":
                result.missingMarkers = try textList(option.value)
            case "encoding":
                let names: [String: CSVOptions.TextEncoding] = ["utf-8": .utf8, "utf8": .utf8, "cp1251": .cp1251, "windows-1251": .cp1251,
                                                              "cp866": .cp866, "ibm866": .cp866, "koi8-r": .koi8r, "koi8r": .koi8r]
                guard case .scalar(.text(let e)) = try evalValue(option.value), let encoding = names[e.lowercased()] else {
                    throw Diagnostic(.error, Message("E054", "encoding"), at: option.value.span, hint: Message("H111"))
                }
                result.encoding = encoding
            case "text", "integer", "number", "boolean", "period":
                guard case .list(let items) = option.value.kind else {
                    throw Diagnostic(.error, Message("E054", option.name.text), at: option.value.span, hint: Message("H041", option.name.text))
                }
                for item in items {
                    guard case .name(let column) = item.kind else {
                        throw Diagnostic(.error, Message("E054", option.name.text), at: item.span, hint: Message("H041", option.name.text))
                    }
                    result.forcedTypes[column] = ColumnType(rawValue: option.name.text)
                }
            default:
                throw Diagnostic(.error, Message("E056", option.name.text), at: option.name.span,
                                 hint: Suggestions.hint(for: option.name.text, in: Self.loadOptionNames))
            }
        }
        return result
    }

    /// Decimal commas: `decimal: ","` reads every such column as numbers; unstated, a `;` file's
    /// columns whose values are all numbers and some have a decimal comma are read so (the caller
    /// says so in a note); `decimal: "."` never. Also the columns converted.
    static func withDecimalCommas(_ read: CSVReader.Result, options: CSVOptions, decimal: String?, thousands: Character? = nil) -> (Table, [String]) {
        let keep = Set(options.forcedTypes.filter { $0.value == .text }.map(\.key))
        // `thousands:` stated: numbers written so (`1,250.50`, `1 250,5`), with either decimal mark.
        if let thousands {
            let format = DecimalComma.Format(decimal: decimal == "," ? "," : ".", thousands: thousands)
            return DecimalComma.converted(read.table, keepText: keep, needComma: false, format: format)
        }
        guard decimal != ".", decimal == "," || read.delimiter == 59 else { return (read.table, []) }
        return DecimalComma.converted(read.table, keepText: keep, needComma: decimal == nil)
    }

    /// `thousands: ","`, `"."`, `" "` (any space) or `"'"` of a `load` (nil: not stated).
    func thousandsOption(_ options: [Option]) throws -> Character? {
        guard let option = options.first(where: { $0.name.text == "thousands" }) else { return nil }
        guard case .scalar(.text(let t)) = try evalValue(option.value), t.count == 1, let c = t.first, [",", ".", " ", "'"].contains(c) else {
            throw Diagnostic(.error, Message("E054", "thousands"), at: option.value.span, hint: Message("H123"))
        }
        if let decimal = try decimalOption(options), decimal.first == c {
            throw Diagnostic(.error, Message("E054", "thousands"), at: option.value.span, hint: Message("H123"))
        }
        return c
    }

    /// `decimal: ","` or `decimal: "."` of a `load` (nil: not stated).
    func decimalOption(_ options: [Option]) throws -> String? {
        guard let option = options.first(where: { $0.name.text == "decimal" }) else { return nil }
        guard case .scalar(.text(let d)) = try evalValue(option.value), d == "," || d == "." else {
            throw Diagnostic(.error, Message("E054", "decimal"), at: option.value.span, hint: Message("H109"))
        }
        return d
    }

    private func textList(_ expr: Expr) throws -> [String] {
        switch try evalValue(expr) {
        case .scalar(.text(let s)): return [s]
        case .list(let items):
            return try items.map {
                guard case .text(let s) = $0 else { throw Diagnostic(.error, Message("E054", "missing"), at: expr.span) }
                return s
            }
        default:
            throw Diagnostic(.error, Message("E054", "missing"), at: expr.span)
        }
    }

    static let exportOptionNames = ["delimiter", "bom", "decimal"]

    /// `export … with delimiter: ";", decimal: ",", bom: true`: what Russian-locale Excel opens
    /// as columns and numbers (it splits on `;`, reads `3,5` as a number and needs the BOM to read
    /// UTF-8 Cyrillic).
    func exportOptions(_ options: [Option]) throws -> CSVWriteOptions {
        var result = CSVWriteOptions()
        for option in options {
            let value = try evalValue(option.value)
            switch option.name.text {
            case "delimiter":
                let map: [String: UInt8] = [",": 44, ";": 59, "\t": 9, "tab": 9, "|": 124]
                guard case .scalar(.text(let d)) = value else {
                    throw Diagnostic(.error, Message("E054", "delimiter"), at: option.value.span, hint: Message("H040"))
                }
                guard let b = map[d] else { throw Diagnostic(.error, Message("E055", d), at: option.value.span, hint: Message("H040")) }
                result.delimiter = b
            case "decimal":
                guard case .scalar(.text(let d)) = value, d == "." || d == "," else {
                    throw Diagnostic(.error, Message("E054", "decimal"), at: option.value.span, hint: Message("H089"))
                }
                result.decimalComma = d == ","
            case "bom":
                guard case .scalar(.boolean(let b)) = value else {
                    throw Diagnostic(.error, Message("E054", "bom"), at: option.value.span, hint: Message("H090"))
                }
                result.byteOrderMark = b
            default:
                throw Diagnostic(.error, Message("E121", option.name.text), at: option.name.span,
                                 hint: Suggestions.hint(for: option.name.text, in: Self.exportOptionNames))
            }
        }
        return result
    }

    func export(_ value: Value, to path: String, shownAs display: String, at span: Span, options: CSVWriteOptions = CSVWriteOptions(),
                format chosen: ExportFormat? = nil) throws {
        guard let format = chosen ?? ExportFormat(path: path) else {
            throw Self.noWriter(for: path, shownAs: display, at: span)
        }
        var table: Table
        var metadata: [(key: String, value: String)] = []
        switch value {
        case .indicator(let r):
            table = r.table
            metadata = r.metadata
            // Each CSV row names its indicator, so files can be concatenated and still read;
            // JSON carries the metadata once, beside the rows.
            // JSON also says in words what the indicator computes (in the session's language).
            if format == .json, let word = wordExplanation, let plan = indicatorExplanation(r.name) {
                metadata.append((key: "explanation", value: word(plan)))
            }
            for key in ["code", "series", "unit"] where format != .json {
                if let m = r.meta(key) { table.set("indicator_\(key)", Column.repeating(.text(m), count: table.rowCount)) }
            }
        case .table(let t), .grouped(let t, _):
            table = t
        case .scalar(let s):
            table = Table(names: ["value"], columns: [Column.from([s])])
        case .column(let c):
            table = Table(names: ["value"], columns: [c])
        case .list(let items):
            table = Table(names: ["value"], columns: [Column.from(items)])
        }
        if format == .json {
            // JSON has no infinity: such values become null, and the user is told how many.
            for (name, column) in zip(table.names, table.columns) {
                guard case .number(let values) = column.storage else { continue }
                var infinite = 0
                for (r, v) in values.enumerated() where v.isInfinite && column.isValid(r) { infinite += 1 }
                if infinite > 0 {
                    warn(Diagnostic.warning("W006", infinite, name, at: span, hint: Message("H084")))
                }
            }
        }
        do {
            switch format {
            case .csv, .tsv:
                var csv = options
                if csv.delimiter == nil { csv.delimiter = format == .csv ? 44 : 9 }
                if csv.decimalComma && csv.delimiter == 44 { throw Diagnostic(.error, Message("E123"), at: span, hint: Message("H092")) }
                try TableWriter.writeCSV(table, to: path, options: csv, shownAs: display, files: files)
            case .json:
                if options != CSVWriteOptions() {
                    throw Diagnostic(.error, Message("E122"), at: span, hint: Message("H091"))
                }
                try TableWriter.writeJSON(table, metadata: metadata, to: path, shownAs: display, files: files)
            }
        } catch var d as Diagnostic {
            // A write failure points at the file name in the script.
            if d.span == nil { d.span = span }
            throw d
        }
        emit(.exported(path: display, rows: table.rowCount))
    }
}

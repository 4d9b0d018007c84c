// `load` of what is not CSV text, chosen by the file's first bytes (FileKind): SDMX-ML, xlsx; and
// a clear error for what Kerwen does not read (.xls, an encrypted workbook, Parquet, PDF, gzip).

import Foundation
import KerwenData
import KerwenDiagnostics
import KerwenFormats
import KerwenSyntax

extension Interpreter {
    func loadStructured(_ kind: FileKind, path: String, display: String, options: [Option]) throws -> Table {
        switch kind {
        case .compound(let encrypted):
            throw Diagnostic(.error, Message(encrypted ? "E143" : "E142", display), hint: Message(encrypted ? "H139" : "H138"))
        case .parquet, .pdf, .gzip, .binary:
            let word = [FileKind.parquet: "K.parquet", .pdf: "K.pdf", .gzip: "K.gzip"][kind] ?? "K.binary"
            throw Diagnostic(.error, Message("E144", display, Message(word)), hint: Message("H140"))
        default: break
        }
        let allowed = FormatRegistry.reader(for: kind)?.loadOptions ?? []
        for option in options where !allowed.contains(option.name.text) {
            throw Diagnostic(.error, Message("E156", option.name.text, display), at: option.name.span,
                             hint: allowed.isEmpty ? Message("H146") : Message("H147", allowed.map { "`\($0)`" }.joined(separator: ", ")))
        }
        let data = try FileBytes.read(path: path, shownAs: display, files: files)
        var table: Table
        switch FormatRegistry.reader(for: kind)?.name {
        case "sdmx-ml": table = try SDMXMLReader.read(data, shownAs: display)
        default: table = try XLSXReader.read(data, shownAs: display, options: try workbookOptions(options))
        }
        // `text: [col]` keeps a column's cells as written.
        if let textOption = options.first(where: { $0.name.text == "text" }), case .list(let items) = textOption.value.kind {
            for item in items {
                guard case .name(let n) = item.kind, let c = table.column(n) else { continue }
                table.set(n, Column.from((0..<c.count).map { i in c.scalar(at: i).isNA ? .na : .text(ScalarFormat.plain(c.scalar(at: i))) }, type: .text))
            }
        }
        return table
    }

    func workbookOptions(_ options: [Option]) throws -> XLSXReader.Options {
        var result = XLSXReader.Options()
        for option in options {
            let value = try evalValue(option.value)
            switch (option.name.text, value) {
            case ("sheet", .scalar(.text(let name))): result.sheet = .name(name)
            case ("sheet", .scalar(.integer(let n))) where n >= 1: result.sheet = .number(Int(n))
            case ("range", .scalar(.text(let r))):
                guard let range = CellRange(r) else { throw Diagnostic(.error, Message("E147", r), at: option.value.span, hint: Message("H142")) }
                result.range = range
            case ("header_rows", .scalar(.integer(let n))) where (0...20).contains(n): result.headerRows = Int(n)
            case ("skip", .scalar(.integer(let n))) where n >= 0: result.skip = Int(n)
            case ("missing", _):
                result.missingMarkers = try loadOptions([option]).missingMarkers
            case ("text", _): continue
            default:
                throw Diagnostic(.error, Message("E054", option.name.text), at: option.value.span, hint: Message("H148"))
            }
        }
        return result
    }

    /// The data structure an SDMX option names (`dsd: "my_dsd.xml"`), else the SDG DSD of the
    /// standard library; read once per session and file.
    func sdmxStructure(_ options: [Option], at span: Span) throws -> SDMXStructure {
        var path: String, display: String
        if let option = options.first(where: { $0.name.text == "dsd" }) {
            (path, display) = try resolvePath(option.value, for: .read)
        } else {
            guard let dir = standardLibrary else { throw Diagnostic(.error, Message("E073", "sdmx/SDG_DSD.KG_1.8.xml"), at: span) }
            path = dir.appendingPathComponent("sdmx/SDG_DSD.KG_1.8.xml").path
            display = path
            try files.allow(path, shownAs: path, for: .read)
        }
        if let cached = structureCache[path] { return cached }
        let structure = try located(span) { try SDMXStructure.read(try FileBytes.read(path: path, shownAs: display, files: self.files), shownAs: display) }
        structureCache[path] = structure
        return structure
    }

    /// Runs `body`, giving a diagnostic without a place the place of the statement.
    func located<T>(_ span: Span, _ body: () throws -> T) throws -> T {
        do { return try body() } catch var d as Diagnostic {
            if d.span == nil { d.span = span }
            throw d
        }
    }
}

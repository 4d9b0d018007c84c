// The typed columns a `load` will give, read from the start of its file before the script runs
// (for the plan). The types are those of the first rows: a column that turns out to hold text
// further down is typed when the script runs, as the whole file is read.

import Foundation
import KerwenData
import KerwenFormats
import KerwenDiagnostics
import KerwenSyntax

extension Interpreter {
    /// Bytes read from the start of a file to type its columns.
    public static let sampleBytes = 1 << 20
    /// A workbook or SDMX-ML file up to this size is read whole to know its columns before running.
    public static let structuredSampleBytes = 32 << 20

    /// The table of the first rows of a `load` (nil when the file cannot be read now, or the path is
    /// not written as text).
    /// Files of a pattern whose first rows give the plan its types.
    static let sampledFiles = 16

    public func sample(_ stmt: Stmt) -> Table? {
        guard case .load(_, _, let options) = stmt.kind else { return nil }
        // Typed as the load types them: period columns too.
        return sampleCells(stmt).map { Self.withPeriods($0, options: options) }
    }

    private func sampleCells(_ stmt: Stmt) -> Table? {
        guard case .load(_, let pathExpr, let options) = stmt.kind, case .string(let raw) = pathExpr.kind else { return nil }
        let expanded = (raw as NSString).expandingTildeInPath
        let path = expanded.hasPrefix("/") ? expanded : baseDirectory.appendingPathComponent(expanded).standardizedFileURL.path
        // A pattern (`data/*.csv`): the first 1 MB of each of its first files, typed as the load
        // types the stacked columns, and the `file` column the load adds.
        if Self.isPattern(raw) {
            guard let matched = try? files(matching: path, display: raw, at: pathExpr.span) else { return nil }
            let samples = matched.prefix(Self.sampledFiles).compactMap { file in
                sample(Stmt(.load(Name("", pathExpr.span), path: Expr(.string(file.path), pathExpr.span), options: options), stmt.span))
            }
            guard var out = samples.first, samples.allSatisfy({ $0.names == out.names }) else { return nil }
            for (c, name) in out.names.enumerated() {
                out.set(name, Self.retyped(out.columns[c], to: Self.stackedType(Set(samples.map { $0.columns[c].type }))))
            }
            out.set(out.names.contains("file") ? "source_file" : "file", Column.repeating(.text(PathText.lastPart(of: matched[0].shown)), count: out.rowCount))
            return out
        }
        if !files.allows(path, for: .read) { return nil }
        // A workbook or an SDMX-ML file has no first lines to sample: read whole when it is small.
        if let kind = FileBytes.kind(path: path, files: files), kind != .text {
            guard let size = (try? files.map(path))?.bytes.count, size <= Self.structuredSampleBytes else { return nil }
            return try? loadStructured(kind, path: path, display: raw, options: options)
        }
        // Only a regular file is opened (a folder or a pipe is reported when the script runs).
        guard let file = try? files.map(path) else { return nil }
        var bytes = Array(file.bytes.prefix(Self.sampleBytes))
        if file.changed { return nil }
        if bytes.count == Self.sampleBytes {
            // Whole records only: cut after the last line break of the sample.
            guard let nl = bytes.lastIndex(of: 10) else { return nil }
            bytes.removeSubrange((nl + 1)...)
        }
        guard let csvOptions = try? loadOptions(options), let read = try? CSVReader.parseReporting(bytes: bytes, name: path, options: csvOptions) else {
            return nil
        }
        // `try?` would flatten "no `decimal:` option" (nil) into "a bad one".
        let decimal: String?
        do { decimal = try decimalOption(options) } catch { return nil }
        let thousands: Character?
        do { thousands = try thousandsOption(options) } catch { return nil }
        let table = Self.withDecimalCommas(read, options: csvOptions, decimal: decimal, thousands: thousands).0
        guard let layout = options.first(where: { $0.name.text == "layout" }) else { return table }
        if case .string("sdmx-csv") = layout.value.kind {
            guard let structure = try? sdmxStructure(options, at: layout.value.span) else { return nil }
            return try? SDMXCSV.normalize(table, structure: structure, shownAs: raw)
        }
        guard case .string("open-sdg") = layout.value.kind else { return table }
        guard let codes = try? sdmxCodes(at: layout.value.span) else { return nil }
        return OpenSDGLayout.normalize(table, codes: codes)
    }
}

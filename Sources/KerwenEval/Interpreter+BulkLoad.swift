// `load all from "data/*.csv"`: every file the pattern names, read with the same options and
// stacked in name order, with a `file` column (the file's name) saying where each row came from. The files must
// have the same header; a column read as integers in one file and numbers in another is numbers,
// and one read as text anywhere is text in all.

import Foundation
import KerwenData
import KerwenDiagnostics
import KerwenSyntax

extension Interpreter {
    /// Whether a path written in `load` names several files (`*`, `?` or `[…]` in its file name).
    static func isPattern(_ path: String) -> Bool { path.contains { "*?[".contains($0) } }

    /// The files a pattern matches, in name order (wildcards only in the last part of the path).
    func files(matching pattern: String, display: String, at span: Span) throws -> [(path: String, shown: String)] {
        let folder = PathText.folder(of: pattern)
        let glob = PathText.lastPart(of: pattern)
        let shownFolder = PathText.folder(of: display)
        guard !Self.isPattern(folder) else { throw Diagnostic(.error, Message("E134", display), at: span, hint: Message("H122")) }
        // A folder outside the sandbox is refused before it is listed: which files it holds is not
        // the script's to learn (and listing a large foreign folder costs time for nothing).
        do { try files.allow(folder.isEmpty ? "." : folder, shownAs: shownFolder.isEmpty ? "." : shownFolder, for: .read) }
        catch var d as Diagnostic { d.span = span; throw d }
        let names = files.files(inFolder: folder).filter { fnmatch(glob, $0, 0) == 0 }.sorted()
        guard !names.isEmpty else { throw Diagnostic(.error, Message("E133", display), at: span, hint: Message("H120")) }
        return names.map { (folder + "/" + $0, shownFolder.isEmpty ? $0 : shownFolder + "/" + $0) }
    }

    func loadMany(pattern: String, display: String, options: [Option], at span: Span) throws -> Table {
        var parts: [(shown: String, table: Table)] = []
        for file in try files(matching: pattern, display: display, at: span) {
            try Interrupt.check()
            do { try files.allow(file.path, shownAs: file.shown, for: .read) } catch var d as Diagnostic { d.span = span; throw d }
            parts.append((file.shown, try loadTable(path: file.path, display: file.shown, options: options, at: span)))
        }
        let first = parts[0]
        for part in parts.dropFirst() where part.table.names != first.table.names {
            let listed = { (names: [String]) in names.map { "`\($0)`" }.joined(separator: ", ") }
            throw Diagnostic(.error, Message("E132", part.shown, listed(part.table.names), first.shown, listed(first.table.names)),
                             at: span, hint: Message("H121"))
        }
        // One type per column across the files: integers and numbers make numbers, anything else text.
        var columns: [Column] = []
        for c in first.table.names.indices {
            let target = Self.stackedType(Set(parts.map { $0.table.columns[c].type }))
            var merged: Column?
            for part in parts {
                let column = Self.retyped(part.table.columns[c], to: target)
                merged = merged.map { $0.appending(column) ?? $0 } ?? column
            }
            columns.append(merged!)
        }
        var names = first.table.names
        let fileColumn = names.contains("file") ? "source_file" : "file"
        names.append(fileColumn)
        // The file's name only: the folder is the same for all, the name is what tells them apart.
        columns.append(Column.from(parts.flatMap { part in
            [Scalar](repeating: .text(PathText.lastPart(of: part.shown)), count: part.table.rowCount)
        }, type: .text))
        return Table(names: names, columns: columns)
    }

    /// The type of a column stacked from files that read it as these types.
    static func stackedType(_ types: Set<ColumnType>) -> ColumnType {
        if types.count == 1, let only = types.first { return only }
        return types.isSubset(of: [.integer, .number]) ? .number : .text
    }

    /// A column as another type for stacking: integers as numbers, anything as text (as written).
    static func retyped(_ column: Column, to type: ColumnType) -> Column {
        guard column.type != type else { return column }
        switch type {
        case .number:
            if let d = column.asDoubles() { return Column(.number(d), validity: column.validity) }
            return column
        default:
            let cells = (0..<column.count).map { i -> Scalar in
                let s = column.scalar(at: i)
                return s.isNA ? .na : .text(ScalarFormat.plain(s))
            }
            return Column.from(cells, type: .text)
        }
    }
}

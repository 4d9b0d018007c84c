// SDMX-CSV 1.0 (`DATAFLOW` first) and 2.0 (`STRUCTURE`, `STRUCTURE_ID`, `ACTION` first): read as
// one row per observation with the components as columns, checked against a data structure.

import Foundation
import KerwenData
import KerwenDiagnostics

public enum SDMXCSV {
    static let framing1 = ["DATAFLOW"]
    static let framing2 = ["STRUCTURE", "STRUCTURE_ID", "STRUCTURE_NAME", "ACTION", "SERIES_KEY", "OBS_KEY"]

    /// A CSV table read from an SDMX-CSV file: its columns named by component id (a `SEX: Sex`
    /// label dropped), dimensions and attributes as text, `OBS_VALUE` a number, `TIME_PERIOD`
    /// whole years as integers. A column that is not a component of `structure` is an error.
    public static func normalize(_ table: Table, structure: SDMXStructure, shownAs name: String) throws -> Table {
        var out = table
        let ids = table.names.map { n -> String in
            let id = n.split(separator: ":", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? n
            // `STRUCTURE[;]` names the delimiter of multi-valued attributes.
            return id.hasPrefix("STRUCTURE[") ? "STRUCTURE" : id
        }
        guard let first = ids.first, first == "DATAFLOW" || (first == "STRUCTURE" && ids.count > 1 && ids[1] == "STRUCTURE_ID") else {
            throw Diagnostic(.error, Message("E148", name, ids.first ?? ""), hint: Message("H149"))
        }
        let framing = first == "DATAFLOW" ? framing1 : framing2
        let known = Set(framing + structure.dimensions.map(\.id) + structure.attributes.map(\.id) + [structure.timeDimension, structure.primaryMeasure])
        for id in ids where !known.contains(id) {
            throw Diagnostic(.error, Message("E157", name, id, structure.reference),
                             hint: Suggestions.hint(for: id, in: Array(known)) ?? Message("H150"))
        }
        out.renameAll(zip(table.names, ids).filter { $0 != $1 }.map { ($0, $1) })
        for (j, id) in ids.enumerated() {
            let column = out.columns[j]
            if id == structure.primaryMeasure {
                if column.type == .text { out.replaceColumn(at: j, with: try numbers(column, name: name, id: id)) }
                if column.type == .integer { out.replaceColumn(at: j, with: column.asNumbers()) }
            } else if id == structure.timeDimension, column.type == .integer {
                continue
            } else if column.type != .text {
                out.replaceColumn(at: j, with: column.asText())
            }
        }
        return out
    }

    /// `OBS_VALUE` cells written as text: `NaN` and empty are missing; anything else not a number is an error.
    private static func numbers(_ column: Column, name: String, id: String) throws -> Column {
        var cells: [Scalar] = []
        cells.reserveCapacity(column.count)
        for i in 0..<column.count {
            let s = column.scalar(at: i)
            guard case .text(let t) = s else { cells.append(s.isNA ? .na : s); continue }
            let trimmed = t.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed == "NaN" { cells.append(.na); continue }
            guard let x = Double(trimmed) else { throw Diagnostic.error("E158", name, i + 2, id, t) }
            cells.append(.number(x))
        }
        return Column.from(cells, type: .number)
    }
}

extension Column {
    /// The column's cells as text, as they are written in files (numbers in shortest form).
    func asText() -> Column {
        if type == .text { return self }
        // Whole numbers (years, M49 numbers): one text per distinct value, codes per row.
        if case .integer(let values) = storage {
            var dictionary = TextDictionary(), seen: [Int64: Int32] = [:]
            let codes = values.map { v -> Int32 in
                if let c = seen[v] { return c }
                let c = dictionary.encode(String(v))
                seen[v] = c
                return c
            }
            return Column(.text(codes: codes, dictionary: dictionary), validity: validity)
        }
        return Column.from((0..<count).map { i in scalar(at: i).isNA ? .na : .text(ScalarFormat.plain(scalar(at: i))) }, type: .text)
    }

    func asNumbers() -> Column {
        guard case .integer(let v) = storage else { return self }
        return Column(.number(v.map(Double.init)), validity: validity)
    }
}

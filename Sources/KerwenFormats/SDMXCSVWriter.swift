// An indicator or a table as SDMX-CSV 1.0 or 2.0 for the SDG data structure (or another DSD): the
// dimensions in the DSD's order (those the data does not disaggregate are `_T`), TIME_PERIOD,
// OBS_VALUE at full precision, then every attribute of the DSD. Every coded value is checked
// against its code list before anything is written.

import Foundation
import KerwenData
import KerwenDiagnostics

public struct SDMXExport: Sendable {
    /// 1 (`DATAFLOW` first) or 2 (`STRUCTURE`, `STRUCTURE_ID`, `ACTION` first).
    public var version = 1
    public var dataflow: String?
    /// Column → component, as the user wrote it (`dimensions: "sex = SEX, region = REF_AREA"`).
    public var mapping: [String: String] = [:]
    /// Component → one value for every row (`ref_area: "417"`, the indicator's series and unit).
    public var fixed: [String: String] = [:]
    /// Columns of an indicator that SDMX has no place for (numerator, denominator, n, n_missing).
    public var ignored: Set<String> = []
    public init() {}

    /// Names users give the time and the value, read as the SDMX components.
    static let synonyms = ["year": "TIME_PERIOD", "time": "TIME_PERIOD", "period": "TIME_PERIOD", "time_period": "TIME_PERIOD",
                           "value": "OBS_VALUE", "obs_value": "OBS_VALUE", "unit": "UNIT_MEASURE", "units": "UNIT_MEASURE"]

    /// The SDMX-CSV table: every column text but OBS_VALUE, in the format's order.
    public func table(_ data: Table, structure: SDMXStructure, shownAs name: String) throws -> Table {
        // Which column gives which component.
        var source: [String: String] = [:]   // component → column
        for column in data.names where !ignored.contains(column) {
            let component: String
            if let mapped = mapping[column] {
                component = mapped
            } else if let known = componentNamed(column, structure) {
                component = known
            } else {
                throw Diagnostic(.error, Message("E150", column, structure.reference), hint: Message("H153", column))
            }
            guard isComponent(component, structure) else {
                throw Diagnostic(.error, Message("E159", component, structure.reference),
                                 hint: Suggestions.hint(for: component, in: allComponents(structure)) ?? Message("H154"))
            }
            source[component] = column
        }
        for (column, _) in mapping where !data.names.contains(column) {
            throw Diagnostic(.error, Message("E012", column), hint: Suggestions.hint(for: column, in: data.names))
        }
        guard source[structure.timeDimension] != nil || fixed[structure.timeDimension] != nil else {
            throw Diagnostic(.error, Message("E152", name), hint: Message("H155"))
        }
        guard source[structure.primaryMeasure] != nil else { throw Diagnostic(.error, Message("E160", name), hint: Message("H156")) }
        let n = data.rowCount
        var names: [String] = []
        var columns: [Column] = []
        func constant(_ text: String) -> Column { Column.repeating(.text(text), count: n) }
        let flow = dataflow ?? structure.dataflow ?? structure.reference
        if version == 2 {
            names += ["STRUCTURE", "STRUCTURE_ID", "ACTION"]
            columns += [constant("dataflow"), constant(flow), constant("I")]
        } else {
            names.append("DATAFLOW")
            columns.append(constant(flow))
        }
        let defaults = ["FREQ": "A", "REPORTING_TYPE": "N"]
        // Periods say their own frequency: FREQ is taken from them, and a stated one must agree.
        let periods: (codes: [Int64], column: Column)? = source[structure.timeDimension].flatMap { data.column($0) }.flatMap { c in
            if case .period(let codes) = c.storage { return (codes, c) } else { return nil }
        }
        for dimension in structure.dimensions {
            names.append(dimension.id)
            if dimension.id == "FREQ", let periods {
                let stated = source["FREQ"].flatMap { data.column($0) } ?? fixed["FREQ"].map(constant)
                var letters: [Scalar] = []
                for row in 0..<n {
                    guard periods.column.isValid(row), let p = Period(code: periods.codes[row]) else {
                        letters.append(stated?.scalar(at: row) ?? .na); continue
                    }
                    if let stated, case .text(let f) = stated.scalar(at: row), f != p.frequency.rawValue {
                        throw Diagnostic(.error, Message("E183", name, row + 1, f, p.description, Message(p.frequency.wordKey)), hint: Message("H183"))
                    }
                    letters.append(.text(p.frequency.rawValue))
                }
                columns.append(Column.from(letters, type: .text))
                continue
            }
            if let column = source[dimension.id] { columns.append(data.column(column)!.asText()) }
            else if let value = fixed[dimension.id] ?? defaults[dimension.id] { columns.append(constant(value)) }
            else if dimension.id == "REF_AREA" { throw Diagnostic(.error, Message("E153", name), hint: Message("H157")) }
            else if dimension.id == "SERIES" { throw Diagnostic(.error, Message("E172", name), hint: Message("H172")) }
            else { columns.append(constant("_T")) }
        }
        names.append(structure.timeDimension)
        columns.append(source[structure.timeDimension].map { data.column($0)!.asText() } ?? constant(fixed[structure.timeDimension] ?? ""))
        names.append(structure.primaryMeasure)
        columns.append(Self.observationValues(data.column(source[structure.primaryMeasure]!)!))
        for attribute in structure.attributes {
            names.append(attribute.id)
            if let column = source[attribute.id] { columns.append(data.column(column)!.asText()) }
            else { columns.append(Column.from([Scalar](repeating: fixed[attribute.id].map(Scalar.text) ?? .na, count: n), type: .text)) }
        }
        let out = Table(names: names, columns: columns, rowCount: n)
        try validate(out, structure: structure, shownAs: name)
        try uniqueKeys(out, structure: structure, shownAs: name)
        return out
    }

    /// OBS_VALUE at full precision, or with the decimals the indicator or `round()` asked for (as
    /// text, so observations of indicators with different decimals can share one file).
    static func observationValues(_ column: Column) -> Column {
        guard let decimals = column.decimals, case .number(let values) = column.storage else { return column }
        return Column.from(values.indices.map { i in column.isValid(i) && values[i].isFinite ? .text(CSVEncoder.fixed(values[i], decimals)) : .na }, type: .text)
    }

    /// Every coded component's values are codes of its list: per distinct value, the first bad one
    /// named with its row and the nearest codes (by code, or by the code's English name: "female" → F).
    func validate(_ table: Table, structure: SDMXStructure, shownAs name: String) throws {
        for (j, id) in table.names.enumerated() {
            guard let codes = structure.codes(of: id), case .text(let cells, let dictionary) = table.columns[j].storage else { continue }
            let bad = dictionary.values.map { codes[$0] == nil && !$0.isEmpty }
            guard bad.contains(true) else { continue }
            for (row, code) in cells.enumerated() where code >= 0 && bad[Int(code)] && table.columns[j].isValid(row) {
                let value = dictionary.values[Int(code)]
                var near = codes.filter { $0.value.lowercased() == value.lowercased() }.map(\.key)
                near += Suggestions.nearest(to: value, in: Array(codes.keys), limit: 3).filter { !near.contains($0) }
                throw Diagnostic(.error, Message("E149", name, row + 1, id, value, structure.codes(of: id).map { _ in listName(id, structure) } ?? id),
                                 hint: near.isEmpty ? Message("H158", id) : Message("H159", MessageArgument.names(Array(near.prefix(3)))))
            }
        }
    }

    /// Each observation's key (its dimensions and time) appears once: a second row with the same key
    /// would be read as a replacement or refused by the receiver.
    public func uniqueKeys(_ table: Table, structure: SDMXStructure, shownAs name: String) throws {
        // Each key column's dictionary codes, mixed into one 64-bit hash per row; rows whose hashes
        // meet are compared code by code (so a collision is never taken for a repeat).
        let keyColumns = (structure.dimensions.map(\.id) + [structure.timeDimension]).compactMap { table.index(of: $0) }.map { table.columns[$0].asText() }
        let codes: [[Int32]] = keyColumns.map { column in
            guard case .text(let c, _) = column.storage else { return [] }
            return (0..<c.count).map { column.isValid($0) ? c[$0] : -1 }
        }
        func sameKey(_ a: Int, _ b: Int) -> Bool { codes.allSatisfy { $0[a] == $0[b] } }
        var seen: [UInt64: [Int]] = [:]
        seen.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount {
            var h: UInt64 = 0xcbf29ce484222325
            for column in codes { h = (h ^ UInt64(bitPattern: Int64(column[row]))) &* 0x100000001b3 }
            if let earlier = seen[h], let first = earlier.first(where: { sameKey($0, row) }) {
                let key = keyColumns.map { ScalarFormat.plain($0.scalar(at: row)) }.joined(separator: ".")
                throw Diagnostic(.error, Message("E162", name, row + 1, first + 1, key), hint: Message("H164"))
            }
            seen[h, default: []].append(row)
        }
    }

    private func listName(_ id: String, _ structure: SDMXStructure) -> String {
        (structure.dimensions + structure.attributes).first { $0.id == id }?.codelist ?? id
    }

    private func componentNamed(_ column: String, _ structure: SDMXStructure) -> String? {
        let upper = column.uppercased()
        if isComponent(upper, structure) { return upper }
        return Self.synonyms[column.lowercased()]
    }

    private func isComponent(_ id: String, _ structure: SDMXStructure) -> Bool { allComponents(structure).contains(id) }

    private func allComponents(_ structure: SDMXStructure) -> [String] {
        structure.dimensions.map(\.id) + [structure.timeDimension, structure.primaryMeasure] + structure.attributes.map(\.id)
    }
}

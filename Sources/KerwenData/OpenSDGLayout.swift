// The Open SDG "tidy" CSV form used by national SDG platforms: `Year`, `SeriesCode`, `GeoAreaName`,
// disaggregation columns where an empty cell means the total, then `Value`.

import Foundation

public enum OpenSDGLayout {
    /// Columns that identify an observation or describe it, never disaggregations.
    public static let nonDisaggregations: Set<String> = [
        "Year", "SeriesCode", "SeriesDescription", "Series", "SERIES", "GeoAreaName", "GeoAreaCode", "GeoCode",
        "Value", "Units", "UNIT_MEASURE", "UNIT_MULT", "OBS_STATUS", "NATURE", "COMMENT_OBS", "TIME_DETAIL",
        "SOURCE_DETAIL", "Reporting Type", "REPORTING_TYPE", "TIME_PERIOD", "OBS_VALUE", "REF_AREA", "FREQ",
    ]

    /// The disaggregation columns of a table in this form.
    public static func disaggregations(of table: Table) -> [String] {
        table.names.filter { !nonDisaggregations.contains($0) }
    }

    /// Every disaggregation column becomes text; an empty cell becomes `total`, and a published label
    /// (`BOTHSEX`, `FEMALE`, `ALLAGE`, …) becomes its SDMX code through `codes` (label → code).
    /// Works on the dictionary, not on the cells: one lookup per distinct label.
    public static func normalize(_ table: Table, codes: [String: String], total: String = "_T") -> Table {
        var out = table
        // By position: looking each column up by name would make a wide table quadratic.
        for j in table.columns.indices where !nonDisaggregations.contains(table.names[j]) {
            let column = table.columns[j]
            var textColumn = column
            if column.type != .text {
                textColumn = Column.from((0..<column.count).map { i in
                    let s = column.scalar(at: i)
                    return s.isNA ? .na : .text(ScalarFormat.plain(s))
                }, type: .text)
            }
            guard case .text(let oldCodes, let dictionary) = textColumn.storage else { continue }
            var mapped = TextDictionary()
            let remap = dictionary.values.map { label -> Int32 in
                let trimmed = label.trimmingCharacters(in: .whitespaces)
                return mapped.encode(trimmed.isEmpty ? total : (codes[trimmed] ?? trimmed))
            }
            let totalCode = mapped.encode(total)
            var newCodes = [Int32](repeating: totalCode, count: oldCodes.count)
            for i in 0..<oldCodes.count where textColumn.isValid(i) { newCodes[i] = remap[Int(oldCodes[i])] }
            out.replaceColumn(at: j, with: Column(.text(codes: newCodes, dictionary: mapped)))
        }
        return out
    }
}

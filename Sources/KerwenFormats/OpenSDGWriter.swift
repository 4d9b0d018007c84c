// An indicator as the CSV a national Open SDG platform reads from its data folder: `Year`, `Units`,
// `Series`, the disaggregation columns (an empty cell for a total, the platform's labels for codes:
// the reverse of stdlib/sdmx_codes.csv), then `Value`.

import KerwenData

public enum OpenSDGWriter {
    /// `labels`: rows of sdmx_codes.csv (label, code, dimension). `years`: the column of the year.
    public static func table(_ all: Table, dimensions: [String], value: String, units: String?, series: String?,
                             labels: [(label: String, code: String, dimension: String)]) -> Table {
        let yearColumn = dimensions.first { ["year", "time_period", "time", "period"].contains($0.lowercased()) }
        // A platform's series are by year: a total over all years (`_T`) has no row there.
        var data = all
        if let y = yearColumn, let years = all.column(y), years.type == .text {
            data = all.filter((0..<all.rowCount).map { ScalarFormat.plain(years.scalar(at: $0)) != "_T" })
        }
        let n = data.rowCount
        var names = ["Year"], columns = [yearColumn.flatMap { data.column($0) } ?? Column.from([Scalar](repeating: .na, count: n), type: .integer)]
        if let units { names.append("Units"); columns.append(Column.repeating(.text(units), count: n)) }
        if let series { names.append("Series"); columns.append(Column.repeating(.text(series), count: n)) }
        for dimension in dimensions where dimension != yearColumn {
            guard let column = data.column(dimension) else { continue }
            let upper = dimension.uppercased()
            // A code's label for this dimension (`F` in SEX → FEMALE); `_T` and what has no label as written.
            var reverse: [String: String] = [:]
            for row in labels where row.code != "_T" && (row.dimension == upper || row.dimension == "ANY") && reverse[row.code] == nil {
                reverse[row.code] = row.label
            }
            let text = column.asText()
            guard case .text(let codes, let dictionary) = text.storage else { continue }
            var mapped = TextDictionary()
            let remap = dictionary.values.map { v -> Int32 in v == "_T" ? -1 : mapped.encode(reverse[v] ?? v) }
            var validity = Bitmap(count: n, value: true)
            let cells = codes.enumerated().map { i, c -> Int32 in
                let out = c >= 0 && text.isValid(i) ? remap[Int(c)] : -1
                if out < 0 { validity[i] = false }
                return out
            }
            names.append(dimension)
            columns.append(Column(.text(codes: cells, dictionary: mapped), validity: validity))
        }
        names.append("Value")
        columns.append(data.column(value) ?? Column.from([Scalar](repeating: .na, count: n), type: .number))
        return Table(names: names, columns: columns, rowCount: n)
    }
}

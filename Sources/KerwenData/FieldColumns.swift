// A table's cells as text fields, formatted a slice of rows at a time and column by column, for
// the CSV and JSON encoders to lay out as rows.
//
// Column by column because each column's storage is then bound once per slice. Bound once per
// cell (row by row, switching over each column's case), every cell cost an atomic retain and
// release of the column's array, an array shared by the chunks on every core: in the release
// build that was half of a CSV export's time.

struct FieldColumns: @unchecked Sendable {
    /// How a missing or non-finite cell, a text value and a period are written.
    enum Style: Equatable {
        /// Missing cells empty, `inf`/`-inf` as such, text quoted when it holds the delimiter, a
        /// quote or a line end; with `decimalComma`, numbers with a decimal comma (`3,5`).
        case csv(delimiter: UInt8, decimalComma: Bool)
        /// Missing cells and non-finite numbers `null`, text and periods as JSON strings.
        case json
    }

    private enum Cells {
        case integer([Int64])
        /// The values, and the fixed decimals they are written with (nil: shortest form).
        case number([Double], Int?)
        /// Dictionary codes, and each dictionary entry as written, one after another in `bytes`
        /// (entry k ends at `ends[k]`): one buffer, so that copying an entry retains nothing.
        case text([Int32], bytes: [UInt8], ends: [Int])
        case boolean([Bool])
        case period([Int64])
    }

    private let columns: [(cells: Cells, validity: Bitmap?)]
    private let style: Style

    var count: Int { columns.count }

    init(_ table: Table, style: Style) {
        self.style = style
        columns = table.columns.map { c in
            switch c.storage {
            case .integer(let v): return (.integer(v), c.validity)
            case .number(let v): return (.number(v, c.decimals), c.validity)
            case .boolean(let v): return (.boolean(v), c.validity)
            case .period(let v): return (.period(v), c.validity)
            case .text(let codes, let dict):
                var bytes: [UInt8] = [], ends: [Int] = []
                ends.reserveCapacity(dict.values.count)
                for value in dict.values {
                    bytes += Self.text(value, style)
                    ends.append(bytes.count)
                }
                return (.text(codes, bytes: bytes, ends: ends), c.validity)
            }
        }
    }

    /// A text value as written in `style`.
    static func text(_ value: String, _ style: Style) -> [UInt8] {
        switch style {
        case .csv(let delimiter, _): return CSVEncoder.quoted(value, delimiter)
        case .json: return Array(TableWriter.jsonString(value).utf8)
        }
    }

    /// How many rows to format at once so that a slice holds about 256 K fields, however wide the
    /// table (a pivot can make 100,000 columns; the field ends take 8 bytes each).
    var rowsPerSlice: Int { max(1, 262_144 / max(1, columns.count)) }

    /// The fields of `rows` in every column, column after column: the field of the i-th row of
    /// the slice in column j ends at `ends[j * rows.count + i]` in `bytes` (and starts where the
    /// field before it ends, or at 0).
    func format(_ rows: Range<Int>) -> (bytes: [UInt8], ends: [Int]) {
        var bytes: [UInt8] = [], ends: [Int] = []
        bytes.reserveCapacity(rows.count * columns.count * 8)
        ends.reserveCapacity(rows.count * columns.count)
        let json = style == .json
        var decimalComma = false
        if case .csv(_, let comma) = style { decimalComma = comma }
        for column in columns {
            switch column.cells {
            case .integer(let v):
                v.withUnsafeBufferPointer { v in
                    fields(rows, column.validity, json, &bytes, &ends) { r, out in CSVEncoder.appendInteger(v[r], to: &out) }
                }
            case .number(let v, let decimals):
                v.withUnsafeBufferPointer { v in
                    fields(rows, column.validity, json, &bytes, &ends) { r, out in
                        let x = v[r]
                        if json && !x.isFinite { Self.appendNull(to: &out); return }
                        let start = out.count
                        if let decimals, x.isFinite { CSVEncoder.appendFixed(x, decimals, to: &out) } else { CSVEncoder.appendNumber(x, to: &out) }
                        if decimalComma { for k in start..<out.count where out[k] == 46 { out[k] = 44 } }
                    }
                }
            case .text(let codes, let entryBytes, let entryEnds):
                codes.withUnsafeBufferPointer { codes in
                    entryBytes.withUnsafeBufferPointer { entry in
                        entryEnds.withUnsafeBufferPointer { entryEnds in
                            fields(rows, column.validity, json, &bytes, &ends) { r, out in
                                let k = Int(codes[r])
                                guard k >= 0 else { if json { Self.appendNull(to: &out) }; return }
                                out.append(contentsOf: UnsafeBufferPointer(rebasing: entry[(k == 0 ? 0 : entryEnds[k - 1])..<entryEnds[k]]))
                            }
                        }
                    }
                }
            case .boolean(let v):
                v.withUnsafeBufferPointer { v in
                    fields(rows, column.validity, json, &bytes, &ends) { r, out in
                        if v[r] { out.append(116); out.append(114); out.append(117); out.append(101) }   // true
                        else { out.append(102); out.append(97); out.append(108); out.append(115); out.append(101) }   // false
                    }
                }
            case .period(let v):
                v.withUnsafeBufferPointer { v in
                    fields(rows, column.validity, json, &bytes, &ends) { r, out in
                        guard let p = Period(code: v[r]) else { if json { Self.appendNull(to: &out) }; return }
                        if json { out.append(34) }
                        p.appendDescription(to: &out)
                        if json { out.append(34) }
                    }
                }
            }
        }
        return (bytes, ends)
    }

    /// One field per row of `rows`: `cell` writes a cell that holds a value, a missing cell is
    /// empty (CSV) or `null` (JSON); the validity is read through its words, not copied per row.
    @inline(__always)
    private func fields(_ rows: Range<Int>, _ validity: Bitmap?, _ json: Bool, _ bytes: inout [UInt8], _ ends: inout [Int],
                        _ cell: (Int, inout [UInt8]) -> Void) {
        guard let validity else {
            for r in rows { cell(r, &bytes); ends.append(bytes.count) }
            return
        }
        validity.words.withUnsafeBufferPointer { words in
            for r in rows {
                if words[r >> 6] & (1 << UInt64(r & 63)) != 0 { cell(r, &bytes) } else if json { Self.appendNull(to: &bytes) }
                ends.append(bytes.count)
            }
        }
    }

    @inline(__always)
    private static func appendNull(to out: inout [UInt8]) {
        out.append(110); out.append(117); out.append(108); out.append(108)
    }
}

// JSON rows (`{"name": value, …}`) from typed columns, a chunk of rows at a time on all cores, as
// CSVEncoder does for CSV: names and text values escaped once, numbers formatted into the buffer.

struct JSONRowEncoder: @unchecked Sendable {
    private enum Cells {
        case integer([Int64])
        case number([Double], Int?)
        case text([Int32], [[UInt8]])
        case boolean([Bool])
        case period([Int64])
    }

    /// Per column: `"name": ` as bytes, the cells, the validity.
    private let columns: [(key: [UInt8], cells: Cells, validity: Bitmap?)]
    private let indent: [UInt8]
    // Made once: an array literal in the row loop would be a new array per use.
    private let rowSeparator: [UInt8] = [44, 10], fieldSeparator: [UInt8] = [44, 32]
    private let null = Array("null".utf8), yes = Array("true".utf8), no = Array("false".utf8)

    init(_ table: Table, indent: String) {
        self.indent = Array(indent.utf8)
        columns = zip(table.names, table.columns).map { name, c in
            let key = Array((TableWriter.jsonString(name) + ": ").utf8)
            switch c.storage {
            case .integer(let v): return (key, .integer(v), c.validity)
            case .number(let v): return (key, .number(v, c.decimals), c.validity)
            case .boolean(let v): return (key, .boolean(v), c.validity)
            case .period(let v): return (key, .period(v), c.validity)
            case .text(let codes, let dict): return (key, .text(codes, dict.values.map { Array(TableWriter.jsonString($0).utf8) }), c.validity)
            }
        }
    }

    /// Rows as `indent{…}`, separated by `,\n` (the first row of the table has no separator before it).
    func encode(_ rows: Range<Int>, into out: inout [UInt8]) {
        for r in rows {
            if r > 0 { out += rowSeparator }
            out += indent
            out.append(123)
            for (j, column) in columns.enumerated() {
                if j > 0 { out += fieldSeparator }
                out += column.key
                if let v = column.validity, !v[r] { out += null; continue }
                switch column.cells {
                case .integer(let v): CSVEncoder.appendInteger(v[r], to: &out)
                case .number(let v, let decimals):
                    if !v[r].isFinite { out += null } else if let decimals { CSVEncoder.appendFixed(v[r], decimals, to: &out) } else { CSVEncoder.appendNumber(v[r], to: &out) }
                case .text(let codes, let entries): out += codes[r] >= 0 ? entries[Int(codes[r])] : null
                case .boolean(let v): out += v[r] ? yes : no
                case .period(let v):
                    if let p = Period(code: v[r]) { out.append(34); p.appendDescription(to: &out); out.append(34) } else { out += null }
                }
            }
            out.append(125)
        }
    }

    /// `[`, the rows, `]` (an empty table is `[]`), in chunks formatted on every core.
    func encodeArray(rowCount: Int, closingIndent: String, _ write: ([UInt8]) throws -> Void) rethrows {
        guard rowCount > 0 else { try write(Array("[]".utf8)); return }
        try write([91, 10])
        try CSVEncoder.inChunks(rowCount: rowCount, chunk: 32_768, reserve: 32 * max(1, columns.count), encode: encode, write)
        try write(Array(("\n" + closingIndent + "]").utf8))
    }
}

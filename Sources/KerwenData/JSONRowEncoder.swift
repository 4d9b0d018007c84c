// JSON rows (`{"name": value, …}`) from typed columns, a chunk of rows at a time on all cores, as
// CSVEncoder does for CSV: names and text values escaped once, fields formatted column by column
// (`FieldColumns`) and laid out as rows.

struct JSONRowEncoder: @unchecked Sendable {
    private let fields: FieldColumns
    /// Each column's `"name": `, one after another (column j's ends at `keyEnds[j]`).
    private let keys: [UInt8], keyEnds: [Int]
    private let indent: [UInt8]

    init(_ table: Table, indent: String) {
        self.indent = Array(indent.utf8)
        fields = FieldColumns(table, style: .json)
        var keys: [UInt8] = [], keyEnds: [Int] = []
        for name in table.names {
            keys += Array((TableWriter.jsonString(name) + ": ").utf8)
            keyEnds.append(keys.count)
        }
        self.keys = keys
        self.keyEnds = keyEnds
    }

    /// Rows as `indent{…}`, separated by `,\n` (the first row of the table has no separator before it).
    func encode(_ rows: Range<Int>, into out: inout [UInt8]) {
        var from = rows.lowerBound
        while from < rows.upperBound {
            let to = min(rows.upperBound, from + fields.rowsPerSlice)
            layOut(fields.format(from..<to), rows: from..<to, into: &out)
            from = to
        }
    }

    /// The fields of `rows`, column after column, laid out as row objects. The output's size is
    /// known (fields, keys, separators, braces), so it is grown once and the bytes copied into it.
    private func layOut(_ formatted: (bytes: [UInt8], ends: [Int]), rows: Range<Int>, into out: inout [UInt8]) {
        let n = rows.count, m = fields.count
        let perRow = indent.count + 2 + keys.count + 2 * max(0, m - 1)
        let separators = rows.lowerBound > 0 ? n : n - 1
        var at = out.count
        out.append(contentsOf: repeatElement(0, count: formatted.bytes.count + n * perRow + 2 * separators))
        let first = rows.lowerBound
        formatted.bytes.withUnsafeBufferPointer { bytes in
            formatted.ends.withUnsafeBufferPointer { ends in
                keys.withUnsafeBufferPointer { keys in
                    keyEnds.withUnsafeBufferPointer { keyEnds in
                        indent.withUnsafeBufferPointer { indent in
                            out.withUnsafeMutableBufferPointer { out in
                                for i in 0..<n {
                                    if first + i > 0 { out[at] = 44; out[at + 1] = 10; at += 2 }   // ,\n
                                    for b in indent { out[at] = b; at += 1 }
                                    out[at] = 123   // {
                                    at += 1
                                    for j in 0..<m {
                                        if j > 0 { out[at] = 44; out[at + 1] = 32; at += 2 }   // ", "
                                        for b in (j == 0 ? 0 : keyEnds[j - 1])..<keyEnds[j] { out[at] = keys[b]; at += 1 }
                                        let k = j * n + i
                                        for b in (k == 0 ? 0 : ends[k - 1])..<ends[k] { out[at] = bytes[b]; at += 1 }
                                    }
                                    out[at] = 125   // }
                                    at += 1
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `[`, the rows, `]` (an empty table is `[]`), in chunks formatted on every core.
    func encodeArray(rowCount: Int, closingIndent: String, _ write: ([UInt8]) throws -> Void) rethrows {
        guard rowCount > 0 else { try write(Array("[]".utf8)); return }
        try write([91, 10])
        try CSVEncoder.inChunks(rowCount: rowCount, columns: fields.count, chunk: 32_768, reserve: 32, encode: encode, write)
        try write(Array(("\n" + closingIndent + "]").utf8))
    }
}

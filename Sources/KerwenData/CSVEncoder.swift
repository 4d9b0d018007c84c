// CSV bytes from typed columns, a chunk of rows at a time: each text value quoted once per
// dictionary entry, fields formatted column by column (`FieldColumns`) and laid out as rows,
// chunks formatted on all cores.

import Foundation
import KerwenDiagnostics

/// The columns of a table prepared for writing rows.
public struct CSVEncoder: @unchecked Sendable {
    private let fields: FieldColumns
    private let delimiter: UInt8
    let header: [UInt8]

    init(_ table: Table, delimiter: UInt8, decimalComma: Bool = false) {
        self.delimiter = delimiter
        fields = FieldColumns(table, style: .csv(delimiter: delimiter, decimalComma: decimalComma))
        var h: [UInt8] = []
        for (j, name) in table.names.enumerated() {
            if j > 0 { h.append(delimiter) }
            h += Self.quoted(name, delimiter)
        }
        header = h + [10]
    }

    /// A field as written: quoted (quotes doubled) when it holds the delimiter, a quote or a line end.
    static func quoted(_ s: String, _ delimiter: UInt8) -> [UInt8] {
        let bytes = Array(s.utf8)
        guard bytes.contains(where: { $0 == delimiter || $0 == 34 || $0 == 10 || $0 == 13 }) else { return bytes }
        var out: [UInt8] = [34]
        for b in bytes { out.append(b); if b == 34 { out.append(34) } }
        out.append(34)
        return out
    }

    /// Appends the rows `rows` (each ending with a newline); a missing cell is an empty field.
    func encode(_ rows: Range<Int>, into out: inout [UInt8]) {
        var from = rows.lowerBound
        while from < rows.upperBound {
            let to = min(rows.upperBound, from + fields.rowsPerSlice)
            layOut(fields.format(from..<to), rows: to - from, into: &out)
            from = to
        }
    }

    /// The fields of `n` rows, column after column, laid out as rows: the output's size is known
    /// (the fields, a delimiter between them and a newline per row), so it is grown once and the
    /// fields copied into it.
    private func layOut(_ formatted: (bytes: [UInt8], ends: [Int]), rows n: Int, into out: inout [UInt8]) {
        let m = fields.count
        var at = out.count
        out.append(contentsOf: repeatElement(0, count: formatted.bytes.count + n * max(1, m)))
        let delimiter = delimiter
        formatted.bytes.withUnsafeBufferPointer { bytes in
            formatted.ends.withUnsafeBufferPointer { ends in
                out.withUnsafeMutableBufferPointer { out in
                    for i in 0..<n {
                        for j in 0..<m {
                            if j > 0 { out[at] = delimiter; at += 1 }
                            let k = j * n + i
                            for b in (k == 0 ? 0 : ends[k - 1])..<ends[k] { out[at] = bytes[b]; at += 1 }
                        }
                        out[at] = 10
                        at += 1
                    }
                }
            }
        }
    }

    @inline(__always)
    static func appendInteger(_ x: Int64, to out: inout [UInt8]) {
        if x < 0 { out.append(45) }
        var m = x.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // up to 20 digits, written backwards
        var count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat { d[23 - count] = UInt8(48 + m % 10); m /= 10; count += 1 } while m > 0
            out.append(contentsOf: d[(24 - count)...])
        }
    }

    /// Integral values as plain digits up to 2^63 (never `1e+18`, which some readers take for text),
    /// others the shortest text that reads back as the same double; `inf` and `-inf` as Kerwen,
    /// R (`Inf`) and DuckDB read them back.
    @inline(__always)
    static func appendNumber(_ x: Double, to out: inout [UInt8]) {
        if x.isNaN { return }
        if x == x.rounded(), abs(x) < 9.2e18 { appendInteger(Int64(x), to: &out); return }
        if x.isInfinite { out += x > 0 ? Array("inf".utf8) : Array("-inf".utf8); return }
        out += x.description.utf8
    }

    /// A number with exactly `decimals` decimals, rounded half away from zero as offices publish
    /// (printf alone would round 0.125 to 0.12).
    public static func fixed(_ x: Double, _ decimals: Int) -> String {
        var out: [UInt8] = []
        appendFixed(x, decimals, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendFixed(_ x: Double, _ decimals: Int, to out: inout [UInt8]) {
        let f = Foundation.pow(10.0, Double(decimals))
        let scaled = x * f
        let rounded = scaled.isFinite ? scaled.rounded(.toNearestOrAwayFromZero) / f : x
        out += String(format: "%.\(decimals)f", rounded).utf8
    }

    /// All rows in chunks formatted on every core, handed to `write` in order.
    func encodeAll(rowCount: Int, _ write: ([UInt8]) throws -> Void) rethrows {
        try write(header)
        try Self.inChunks(rowCount: rowCount, columns: fields.count, chunk: 65_536, reserve: 16, encode: encode, write)
    }

    /// Rows encoded chunk by chunk, a batch of chunks at once on all cores, written in row order:
    /// the output is never held whole. A chunk is at most `chunk` rows and about a million fields,
    /// so that a wide table (a pivot's 100,000 columns) is not formatted a gigabyte at a time;
    /// `reserve`: bytes to reserve per field.
    static func inChunks(rowCount: Int, columns: Int, chunk maxRows: Int, reserve bytesPerField: Int,
                         encode: @escaping @Sendable (Range<Int>, inout [UInt8]) -> Void, _ write: ([UInt8]) throws -> Void) rethrows {
        let chunk = max(1, min(maxRows, (1 << 20) / max(1, columns))), slice = min(4_096, chunk)
        let bytesPerRow = bytesPerField * max(1, columns)
        let batch = 4 * Parallel.cores
        var start = 0
        while start < rowCount {
            let chunks = min(batch, (rowCount - start + chunk - 1) / chunk)
            let first = start
            let parts = Parallel.values(chunks) { k in
                var bytes: [UInt8] = []
                let lo = first + k * chunk, hi = min(rowCount, lo + chunk)
                bytes.reserveCapacity((hi - lo) * bytesPerRow)
                // In slices, so that Ctrl-C or a termination signal is seen within a fraction of a
                // second even in a debug build; the writer then throws and nothing is committed.
                var from = lo
                while from < hi && !Interrupt.isRequested {
                    let to = min(hi, from + slice)
                    encode(from..<to, &bytes)
                    from = to
                }
                return bytes
            }
            for p in parts { try write(p) }
            start = min(rowCount, start + chunks * chunk)
        }
    }
}

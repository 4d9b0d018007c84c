// CSV bytes from typed columns, a chunk of rows at a time: each text value quoted once per
// dictionary entry, numbers formatted straight into the buffer, chunks formatted on all cores.

import Foundation
import KerwenDiagnostics

/// The columns of a table prepared for writing rows.
public struct CSVEncoder: @unchecked Sendable {
    private enum Cells {
        case integer([Int64])
        /// The values, and the fixed decimals they are written with (nil: shortest form).
        case number([Double], Int?)
        /// Each dictionary entry already quoted as it needs to be.
        case text([Int32], [[UInt8]])
        case boolean([Bool])
        case period([Int64])
    }

    private let columns: [(cells: Cells, validity: Bitmap?)]
    private let delimiter: UInt8
    /// Numbers with a decimal comma (`3,5`).
    private let decimalComma: Bool
    let header: [UInt8]
    private let yes = Array("true".utf8), no = Array("false".utf8)

    init(_ table: Table, delimiter: UInt8, decimalComma: Bool = false) {
        self.delimiter = delimiter
        self.decimalComma = decimalComma
        columns = table.columns.map { c in
            switch c.storage {
            case .integer(let v): return (.integer(v), c.validity)
            case .number(let v): return (.number(v, c.decimals), c.validity)
            case .boolean(let v): return (.boolean(v), c.validity)
            case .period(let v): return (.period(v), c.validity)
            case .text(let codes, let dict): return (.text(codes, dict.values.map { Self.quoted($0, delimiter) }), c.validity)
            }
        }
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
        for r in rows {
            for (j, column) in columns.enumerated() {
                if j > 0 { out.append(delimiter) }
                if let v = column.validity, !v[r] { continue }
                switch column.cells {
                case .integer(let v): Self.appendInteger(v[r], to: &out)
                case .number(let v, let decimals):
                    let start = out.count
                    if let decimals, v[r].isFinite { Self.appendFixed(v[r], decimals, to: &out) } else { Self.appendNumber(v[r], to: &out) }
                    if decimalComma { for k in start..<out.count where out[k] == 46 { out[k] = 44 } }
                case .text(let codes, let entries): if codes[r] >= 0 { out += entries[Int(codes[r])] }
                case .boolean(let v): out += v[r] ? yes : no
                case .period(let v): Period(code: v[r])?.appendDescription(to: &out)
                }
            }
            out.append(10)
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
        try Self.inChunks(rowCount: rowCount, chunk: 65_536, reserve: 16 * max(1, columns.count), encode: encode, write)
    }

    /// Rows encoded chunk by chunk, a batch of chunks at once on all cores, written in row order:
    /// the output is never held whole.
    static func inChunks(rowCount: Int, chunk: Int, reserve bytesPerRow: Int, encode: @escaping @Sendable (Range<Int>, inout [UInt8]) -> Void,
                         _ write: ([UInt8]) throws -> Void) rethrows {
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
                    let to = min(hi, from + 4_096)
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

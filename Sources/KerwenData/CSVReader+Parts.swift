// One part of a CSV file parsed into its own column builders: the fast loop over unquoted and
// simply quoted fields, the general scanner for the rest, and the messages for bad cells.

import KerwenDiagnostics

extension CSVReader {
    struct ChunkContext: @unchecked Sendable {
        let p: UnsafeBufferPointer<UInt8>
        let name: String
        let delimiter: UInt8
        let markers: MissingMarkers
        /// The buffer is a file mapping: pages already parsed can be handed back to the page cache.
        let mapped: Bool
        let columns: Int
        /// Records per byte, measured on the file's first 64 KB, to reserve columns at their final size.
        let rowsPerByte: Double
    }

    struct ChunkResult: @unchecked Sendable {
        var builders: [ColumnBuilder]
        var rows: Int
    }

    /// Parses the records of one part of the file (it starts and ends at record boundaries).
    /// `wholeFile`: the first part reserves room for every record of the file, so the other parts are
    /// appended to it without moving it (reserved, untouched memory costs nothing resident).
    static func parseChunk(_ chunk: ChunkSplitter.Chunk, _ c: ChunkContext, _ template: [ColumnBuilder], wholeFile: Int? = nil) throws -> ChunkResult {
        let p = UnsafeBufferPointer(rebasing: c.p[0..<chunk.end])
        var reader = RecordScanner(p: p, name: c.name, delimiter: c.delimiter)
        reader.pos = chunk.start
        reader.line = chunk.line
        let estimate = max(16, Int(Double(wholeFile ?? (chunk.end - chunk.start)) * c.rowsPerByte * 1.02) + 16)
        let own = max(16, Int(Double(chunk.end - chunk.start) * c.rowsPerByte * 1.02) + 16)
        var builders = template.map { ColumnBuilder(name: $0.name, forced: $0.forced, capacity: estimate, ownRows: own) }
        var rows = 0
        var released = chunk.start, checked = chunk.start
        // Locals, not fields of `c`: the per-record closure would otherwise copy the context each record.
        let markers = c.markers, name = c.name, columns = c.columns, mapped = c.mapped
        reader.skipBlankLines()
        // Builders through one raw buffer for the whole part: no copy-on-write check per cell.
        // Unquoted fields (nearly all) are found by this loop and handed to the column's typed append;
        // a field that starts with a quote or a space hands the rest of its record to the general scanner.
        let delimiter = c.delimiter, end = p.count
        try builders.withUnsafeMutableBufferPointer { b in
            guard let base = p.baseAddress else { return }
            while reader.pos < end {
                if reader.pos - checked > 1 << 20 {
                    // Every MB Ctrl-C is honoured (well under a second even in a debug build); every
                    // 32 MB parsed pages go back to the page cache.
                    try Interrupt.check()
                    checked = reader.pos
                    if reader.pos - released > 32 << 20 {
                        released = mapped ? releasePages(c.p, from: released, to: reader.pos) : reader.pos
                    }
                }
                let line = reader.line
                var pos = reader.pos
                var fields = 0
                while true {
                    let s = pos
                    if pos < end, base[pos] == 34, fields < columns, let close = Self.simpleQuotedEnd(base, pos, end, delimiter) {
                        // `"text"` with no quote or line break inside (as in the UN's all-quoted files):
                        // its content goes to the typed append like any other field.
                        if !b[fields].appendPlain(p, s + 1, close, markers) {
                            throw fieldError(b[fields], p, s + 1, close, nil, name: name, line: line, column: fields)
                        }
                        pos = close + 1
                        if pos < end, base[pos] == 13 { pos += 1 }
                    } else if pos < end, base[pos] == 34 || base[pos] == 32 {
                        reader.pos = pos
                        try reader.record(firstField: fields) { j, s, e, escaped in
                            fields = j + 1
                            guard j < b.count else { return }
                            try feed(&b[j], p, s, e, escaped, markers, name: name, line: line, column: j)
                        }
                        break
                    } else if fields < columns, b[fields].takesShortNumbers(markers),
                       let (value, stop) = NumberParser.scanShortField(base, s, end, delimiter: delimiter) {
                        // A number column's cell parsed while its end is found: one pass over its bytes.
                        if !b[fields].appendNumber(value, p, s, stop) {
                            throw fieldError(b[fields], p, s, stop, nil, name: name, line: line, column: fields)
                        }
                        pos = stop
                        if pos < end, base[pos] == 13 { pos += 1 }
                    } else {
                        while pos < end, base[pos] != delimiter, base[pos] != 10 { pos += 1 }
                        var e = pos
                        if pos >= end || base[pos] == 10, e > s, base[e - 1] == 13 { e -= 1 }
                        if fields < columns, !b[fields].appendPlain(p, s, e, markers) {
                            throw fieldError(b[fields], p, s, e, nil, name: name, line: line, column: fields)
                        }
                    }
                    let atLineEnd = pos >= end || base[pos] == 10
                    fields += 1
                    pos += 1
                    if atLineEnd {
                        reader.pos = min(pos, end)
                        reader.line += 1
                        break
                    }
                }
                if fields != columns {
                    throw Diagnostic(.error, Message("E041", name, String(line), String(fields), String(columns)),
                                     hint: Message("H030"))
                }
                rows += 1
                reader.skipBlankLines()
            }
        }
        return ChunkResult(builders: builders, rows: rows)
    }

    static func feed(_ builder: inout ColumnBuilder, _ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int,
                             _ escaped: [UInt8]?, _ markers: MissingMarkers, name: String, line: Int, column: Int) throws {
        let ok: Bool
        if let escaped {
            ok = escaped.withUnsafeBufferPointer { q in
                builder.append(q, 0, q.count, isMissing: isMissing(q, 0, q.count, markers))
            }
        } else {
            ok = builder.append(p, s, e, isMissing: isMissing(p, s, e, markers))
        }
        if !ok { throw fieldError(builder, p, s, e, escaped, name: name, line: line, column: column) }
    }

    /// Where a quoted field that opens at `open` closes, when its content has no quote and no line
    /// break and the closing quote is followed by the delimiter or the end of the record; nil sends
    /// the field to the general scanner (doubled quotes, embedded newlines, text after the quote).
    @inline(__always)
    static func simpleQuotedEnd(_ base: UnsafePointer<UInt8>, _ open: Int, _ end: Int, _ delimiter: UInt8) -> Int? {
        var q = open + 1
        while q < end, base[q] != 34, base[q] != 10 { q += 1 }
        guard q < end, base[q] == 34 else { return nil }
        let after = q + 1
        if after == end || base[after] == delimiter || base[after] == 10 { return q }
        if base[after] == 13, after + 1 < end, base[after + 1] == 10 { return q }
        return nil
    }

    /// A cell the column's forced type cannot hold: its row, column and text.
    static func fieldError(_ builder: ColumnBuilder, _ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int,
                                   _ escaped: [UInt8]?, name: String, line: Int, column: Int) -> Diagnostic {
        let text = escaped.map { String(decoding: $0, as: UTF8.self) } ?? String(decoding: UnsafeBufferPointer(rebasing: p[s..<e]), as: UTF8.self)
        return Diagnostic(.error, Message("E042", name, String(line), String(column + 1), builder.name, text,
                                          builder.forced.map(Message.typeName) ?? Message("K.text")), hint: Message("H031", builder.name))
    }

    @inline(__always)
    static func isMissing(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ markers: MissingMarkers) -> Bool {
        let (ts, te) = NumberParser.trim(p, s, e)
        if ts == te { return true }
        return markers.contains(p, ts, te)
    }
}

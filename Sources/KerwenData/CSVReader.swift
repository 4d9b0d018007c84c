// Reads RFC 4180 CSV/TSV into typed columns: quotes, embedded newlines, BOM, CRLF, missing markers.

import Foundation
import KerwenDiagnostics

public enum CSVReader {
    /// Reads a file; `shownAs` is the path as the user wrote it, used in messages.
    public static func read(path: String, shownAs: String? = nil, options: CSVOptions = CSVOptions()) throws -> Table {
        let name = shownAs ?? path
        // Memory-mapped: the file is read by the page cache, not copied into the process.
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                throw Diagnostic.error("E039", name)
            }
            throw Diagnostic.error("E022", name, hint: Message("H029"))
        }
        return try data.withUnsafeBytes { raw in
            try parse(buffer: raw.bindMemory(to: UInt8.self), name: name, options: options, mapped: true)
        }
    }

    public static func parse(bytes: [UInt8], name: String, options: CSVOptions = CSVOptions()) throws -> Table {
        try bytes.withUnsafeBufferPointer { try parse(buffer: $0, name: name, options: options) }
    }

    static func parse(buffer p: UnsafeBufferPointer<UInt8>, name: String, options: CSVOptions, mapped: Bool = false) throws -> Table {
        var reader = RecordScanner(p: p, name: name, delimiter: 44)
        if p.starts(with: [0xEF, 0xBB, 0xBF]) { reader.pos = 3 }
        reader.skipBlankLines()
        guard reader.pos < p.count else { throw Diagnostic.error("E040", name) }
        let delimiter = options.delimiter ?? detectDelimiter(p, from: reader.pos)
        reader.delimiter = delimiter
        var header: [String] = []
        try reader.record { _, s, e, escaped in
            header.append(escaped.map { String(decoding: $0, as: UTF8.self) } ?? String(decoding: UnsafeBufferPointer(rebasing: p[s..<e]), as: UTF8.self))
        }
        header = uniqueNames(header.map { $0.trimmingCharacters(in: .whitespaces) })
        let markers = MissingMarkers(options.missingMarkers)
        reader.skipBlankLines()
        let dataStart = reader.pos
        let template = header.map { ColumnBuilder(name: $0, forced: options.forcedTypes[$0], capacity: 0) }
        let context = ChunkContext(p: p, name: name, delimiter: delimiter, markers: markers, mapped: mapped, columns: header.count,
                                   rowsPerByte: rowsPerByte(p, from: reader.pos))
        let chunks = ChunkSplitter.split(p, from: reader.pos, firstLine: reader.line, parts: options.parallelParts ?? parallelism(for: p.count - reader.pos))
        var results: [ChunkResult]
        if chunks.count == 1 {
            results = [try parseChunk(chunks[0], context, template)]
        } else {
            // Each part of the file is parsed on its own core into its own builders; merged below.
            let dataBytes = p.count - dataStart
            let parts = Parallel.map(chunks.count) { k in
                try parseChunk(chunks[k], context, template, wholeFile: k == 0 ? dataBytes : nil)
            }
            if let all = try? parts.map({ try $0.get() }) {
                results = all
            } else if parts.contains(where: { if case .failure(let e) = $0 { return e is Interrupted } else { return false } }) {
                throw Interrupted()
            } else {
                // A split fell inside a quoted field, or the file has an error: one sequential pass.
                results = [try parseChunk(ChunkSplitter.Chunk(start: reader.pos, end: p.count, line: reader.line), context, template)]
            }
        }
        var (builders, rows) = merge(&results)
        // Columns that turned out to be text after looking numeric are read again, as text, in one
        // sequential pass over the records (rare, so no per-row offsets are kept for it).
        let reread = Set(builders.indices.filter { builders[$0].needsTextReread })
        if !reread.isEmpty {
            for j in reread { builders[j].restartAsText() }
            var sub = RecordScanner(p: p, name: name, delimiter: delimiter)
            sub.pos = dataStart
            sub.skipBlankLines()
            while sub.pos < p.count {
                try sub.record { k, s, e, escaped in
                    if reread.contains(k) { try feed(&builders[k], p, s, e, escaped, markers, name: name, line: 0, column: k) }
                }
                sub.skipBlankLines()
            }
        }
        return Table(names: header, columns: builders.map { $0.build(rowCount: rows) }, rowCount: rows)
    }

    /// Joins the parts' columns in file order. Each column is joined on its own core (the parts'
    /// builders are moved, column by column, into independent lists first: no two threads touch
    /// one array). Moved, not copied: a second reference to a part's arrays would make appends copy them.
    private static func merge(_ results: inout [ChunkResult]) -> (builders: [ColumnBuilder], rows: Int) {
        var parts = results
        results = []
        let rows = parts.reduce(0) { $0 + $1.rows }
        guard parts.count > 1 else { return (parts.first?.builders ?? [], rows) }
        let partRows = parts.map(\.rows)
        var byColumn: [[ColumnBuilder]] = parts[0].builders.indices.map { j in
            parts.indices.map { k in
                var b = ColumnBuilder(name: "", forced: nil, capacity: 0)
                swap(&b, &parts[k].builders[j])
                return b
            }
        }
        parts = []
        byColumn.withUnsafeMutableBufferPointer { columns in
            let columns = SendablePointer(columns)
            DispatchQueue.concurrentPerform(iterations: columns.buffer.count) { j in
                var rowsBefore = partRows[0]
                for k in 1..<partRows.count {
                    columns.buffer[j][0].absorb(&columns.buffer[j][k], rowsBefore: rowsBefore)
                    rowsBefore += partRows[k]
                }
            }
        }
        return (byColumn.map { $0[0] }, rows)
    }

    /// A buffer handed to `concurrentPerform`, whose iterations each touch their own element.
    private struct SendablePointer<T>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<T>
        init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
    }

    /// Hands parsed pages of a file mapping back to the page cache (they are read again from the file
    /// if a column must be re-read as text), so a 10 M-row file is not held twice in memory.
    static func releasePages(_ p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard let base = p.baseAddress else { return to }
        let page = Int(getpagesize())
        let address = Int(bitPattern: base)
        let first = (address + from + page - 1) / page * page, last = (address + to) / page * page
        if last > first { madvise(UnsafeMutableRawPointer(bitPattern: first), last - first, MADV_DONTNEED) }
        return to
    }

    /// Records per byte over the first 64 KB after the header (an estimate for reserving columns).
    static func rowsPerByte(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Double {
        let end = min(p.count, start + 65_536)
        var lines = 0
        for i in start..<end where p[i] == 10 { lines += 1 }
        return end > start && lines > 0 ? Double(lines) / Double(end - start) : 1.0 / 64
    }

    /// How many parts to parse at once: one per core for files big enough to repay the merge.
    /// Measured at 10 M rows (2 cores): 2 parts 1.9–2.3 s, 4 parts 2.1–2.4 s — with the parser fast,
    /// copying three quarters of the columns into the first part cost more than uneven parts.
    static func parallelism(for bytes: Int) -> Int {
        bytes < 4 << 20 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 16))
    }

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
        var released = chunk.start
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
                if reader.pos - released > 32 << 20 {
                    // Every 32 MB: Ctrl-C is honoured, and parsed pages go back to the page cache.
                    try Interrupt.check()
                    released = mapped ? releasePages(c.p, from: released, to: reader.pos) : reader.pos
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

    private static func feed(_ builder: inout ColumnBuilder, _ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int,
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
    private static func simpleQuotedEnd(_ base: UnsafePointer<UInt8>, _ open: Int, _ end: Int, _ delimiter: UInt8) -> Int? {
        var q = open + 1
        while q < end, base[q] != 34, base[q] != 10 { q += 1 }
        guard q < end, base[q] == 34 else { return nil }
        let after = q + 1
        if after == end || base[after] == delimiter || base[after] == 10 { return q }
        if base[after] == 13, after + 1 < end, base[after + 1] == 10 { return q }
        return nil
    }

    /// A cell the column's forced type cannot hold: its row, column and text.
    private static func fieldError(_ builder: ColumnBuilder, _ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int,
                                   _ escaped: [UInt8]?, name: String, line: Int, column: Int) -> Diagnostic {
        let text = escaped.map { String(decoding: $0, as: UTF8.self) } ?? String(decoding: UnsafeBufferPointer(rebasing: p[s..<e]), as: UTF8.self)
        return Diagnostic(.error, Message("E042", name, String(line), String(column + 1), builder.name, text,
                                          builder.forced?.rawValue ?? ""), hint: Message("H031", builder.name))
    }

    @inline(__always)
    private static func isMissing(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ markers: MissingMarkers) -> Bool {
        let (ts, te) = NumberParser.trim(p, s, e)
        if ts == te { return true }
        return markers.contains(p, ts, te)
    }

    /// The most frequent of `,` `;` tab `|` in the first line, outside quotes.
    static func detectDelimiter(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8 {
        var counts: [UInt8: Int] = [44: 0, 59: 0, 9: 0, 124: 0]
        var inQuotes = false
        var i = start
        while i < p.count {
            let b = p[i]
            if b == 34 { inQuotes.toggle() } else if !inQuotes {
                if b == 10 { break }
                if counts[b] != nil { counts[b]! += 1 }
            }
            i += 1
        }
        let best = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!
        return best.value > 0 ? best.key : 44
    }

    /// Empty or repeated header names get `column_N` / `name_2` so every column can be named.
    static func uniqueNames(_ names: [String]) -> [String] {
        var seen: [String: Int] = [:]
        return names.enumerated().map { i, raw in
            var n = raw.isEmpty ? "column_\(i + 1)" : raw
            if let c = seen[n] { seen[n] = c + 1; n = "\(n)_\(c + 1)" } else { seen[n] = 1 }
            return n
        }
    }
}

// Reads RFC 4180 CSV/TSV into typed columns: quotes, embedded newlines, BOM, CRLF, missing markers.

import Foundation
import KerwenDiagnostics

public enum CSVReader {
    /// Reads a file; `shownAs` is the path as the user wrote it, used in messages.
    public static func read(path: String, shownAs: String? = nil, options: CSVOptions = CSVOptions(), files: FileSystem = LocalFileSystem()) throws -> Table {
        try readReporting(path: path, shownAs: shownAs, options: options, files: files).table
    }

    /// A table, and the columns read as text because they hold integers past Int64 (for W005).
    public struct Result {
        public var table: Table
        public let hugeIntegerColumns: [String]
        /// The field separator used (given or detected).
        public var delimiter: UInt8 = 44
    }

    /// As `read`, with what the reader decided that the user should hear of.
    /// `files`: the session's files (the sandbox judges the opened file on its descriptor).
    public static func readReporting(path: String, shownAs: String? = nil, options: CSVOptions = CSVOptions(),
                                     files: FileSystem = LocalFileSystem()) throws -> Result {
        let name = shownAs ?? path
        let file: MappedFile
        do { file = try files.map(path) } catch { throw problem(error, name) }
        // A file cut short or rewritten while it was read: its table (or the error its zeros made) is not the file's.
        if options.encoding != .utf8 {
            let bytes = Array(file.bytes)
            if file.changed { throw Diagnostic.error("E104", name, hint: Message("H073")) }
            return try parseReporting(bytes: bytes, name: name, options: options)
        }
        let result: Result
        do { result = try parse(buffer: file.bytes, name: name, options: options, mapped: true) } catch {
            if file.changed { throw Diagnostic.error("E104", name, hint: Message("H073")) }
            throw error
        }
        if file.changed { throw Diagnostic.error("E104", name, hint: Message("H073")) }
        // Bytes that are not UTF-8 became U+FFFD in the text: never kept silently (a Windows-1251
        // file read so is all question marks). Looked for in the distinct values only.
        if result.table.names.contains(where: { $0.contains("\u{FFFD}") }) || result.table.columns.contains(where: {
            // A byte scan for U+FFFD's lead byte first (Cyrillic text never has it), then the character.
            if case .text(_, let dictionary) = $0.storage { return dictionary.values.contains { $0.utf8.contains(0xEF) && $0.unicodeScalars.contains("\u{FFFD}") } }
            return false
        }), let (line, column) = firstInvalidUTF8(file.bytes) {
            throw Diagnostic.error("E126", name, String(line), String(column), hint: Message("H110"))
        }
        return result
    }

    /// Line and column (in bytes, from 1) of the first byte that is not part of valid UTF-8.
    public static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        var i = 0, line = 1, lineStart = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 10 { line += 1; lineStart = i + 1; i += 1; continue }
            if b < 0x80 { i += 1; continue }
            let length = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0
            var valid = length > 0 && i + length <= n
            if valid { for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { valid = false } }
            if !valid { return (line, i - lineStart + 1) }
            i += length
        }
        return nil
    }

    /// The diagnostic for a path that cannot be read as data.
    public static func problem(_ problem: FileProblem, _ name: String) -> Diagnostic {
        switch problem {
        case .missing: return Diagnostic.error("E022", name, hint: Message("H029"))
        case .folder: return Diagnostic.error("E039", name)
        case .notRegular: return Diagnostic.error("E105", name)
        case .unreadable(let code): return Diagnostic.error("E106", name, String(cString: strerror(code)))
        case .outsideSandbox(var d):
            d.message = Message(code: d.message.code, args: [MessageArgument.text(name)] + Array(d.message.args.dropFirst()))
            return d
        }
    }

    public static func parse(bytes: [UInt8], name: String, options: CSVOptions = CSVOptions()) throws -> Table {
        try parseReporting(bytes: bytes, name: name, options: options).table
    }

    /// `bytes` in `options.encoding`; a single-byte Cyrillic page (Windows-1251, CP866, KOI8-R) is
    /// converted whole first, then read as UTF-8 (each has a character for every byte, so nothing is lost).
    public static func parseReporting(bytes: [UInt8], name: String, options: CSVOptions = CSVOptions()) throws -> Result {
        var utf8 = bytes
        switch options.encoding {
        case .utf8: break
        case .cp1251: utf8 = Array((String(data: Data(bytes), encoding: .windowsCP1251) ?? "").utf8)
        case .cp866: utf8 = SingleByteCyrillic.decode(bytes, table: SingleByteCyrillic.cp866)
        case .koi8r: utf8 = SingleByteCyrillic.decode(bytes, table: SingleByteCyrillic.koi8r)
        }
        return try utf8.withUnsafeBufferPointer { try parse(buffer: $0, name: name, options: options) }
    }

    static func parse(buffer p: UnsafeBufferPointer<UInt8>, name: String, options: CSVOptions, mapped: Bool = false) throws -> Result {
        var reader = RecordScanner(p: p, name: name, delimiter: 44)
        if p.starts(with: [0xEF, 0xBB, 0xBF]) { reader.pos = 3 }
        // Excel's `sep=;` first line names the delimiter; it is not the header.
        var named: UInt8? = nil
        let start = reader.pos
        if p.count >= start + 6, Array(p[start..<start + 4]) == Array("sep=".utf8), p[start + 5] == 10 || p[start + 5] == 13 {
            named = p[start + 4]
            reader.pos = start + 5
            reader.skipBlankLines()
        }
        reader.skipBlankLines()
        guard reader.pos < p.count else { throw Diagnostic.error("E040", name) }
        let delimiter = options.delimiter ?? named ?? detectDelimiter(p, from: reader.pos)
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
        let hugeIntegers = builders.indices.filter { builders[$0].settleHugeIntegers() }.map { header[$0] }
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
        return Result(table: Table(names: header, columns: builders.map { $0.build(rowCount: rows) }, rowCount: rows),
                      hugeIntegerColumns: hugeIntegers, delimiter: delimiter)
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

// Finding records and fields in CSV bytes: part boundaries for parallel parsing, and the general
// field-by-field scanner (quotes, doubled quotes, embedded newlines, CRLF).

import KerwenDiagnostics

/// Splits a file into parts at the first newline after each equal share. The split is speculative:
/// a newline inside a quoted field is not a record boundary, but then the part before it ends inside
/// quotes and fails to parse, and the reader falls back to one sequential pass (which also gives the
/// exact line numbers of any real error). No pass over the file is needed to place the splits.
enum ChunkSplitter {
    struct Chunk { var start: Int; var end: Int; var line: Int }

    static func split(_ p: UnsafeBufferPointer<UInt8>, from start: Int, firstLine: Int, parts: Int) -> [Chunk] {
        guard parts > 1 else { return [Chunk(start: start, end: p.count, line: firstLine)] }
        var chunks: [Chunk] = []
        var chunkStart = start
        let size = (p.count - start) / parts
        for k in 1..<parts {
            var cut = max(chunkStart, start + k * size)
            while cut < p.count, p[cut] != 10 { cut += 1 }
            if cut >= p.count - 1 { break }
            cut += 1
            chunks.append(Chunk(start: chunkStart, end: cut, line: firstLine))
            chunkStart = cut
        }
        chunks.append(Chunk(start: chunkStart, end: p.count, line: firstLine))
        return chunks
    }
}

/// Walks records field by field; a quoted field with doubled quotes is handed over unescaped.
struct RecordScanner {
    let p: UnsafeBufferPointer<UInt8>
    let name: String
    var delimiter: UInt8
    var pos = 0
    var line = 1

    init(p: UnsafeBufferPointer<UInt8>, name: String, delimiter: UInt8) {
        self.p = p
        self.name = name
        self.delimiter = delimiter
    }

    mutating func skipBlankLines() {
        while pos < p.count {
            if p[pos] == 10 { pos += 1; line += 1 } else if p[pos] == 13, pos + 1 < p.count, p[pos + 1] == 10 { pos += 2; line += 1 } else { return }
        }
    }

    /// Reads one record, calling `visit(fieldIndex, start, end, unescaped)` per field.
    /// `firstField`: the scan starts at that field of a record whose earlier fields were read elsewhere.
    mutating func record(firstField: Int = 0, _ visit: (Int, Int, Int, [UInt8]?) throws -> Void) throws {
        var field = firstField
        while true {
            var start = pos, end = pos
            var escaped: [UInt8]? = nil
            // Spaces before an opening quote are tolerated.
            var q = pos
            while q < p.count, p[q] == 32 { q += 1 }
            if q < p.count, p[q] == 34 {
                let quoteLine = line
                let quoteCol = q
                pos = q + 1
                start = pos
                var buffer: [UInt8]? = nil
                while true {
                    guard pos < p.count else {
                        throw Diagnostic(.error, Message("E043", name, String(quoteLine), String(field + 1), String(quoteCol)), hint: Message("H032"))
                    }
                    let b = p[pos]
                    if b == 34 {
                        if pos + 1 < p.count, p[pos + 1] == 34 {
                            if buffer == nil { buffer = Array(p[start..<pos]) }
                            buffer!.append(34)
                            pos += 2
                            continue
                        }
                        end = pos
                        pos += 1
                        break
                    }
                    if b == 10 { line += 1 }
                    buffer?.append(b)
                    pos += 1
                }
                escaped = buffer
                while pos < p.count, p[pos] == 32 || p[pos] == 13 && !(pos + 1 < p.count && p[pos + 1] == 10) { pos += 1 }
            } else {
                while pos < p.count {
                    let b = p[pos]
                    if b == delimiter || b == 10 { break }
                    pos += 1
                }
                end = pos
                if end > start, p[end - 1] == 13, pos >= p.count || p[pos] == 10 { end -= 1 }
            }
            try visit(field, start, end, escaped)
            field += 1
            if pos >= p.count { return }
            if p[pos] == delimiter { pos += 1; continue }
            if p[pos] == 13 { pos += 1 }
            if pos < p.count, p[pos] == 10 { pos += 1; line += 1; return }
            if pos >= p.count { return }
            // Text after a closing quote: treat it as part of a malformed record.
            throw Diagnostic(.error, Message("E044", name, String(line), String(field)), hint: Message("H032"))
        }
    }
}

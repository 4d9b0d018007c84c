// Writes tables as CSV or JSON, atomically (see `AtomicFile`).

import Foundation
import KerwenDiagnostics

public enum ExportFormat: String, Sendable {
    case csv, tsv, json

    public init?(path: String) {
        switch PathText.fileExtension(of: path).lowercased() {
        case "csv": self = .csv
        case "tsv", "tab": self = .tsv
        case "json": self = .json
        default: return nil
        }
    }
}

public enum TableWriter {
    /// CSV text: header, then rows; missing cells empty; fields quoted when they need it.
    public static func csv(_ table: Table, delimiter: Character = ",") -> String {
        var out: [UInt8] = []
        CSVEncoder(table, delimiter: delimiter.asciiValue ?? 44).encodeAll(rowCount: table.rowCount) { out += $0 }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes a table as CSV (or TSV) to `path` through a temporary file and a rename, streaming
    /// chunks of rows formatted on all cores: a 10-million-row table is never one string in memory.
    public static func writeCSV(_ table: Table, to path: String, delimiter: Character = ",", shownAs display: String? = nil,
                                files: FileSystem = LocalFileSystem()) throws {
        try writeCSV(table, to: path, options: CSVWriteOptions(delimiter: delimiter.asciiValue ?? 44), shownAs: display, files: files)
    }

    public static func writeCSV(_ table: Table, to path: String, options: CSVWriteOptions, shownAs display: String? = nil,
                                files: FileSystem = LocalFileSystem()) throws {
        let encoder = CSVEncoder(table, delimiter: options.delimiter ?? 44, decimalComma: options.decimalComma)
        try files.write(to: path, shownAs: display) { file in
            if options.byteOrderMark { try file.write([0xEF, 0xBB, 0xBF]) }
            try encoder.encodeAll(rowCount: table.rowCount) { bytes in try file.write(bytes) }
        }
    }

    /// JSON array of row objects; `na` as null.
    public static func jsonRows(_ table: Table, indent: String = "  ") -> String {
        var out: [UInt8] = []
        JSONRowEncoder(table, indent: indent).encodeArray(rowCount: table.rowCount, closingIndent: String(indent.dropLast(2))) { out += $0 }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes a table as JSON to `path` (atomically, streamed): an array of row objects, or with
    /// `metadata` an object `{"metadata": {…}, "data": [rows]}`.
    public static func writeJSON(_ table: Table, metadata: [(key: String, value: String)], to path: String, shownAs display: String? = nil,
                                 files: FileSystem = LocalFileSystem()) throws {
        try files.write(to: path, shownAs: display) { file in
            if metadata.isEmpty {
                try JSONRowEncoder(table, indent: "  ").encodeArray(rowCount: table.rowCount, closingIndent: "") { try file.write($0) }
            } else {
                let meta = metadata.map { "    \(jsonString($0.key)): \(jsonString($0.value))" }.joined(separator: ",\n")
                try file.write("{\n  \"metadata\": {\n\(meta)\n  },\n  \"data\": ")
                try JSONRowEncoder(table, indent: "    ").encodeArray(rowCount: table.rowCount, closingIndent: "  ") { try file.write($0) }
                try file.write("\n}")
            }
            try file.write("\n")
        }
    }

    public static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    /// Writes text to `path` through a temporary file and a rename, so a failure leaves nothing half-written.
    public static func writeAtomically(_ text: String, to path: String, shownAs display: String? = nil, files: FileSystem = LocalFileSystem()) throws {
        try files.write(to: path, shownAs: display) { file in try file.write(text) }
    }
}

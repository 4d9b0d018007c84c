// Writes tables as CSV or JSON, atomically: a temp file in the same folder, then rename.

import Foundation
import KerwenDiagnostics

public enum ExportFormat: String, Sendable {
    case csv, tsv, json

    public init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
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
        var out = table.names.map { quote($0, delimiter) }.joined(separator: String(delimiter)) + "\n"
        for r in 0..<table.rowCount {
            var fields: [String] = []
            fields.reserveCapacity(table.columns.count)
            for c in table.columns { fields.append(quote(ScalarFormat.plain(c.scalar(at: r)), delimiter)) }
            out += fields.joined(separator: String(delimiter)) + "\n"
        }
        return out
    }

    private static func quote(_ s: String, _ delimiter: Character) -> String {
        if s.contains(delimiter) || s.contains("\"") || s.contains("\n") || s.contains("\r") {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    /// JSON array of row objects; `na` as null.
    public static func jsonRows(_ table: Table, indent: String = "  ") -> String {
        var rows: [String] = []
        for r in 0..<table.rowCount {
            let fields = zip(table.names, table.columns).map { name, col in "\(jsonString(name)): \(jsonValue(col.scalar(at: r)))" }
            rows.append(indent + "{" + fields.joined(separator: ", ") + "}")
        }
        return rows.isEmpty ? "[]" : "[\n" + rows.joined(separator: ",\n") + "\n" + indent.dropLast(2) + "]"
    }

    public static func jsonValue(_ v: Scalar) -> String {
        switch v {
        case .na: return "null"
        case .integer(let x): return String(x)
        case .number(let x): return x.isFinite ? ScalarFormat.number(x) : "null"
        case .text(let s): return jsonString(s)
        case .boolean(let b): return b ? "true" : "false"
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
    public static func writeAtomically(_ text: String, to path: String, shownAs display: String? = nil) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
            try Data(text.utf8).write(to: tmp)
            // rename(2) replaces the target in one step on the same file system.
            if rename(tmp.path, path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: tmp)
                throw Diagnostic.error("E045", display ?? path, reason)
            }
        } catch let d as Diagnostic {
            throw d
        } catch {
            throw Diagnostic.error("E045", display ?? path, error.localizedDescription)
        }
    }
}

// Tables as CSV, JSON or Markdown text, for the prompt's `:mode`.

import KerwenData

public enum OutputMode: String, Sendable, CaseIterable {
    case table, csv, json, markdown
}

public enum TextFormats {
    public static func render(_ table: Table, mode: OutputMode, options: RenderOptions) -> String {
        switch mode {
        case .table: return TableRenderer.render(table, options: options)
        case .csv: return TableWriter.csv(table)
        case .json: return TableWriter.jsonRows(table) + "\n"
        case .markdown: return markdown(table)
        }
    }

    public static func markdown(_ table: Table) -> String {
        func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        var out = "| " + table.names.map(escape).joined(separator: " | ") + " |\n"
        out += "|" + table.columns.map { $0.type.isNumeric ? " ---: |" : " --- |" }.joined() + "\n"
        let cells = table.columns.map { TableRenderer.cells($0, rows: Array(0..<table.rowCount)) }
        for r in 0..<table.rowCount {
            out += "| " + cells.map { escape($0[r]) }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}

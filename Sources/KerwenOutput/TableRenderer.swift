// Draws a table as aligned text: numbers right-aligned, `na` for missing, width and row limits.

import KerwenData
import KerwenDiagnostics

public struct RenderOptions: Sendable {
    /// Rows shown before `… N more rows`.
    public var maxRows: Int
    /// Terminal width to fit into, or nil for no limit.
    public var width: Int?
    public var color: Bool
    /// Decimals of every number column (`:decimals N`); nil chooses per column.
    public var decimals: Int?
    /// The language of footers and headers.
    public var catalog: MessageCatalog
    /// Digits grouped by threes in number cells (`:thousands on`, `show … with thousands: true`),
    /// with the language's separator; files are never written so.
    public var thousands = false

    public init(maxRows: Int = 50, width: Int? = nil, color: Bool = false, decimals: Int? = nil, catalog: MessageCatalog = .english) {
        self.maxRows = maxRows
        self.width = width
        self.color = color
        self.decimals = decimals
        self.catalog = catalog
    }
}

public enum TableRenderer {
    /// The cell texts of one column, formatted for display.
    static func cells(_ c: Column, rows: [Int], decimals: Int? = nil, groupedBy separator: String? = nil) -> [String] {
        let plain = cells(c, rows: rows, decimals: decimals)
        guard let separator, c.type.isNumeric else { return plain }
        return plain.map { NumberFormatting.grouped($0, separator: separator) }
    }

    static func cells(_ c: Column, rows: [Int], decimals: Int? = nil) -> [String] {
        switch c.storage {
        case .number(let v):
            let d = decimals ?? c.decimals ?? NumberFormatting.decimals(for: rows.filter { c.isValid($0) }.map { v[$0] })
            return rows.map { c.isValid($0) ? NumberFormatting.fixed(v[$0], d) : "na" }
        default:
            return rows.map { i in
                let s = c.scalar(at: i)
                return s.isNA ? "na" : ScalarFormat.plain(s)
            }
        }
    }

    public static func render(_ table: Table, options: RenderOptions = RenderOptions()) -> String {
        let catalog = options.catalog
        let total = table.rowCount
        // Past `maxRows`, the first rows and (a fifth of the budget, at least one) the last rows are shown.
        let elide = total > options.maxRows
        let tail = elide && options.maxRows >= 2 ? max(1, options.maxRows / 5) : 0
        let head = elide ? options.maxRows - tail : total
        let shown = Array(0..<head) + Array((total - tail)..<total)
        let cut = elide ? head : -1
        var columns: [(name: String, cells: [String], right: Bool, width: Int)] = []
        for (name, col) in zip(table.names, table.columns) {
            let cells = Self.cells(col, rows: shown, decimals: options.decimals, groupedBy: options.thousands ? catalog.language.groupSeparator : nil).map { DisplayWidth.truncate($0.replacingOccurrences(of: "\n", with: "↵"), to: 40) }
            let width = max(DisplayWidth.of(name), cells.map { DisplayWidth.of($0) }.max() ?? 0)
            columns.append((name, cells, col.type.isNumeric, width))
        }
        // Fit the terminal: keep columns from the left while they fit, then name the rest.
        var hidden: [String] = []
        if let limit = options.width {
            var used = 0
            var kept: [(name: String, cells: [String], right: Bool, width: Int)] = []
            for c in columns {
                if used + c.width + 2 > limit, !kept.isEmpty { hidden.append(c.name) } else { kept.append(c); used += c.width + 2 }
            }
            columns = kept
        }
        func paint(_ s: String) -> String { options.color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
        func line(_ parts: [String]) -> String {
            var s = parts.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s + "\n"
        }
        var out = line(columns.map { c in paint(c.right ? DisplayWidth.padLeft(c.name, to: c.width) : DisplayWidth.padRight(c.name, to: c.width)) })
        out += line(columns.map { String(repeating: "─", count: $0.width) })
        for r in 0..<shown.count {
            if r == cut { out += catalog.word("W.more_rows", total - options.maxRows) + "\n" }
            out += line(columns.map { c in c.right ? DisplayWidth.padLeft(c.cells[r], to: c.width) : DisplayWidth.padRight(c.cells[r], to: c.width) })
        }
        if cut == shown.count { out += catalog.word("W.more_rows", total - options.maxRows) + "\n" }
        if !hidden.isEmpty {
            out += catalog.word("W.more_columns", hidden.count, hidden.joined(separator: ", ")) + "\n"
        }
        out += catalog.word("W.rows_footer", total) + "\n"
        return out
    }
}

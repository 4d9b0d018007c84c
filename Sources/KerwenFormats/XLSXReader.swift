// Excel workbooks (.xlsx, Office Open XML): the zip container opened with ZIPFoundation, its XML
// parts (workbook, relationships, shared strings, styles, one worksheet) parsed with XMLParser.
// Shared and inline strings, numbers, booleans, dates (serial numbers with a date format, shown as
// yyyy-mm-dd), merged cells (every cell of a merged area shows its value), empty cells as missing;
// `sheet:`, `range:`, `header_rows:` (headers over several rows, joined) and `skip:`.

import Foundation
import KerwenData
import KerwenDiagnostics
import ZIPFoundation

public enum XLSXReader {
    public enum SheetChoice: Sendable { case first, name(String), number(Int) }

    public struct Options: Sendable {
        public var sheet = SheetChoice.first
        public var range: CellRange?
        public var headerRows = 1
        public var skip = 0
        public var missingMarkers = CSVOptions().missingMarkers
        /// Cells one sheet's table may span (E198 past it). The fuzz target lowers it: the same check,
        /// met by far smaller inputs.
        public var cellLimit = SheetGrid.tableCellLimit
        public init() {}
    }

    public static func read(_ data: Data, shownAs name: String, options: Options) throws -> Table {
        let book = try Workbook(data, shownAs: name)
        let sheetPath = try book.sheetPath(options.sheet)
        var grid = try SheetGrid.read(try book.part(sheetPath), strings: try book.sharedStrings(), styles: try book.dateStyles(),
                                      date1904: book.date1904, shownAs: name)
        try grid.fillMergedAreas(shownAs: name)
        return try grid.table(options: options, shownAs: name)
    }

    /// A worksheet's XML alone as a table (no styles, no shared strings): for the fuzzer.
    public static func table(fromSheetXML data: Data, options: Options = Options()) throws -> Table {
        var grid = try SheetGrid.read(data, strings: ["a", "б"], styles: [(false, false), (true, false), (true, true)], date1904: false, shownAs: "sheet.xml")
        try grid.fillMergedAreas(shownAs: "sheet.xml")
        return try grid.table(options: options, shownAs: "sheet.xml")
    }

    /// The names of a workbook's sheets, in order (for messages and `describe`).
    public static func sheetNames(_ data: Data, shownAs name: String) throws -> [String] {
        try Workbook(data, shownAs: name).sheets.map(\.name)
    }
}

/// The parts of a workbook package.
struct Workbook {
    let archive: Archive
    let name: String
    var sheets: [(name: String, path: String)] = []
    var date1904 = false

    init(_ data: Data, shownAs name: String) throws {
        self.name = name
        // A zip ends with its directory record: without one it is cut short. Said before ZIPFoundation
        // opens it (an in-memory archive that fails to open is never freed).
        let unreadable = Diagnostic(.error, Message("E145", name, Message("K.zip_unreadable")), hint: Message("H151"))
        guard Self.hasEndOfDirectory(data), Self.directoryFits(data) else { throw unreadable }
        do { archive = try Archive(data: data, accessMode: .read, pathEncoding: nil) } catch { throw unreadable }
        guard archive["xl/workbook.xml"] != nil else {
            throw Diagnostic(.error, Message("E145", name, Message("K.zip_not_workbook")), hint: Message("H151"))
        }
        // Sheet names and their relationship ids, then the relationships' targets.
        var relationships: [String: String] = [:]
        if archive["xl/_rels/workbook.xml.rels"] != nil {
            try parse(part("xl/_rels/workbook.xml.rels")) { element, attributes in
                if element == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
                    relationships[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                }
            }
        }
        var found: [(String, String)] = []
        var date1904 = false
        try parse(part("xl/workbook.xml")) { element, attributes in
            if element == "sheet", let sheetName = attributes["name"] {
                let id = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""
                found.append((sheetName, relationships[id] ?? "xl/worksheets/sheet\(found.count + 1).xml"))
            }
            if element == "workbookPr", let flag = attributes["date1904"] { date1904 = flag == "1" || flag == "true" }
        }
        sheets = found.map { (name: $0.0, path: $0.1) }
        self.date1904 = date1904
    }

    /// Whether the last 64 KB of a zip hold its end-of-central-directory record (PK\u{5}\u{6}).
    static func hasEndOfDirectory(_ data: Data) -> Bool {
        guard data.count >= 22 else { return false }
        let tail = data.suffix(65_557)
        let bytes = [UInt8](tail)
        var i = bytes.count - 22
        while i >= 0 {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x05, bytes[i + 3] == 0x06 { return true }
            i -= 1
        }
        return false
    }

    /// Whether the zip's central directory and every entry it lists lie inside the file. ZIPFoundation
    /// reads an in-memory archive where its directory points, and traps past the end (fuzz-formats
    /// found it with a crafted directory), so a file whose records point outside is refused first.
    static func directoryFits(_ data: Data) -> Bool {
        let b = [UInt8](data)
        func u16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        var e = b.count - 22
        while e >= 0, !(b[e] == 0x50 && b[e + 1] == 0x4B && b[e + 2] == 0x05 && b[e + 3] == 0x06) { e -= 1 }
        guard e >= 0 else { return false }
        let entries = u16(e + 10), size = u32(e + 12), start = u32(e + 16)
        // ZIP64 (a workbook over 4 GB) keeps its numbers elsewhere; ZIPFoundation trapped on a crafted
        // one (fuzz-formats), and no workbook a statistics office sends is that large: refused.
        if entries == 0xFFFF || size == 0xFFFF_FFFF || start == 0xFFFF_FFFF { return false }
        guard start + size <= e else { return false }
        var p = start, seen = 0
        while p < start + size {
            guard p + 46 <= start + size, u32(p) == 0x0201_4B50 else { return false }
            let compressed = u32(p + 20), nameLength = u16(p + 28), extra = u16(p + 30), comment = u16(p + 32), local = u32(p + 42)
            guard local + 30 <= e, u32(local) == 0x0403_4B50 else { return false }
            let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
            guard dataStart <= e, compressed != 0xFFFF_FFFF, dataStart + compressed <= e else { return false }
            p += 46 + nameLength + extra + comment
            seen += 1
        }
        return p == start + size && seen == entries
    }

    func part(_ path: String) throws -> Data {
        guard let entry = archive[path] else {
            throw Diagnostic(.error, Message("E145", name, Message("K.zip_part_missing", path)), hint: Message("H151"))
        }
        var out = Data()
        do { _ = try archive.extract(entry, skipCRC32: false) { out.append($0) } } catch {
            throw Diagnostic(.error, Message("E145", name, Message("K.zip_unreadable")), hint: Message("H151"))
        }
        return out
    }

    func parse(_ data: Data, start: @escaping (String, [String: String]) -> Void) throws {
        let events = XMLEvents()
        events.start = start
        try events.parse(data, shownAs: name)
    }

    func sheetPath(_ choice: XLSXReader.SheetChoice) throws -> String {
        switch choice {
        case .first:
            guard let first = sheets.first else { throw Diagnostic(.error, Message("E146", name, "1"), hint: Message("H152")) }
            return first.path
        case .number(let n):
            guard n >= 1, n <= sheets.count else {
                throw Diagnostic(.error, Message("E146", name, String(n)), hint: Message("H141", MessageArgument.names(sheets.map(\.name))))
            }
            return sheets[n - 1].path
        case .name(let wanted):
            guard let match = sheets.first(where: { $0.name == wanted }) ?? sheets.first(where: { $0.name.lowercased() == wanted.lowercased() }) else {
                throw Diagnostic(.error, Message("E146", name, wanted),
                                 hint: Suggestions.hint(for: wanted, in: sheets.map(\.name)) ?? Message("H141", MessageArgument.names(sheets.map(\.name))))
            }
            return match.path
        }
    }

    /// The shared strings table: each `<si>`'s text runs joined (phonetic runs left out).
    func sharedStrings() throws -> [String] {
        guard archive["xl/sharedStrings.xml"] != nil else { return [] }
        var scanner = SheetScanner(try part("xl/sharedStrings.xml"))
        var strings: [String] = []
        var current = "", inPhonetic = false
        do {
            while let tag = try scanner.nextTag() {
                if tag.is("si") { if tag.closing { strings.append(current) } else { current = ""; if tag.empty { strings.append("") } } }
                else if tag.is("rPh") { inPhonetic = !tag.closing && !tag.empty }
                else if tag.is("t"), !tag.closing, !tag.empty, !inPhonetic { current += scanner.text() }
            }
        } catch { throw Diagnostic(.error, Message("E145", name, Message("K.zip_unreadable")), hint: Message("H151")) }
        return strings
    }

    /// For each cell style (the `s` of a cell): whether it shows a date, and whether only its year.
    func dateStyles() throws -> [(date: Bool, yearOnly: Bool)] {
        guard archive["xl/styles.xml"] != nil else { return [] }
        var formats: [Int: String] = [:]
        var styles: [(Bool, Bool)] = []
        var inCellXfs = false
        let events = XMLEvents()
        events.start = { element, attributes in
            if element == "numFmt", let id = attributes["numFmtId"].flatMap(Int.init) { formats[id] = attributes["formatCode"] }
            if element == "cellXfs" { inCellXfs = true }
            if element == "xf", inCellXfs {
                let id = attributes["numFmtId"].flatMap(Int.init) ?? 0
                styles.append((ExcelDate.isDateFormat(id: id, code: formats[id]), ExcelDate.isYearOnly(code: formats[id])))
            }
        }
        events.end = { if $0 == "cellXfs" { inCellXfs = false } }
        try events.parse(try part("xl/styles.xml"), shownAs: name)
        return styles
    }
}

/// The cells of one worksheet, row by row (rows and cells as the sheet lists them, which is in order).
struct SheetGrid {
    var rows: [Int: [(column: Int, cell: Cell)]] = [:]
    var merged: [CellRange] = []
    var lastRow = -1, lastColumn = -1

    static func read(_ data: Data, strings: [String], styles: [(date: Bool, yearOnly: Bool)], date1904: Bool, shownAs name: String) throws -> SheetGrid {
        var grid = SheetGrid()
        var scanner = SheetScanner(data)
        var row = -1, column = -1
        do {
            while let tag = try scanner.nextTag() {
                if tag.is("row"), !tag.closing {
                    row = scanner.attribute("r", in: tag.attributes).flatMap(Int.init).map { $0 - 1 } ?? row + 1
                    column = -1
                } else if tag.is("c"), !tag.closing {
                    column = scanner.attribute("r", in: tag.attributes).flatMap(CellReference.init).map(\.column) ?? column + 1
                    if tag.empty { continue }
                    let type = scanner.attribute("t", in: tag.attributes) ?? "n"
                    let style = scanner.attribute("s", in: tag.attributes).flatMap(Int.init) ?? 0
                    var value = "", inPhonetic = false
                    while let inner = try scanner.nextTag() {
                        if inner.is("c"), inner.closing { break }
                        if inner.is("rPh") { inPhonetic = !inner.closing && !inner.empty }
                        else if inner.is("v"), !inner.closing, !inner.empty { value = scanner.text() }
                        else if inner.is("t"), !inner.closing, !inner.empty, !inPhonetic { value += scanner.text() }
                    }
                    let cell = makeCell(type: type, style: style, value: value, strings: strings, styles: styles, date1904: date1904)
                    if case .missing = cell { continue }
                    grid.rows[row, default: []].append((column, cell))
                    grid.lastRow = max(grid.lastRow, row)
                    grid.lastColumn = max(grid.lastColumn, column)
                } else if tag.is("mergeCell"), let r = scanner.attribute("ref", in: tag.attributes).flatMap(CellRange.init) {
                    grid.merged.append(r)
                }
            }
        } catch { throw Diagnostic(.error, Message("E145", name, Message("K.zip_unreadable")), hint: Message("H151")) }
        // A sheet may list a row's cells out of order; the lookups below need them in order.
        for (r, cells) in grid.rows where zip(cells, cells.dropFirst()).contains(where: { $0.column > $1.column }) {
            grid.rows[r] = cells.sorted { $0.column < $1.column }
        }
        return grid
    }

    static func makeCell(type: String, style: Int, value: String, strings: [String], styles: [(date: Bool, yearOnly: Bool)], date1904: Bool) -> Cell {
        switch type {
        case "s": return Int(value).flatMap { $0 >= 0 && $0 < strings.count ? Cell.text(strings[$0]) : nil } ?? .missing
        case "inlineStr", "str": return value.isEmpty ? .missing : .text(value)
        case "b": return .boolean(value == "1" || value == "true")
        case "e": return .missing
        case "d": return value.isEmpty ? .missing : .text(String(value.prefix(10)))
        default:
            guard let x = Double(value) else { return .missing }
            guard style >= 0, style < styles.count, styles[style].date else { return .number(x) }
            if styles[style].yearOnly, let text = ExcelDate.text(serial: x, date1904: date1904), let year = Double(text.prefix(4)) { return .number(year) }
            return ExcelDate.text(serial: x, date1904: date1904).map(Cell.text) ?? .number(x)
        }
    }

    func cell(_ row: Int, _ column: Int) -> Cell {
        guard let cells = rows[row] else { return .missing }
        // Cells of a row are in column order: a binary search.
        var lo = 0, hi = cells.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if cells[mid].column == column { return cells[mid].cell }
            if cells[mid].column < column { lo = mid + 1 } else { hi = mid - 1 }
        }
        return .missing
    }

    /// Cells merged areas may fill in all (a worksheet's merges are headers and titles).
    static let mergedCellLimit = 10_000_000

    /// Every cell of a merged area shows the value of its top-left cell. An area reaches no further
    /// than the cells the sheet has: a merge over whole columns (`A1:A1048576`) or rows must not
    /// make a million rows (fuzz-formats: a crafted merge kept the reader busy for minutes).
    mutating func fillMergedAreas(shownAs name: String) throws {
        let maxRow = lastRow, maxColumn = lastColumn
        var filled = 0
        for area in merged {
            let value = cell(area.first.row, area.first.column)
            if case .missing = value { continue }
            let lastR = min(area.last.row, maxRow), lastC = min(area.last.column, maxColumn)
            guard area.first.row <= lastR, area.first.column <= lastC else { continue }
            filled += (lastR - area.first.row + 1) * (lastC - area.first.column + 1)
            guard filled <= Self.mergedCellLimit else {
                throw Diagnostic(.error, Message("E197", name, Self.mergedCellLimit), hint: Message("H197"))
            }
            for r in area.first.row...lastR {
                var cells = rows[r] ?? []
                var at = Dictionary(cells.enumerated().map { ($0.element.column, $0.offset) }, uniquingKeysWith: { first, _ in first })
                for c in area.first.column...lastC where !(r == area.first.row && c == area.first.column) {
                    if let i = at[c] { cells[i].cell = value } else { at[c] = cells.count; cells.append((c, value)) }
                }
                cells.sort { $0.column < $1.column }
                rows[r] = cells
            }
        }
    }

    /// Cells one sheet's table may span (rows × columns): 50 M cells of a few bytes each stay well
    /// within memory; a stray cell far from the data (XFD1048576) would otherwise make a table of
    /// 17 billion cells.
    static let tableCellLimit = 50_000_000

    /// The table in the chosen area: `skip` rows, then `headerRows` rows of names, then the data
    /// (rows after the last non-empty one dropped).
    func table(options: XLSXReader.Options, shownAs name: String) throws -> Table {
        let area = options.range ?? CellRange(first: CellReference(column: 0, row: 0),
                                              last: CellReference(column: max(0, lastColumn), row: max(0, lastRow)))
        // Rows past the last one holding a cell are never read, so they do not count.
        let spannedRows = min(area.last.row, max(lastRow, area.first.row)) - area.first.row + 1
        let spannedColumns = area.last.column - area.first.column + 1
        if spannedRows.multipliedReportingOverflow(by: spannedColumns).overflow || spannedRows * spannedColumns > options.cellLimit {
            let spanned = CellReference.letters(area.first.column) + String(area.first.row + 1) + ":"
                + CellReference.letters(area.last.column) + String(min(area.last.row, max(lastRow, area.first.row)) + 1)
            throw Diagnostic(.error, Message("E198", name, spanned, options.cellLimit), hint: Message("H198"))
        }
        let top = area.first.row + options.skip
        let columns = Array(area.first.column...area.last.column)
        let headerEnd = top + options.headerRows
        var names: [String] = []
        var taken: Set<String> = []
        for c in columns {
            var parts: [String] = []
            for r in top..<min(headerEnd, area.last.row + 1) {
                let text: String
                switch cell(r, c) {
                case .text(let t): text = t.trimmingCharacters(in: .whitespacesAndNewlines)
                case .number(let x): text = ScalarFormat.plain(.number(x))
                case .boolean(let b): text = String(b)
                case .missing: text = ""
                }
                if !text.isEmpty, parts.last != text { parts.append(text) }
            }
            var name = parts.joined(separator: " ")
            if name.isEmpty { name = CellReference.letters(c) }
            var unique = name, k = 2
            while taken.contains(unique) { unique = "\(name)_\(k)"; k += 1 }
            names.append(unique)
            taken.insert(unique)
        }
        // Only the rows and cells the sheet holds are visited (a sheet keeps no empty cells): a sparse
        // sheet costs its cells, not its extent — a stray cell at Z1000000 beside a small table made
        // 26 M lookups before.
        let inArea = { (column: Int) in column >= area.first.column && column <= area.last.column }
        let dataRows = rows.compactMap { r, cells in r >= headerEnd && r <= area.last.row && cells.contains { inArea($0.column) } ? r : nil }.sorted()
        let rowCount = max(0, (dataRows.last ?? headerEnd - 1) - headerEnd + 1)
        let markers = Set(options.missingMarkers)
        var built = [CellColumn](repeating: CellColumn(missing: rowCount), count: columns.count)
        for r in dataRows {
            var previous = -1
            for (c, value) in rows[r] ?? [] where inArea(c) && c != previous {
                previous = c  // a cell listed twice in a row: the first counts
                if case .text(let t) = value, markers.contains(t.trimmingCharacters(in: .whitespaces)) { continue }
                built[c - area.first.column].set(value, at: r - headerEnd)
            }
        }
        return Table(names: names, columns: built.map { $0.column() }, rowCount: rowCount)
    }
}

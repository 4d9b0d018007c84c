// Tables as an Excel workbook: one worksheet per table, the header row bold and frozen, numbers as
// numbers (with the decimals a column carries), days as Excel dates (`yyyy-mm-dd`), other periods
// and text as inline strings, missing cells empty; an
// indicator adds a sheet of its metadata. The zip is made in memory with ZIPFoundation and written
// by the caller atomically. The XML is written by hand, escaped, in the form Excel, LibreOffice and
// openpyxl all read (a writer library would be one more dependency for five short templates).

import Foundation
import KerwenData
import ZIPFoundation

public enum XLSXWriter {
    public struct Sheet: Sendable {
        public var name: String
        public var table: Table
        public init(name: String, table: Table) { self.name = name; self.table = table }
    }

    /// The workbook's bytes.
    public static func workbook(_ sheets: [Sheet]) throws -> Data {
        let named = uniqueNames(sheets.map(\.name))
        var parts: [(String, Data)] = []
        parts.append(("[Content_Types].xml", Data(contentTypes(sheets.count).utf8)))
        parts.append(("_rels/.rels", Data(rootRelationships.utf8)))
        parts.append(("xl/workbook.xml", Data(workbookXML(named).utf8)))
        parts.append(("xl/_rels/workbook.xml.rels", Data(workbookRelationships(sheets.count).utf8)))
        var decimals: [Int] = []
        for sheet in sheets { for c in sheet.table.columns { if let d = c.decimals, !decimals.contains(d) { decimals.append(d) } } }
        decimals.sort()
        // A date style only when a sheet holds days (other workbooks keep their two styles).
        let dateStyle = sheets.contains { $0.table.columns.contains(where: Self.holdsDays) } ? 2 + decimals.count : nil
        parts.append(("xl/styles.xml", Data(styles(decimals, dates: dateStyle != nil).utf8)))
        for (i, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(i + 1).xml", worksheet(sheet.table, decimals: decimals, dateStyle: dateStyle)))
        }
        let archive = try Archive(accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    /// Excel's rules for sheet names: at most 31 characters, none of `[]:*?/\`, unique whatever the case.
    static func uniqueNames(_ names: [String]) -> [String] {
        var out: [String] = []
        for raw in names {
            var name = String(raw.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
            if name.isEmpty { name = "Sheet\(out.count + 1)" }
            var candidate = name, k = 2
            while out.contains(where: { $0.lowercased() == candidate.lowercased() }) {
                let suffix = " (\(k))"
                candidate = String(name.prefix(31 - suffix.count)) + suffix
                k += 1
            }
            out.append(candidate)
        }
        return out
    }

    static func escape(_ s: String) -> String { XMLText.escaped(s) }

    static func contentTypes(_ sheets: Int) -> String {
        var s = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        s += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        s += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        s += #"<Default Extension="xml" ContentType="application/xml"/>"#
        s += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        s += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for i in 1...max(1, sheets) {
            s += #"<Override PartName="/xl/worksheets/sheet\#(i).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return s + "</Types>"
    }

    static let rootRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    static func workbookXML(_ names: [String]) -> String {
        var s = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        s += #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        s += "<sheets>"
        for (i, name) in names.enumerated() { s += #"<sheet name="\#(escape(name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"# }
        return s + "</sheets></workbook>"
    }

    static func workbookRelationships(_ sheets: Int) -> String {
        var s = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        s += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for i in 1...max(1, sheets) {
            s += #"<Relationship Id="rId\#(i)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(i).xml"/>"#
        }
        s += #"<Relationship Id="rId\#(sheets + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        return s + "</Relationships>"
    }

    /// Whether a column holds days (dates), which are written as Excel dates.
    static func holdsDays(_ c: Column) -> Bool {
        guard case .period(let codes) = c.storage else { return false }
        return codes.indices.contains { c.isValid($0) && Period(code: codes[$0])?.frequency == .daily }
    }

    /// The Excel serial number of a day (days from 1899-12-30); nil before 1 March 1900, where
    /// Excel's calendar counts a 29 February 1900 that never was (such days are written as text).
    static func excelSerial(_ p: Period) -> Int64? {
        guard p.frequency == .daily else { return nil }
        let serial = p.ordinal + 25_569
        return serial >= 61 && serial < 2_958_466 ? serial : nil
    }

    /// Style 0: plain; 1: the bold header; then one number format per decimals a column carries;
    /// then, with `dates`, `yyyy-mm-dd`.
    static func styles(_ decimals: [Int], dates: Bool = false) -> String {
        var s = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        s += #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        let formats = decimals.count + (dates ? 1 : 0)
        if formats > 0 {
            s += #"<numFmts count="\#(formats)">"#
            for (i, d) in decimals.enumerated() { s += #"<numFmt numFmtId="\#(164 + i)" formatCode="0.\#(String(repeating: "0", count: d))"/>"# }
            if dates { s += #"<numFmt numFmtId="\#(164 + decimals.count)" formatCode="yyyy-mm-dd"/>"# }
            s += "</numFmts>"
        }
        s += #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        s += #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        s += #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        s += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        s += #"<cellXfs count="\#(2 + formats)"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        s += #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        for i in 0..<formats { s += #"<xf numFmtId="\#(164 + i)" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"# }
        s += "</cellXfs>"
        return s + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#
    }

    /// `dateStyle`: the style of days (nil: the workbook has none).
    static func worksheet(_ table: Table, decimals: [Int], dateStyle: Int? = nil) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(64 + table.rowCount * table.columns.count * 16)
        func put(_ s: String) { out.append(contentsOf: s.utf8) }
        let letters = table.names.indices.map { CellReference.letters($0) }
        put(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n")
        put(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#)
        put(#"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#)
        // Column widths from the header and the first rows (a width per character, at most 60).
        if !table.names.isEmpty {
            put("<cols>")
            for (j, name) in table.names.enumerated() {
                var width = name.count
                for r in 0..<min(table.rowCount, 200) { width = max(width, ScalarFormat.plain(table.columns[j].scalar(at: r)).count) }
                put(#"<col min="\#(j + 1)" max="\#(j + 1)" width="\#(min(60, width + 2))" customWidth="1"/>"#)
            }
            put("</cols>")
        }
        put("<sheetData>")
        put(#"<row r="1">"#)
        for (j, name) in table.names.enumerated() {
            put(#"<c r="\#(letters[j])1" s="1" t="inlineStr"><is><t xml:space="preserve">\#(escape(name))</t></is></c>"#)
        }
        put("</row>")
        let styleOf = table.columns.map { c in c.decimals.flatMap { d in decimals.firstIndex(of: d).map { 2 + $0 } } }
        for r in 0..<table.rowCount {
            let row = String(r + 2)
            put(#"<row r="\#(row)">"#)
            for (j, column) in table.columns.enumerated() where column.isValid(r) {
                let ref = letters[j] + row
                switch column.storage {
                case .integer(let v): put(#"<c r="\#(ref)"><v>\#(v[r])</v></c>"#)
                case .number(let v):
                    let x = v[r]
                    // Excel has no infinity or NaN: such a cell is left empty.
                    guard x.isFinite else { continue }
                    let style = styleOf[j].map { #" s="\#($0)""# } ?? ""
                    put(#"<c r="\#(ref)"\#(style)><v>\#(ScalarFormat.plain(.number(x)))</v></c>"#)
                case .boolean(let v): put(#"<c r="\#(ref)" t="b"><v>\#(v[r] ? 1 : 0)</v></c>"#)
                // Days as Excel dates; other periods in their SDMX form, as text (Excel has no quarter
                // or week type).
                case .period(let v):
                    let p = Period(code: v[r])
                    if let dateStyle, let p, let serial = excelSerial(p) {
                        put(#"<c r="\#(ref)" s="\#(dateStyle)"><v>\#(serial)</v></c>"#)
                    } else {
                        put(#"<c r="\#(ref)" t="inlineStr"><is><t>\#(p?.description ?? "")</t></is></c>"#)
                    }
                case .text(let codes, let dictionary):
                    put(#"<c r="\#(ref)" t="inlineStr"><is><t xml:space="preserve">\#(escape(dictionary[codes[r]]))</t></is></c>"#)
                }
            }
            put("</row>")
        }
        put("</sheetData></worksheet>")
        return Data(out)
    }
}

// A worksheet's table spans its cells' extent: one stray cell far from the data (XFD1048576) would
// make a table of 17 billion cells and exhaust memory, so a table past 50 M cells is E198, said at
// once; a merge over whole columns is bounded by the cells the sheet has (E197 past 10 M). Shapes
// by hand from the XML.

import Foundation
import KerwenData
import KerwenDiagnostics
import KerwenFormats
import XCTest

final class SheetExtentTests: XCTestCase {
    private func sheet(_ cells: String, merges: String = "") -> Data {
        let merged = merges.isEmpty ? "" : "<mergeCells>\(merges)</mergeCells>"
        return Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(cells)</sheetData>\(merged)</worksheet>
        """.utf8)
    }

    private let header = #"<row r="1"><c r="A1" t="inlineStr"><is><t>region</t></is></c><c r="B1" t="inlineStr"><is><t>value</t></is></c></row>"#
        + #"<row r="2"><c r="A2" t="inlineStr"><is><t>North</t></is></c><c r="B2"><v>5</v></c></row>"#

    func testAStrayCellFarFromTheDataIsRefusedAtOnceWithTheSpan() throws {
        let far = header + #"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#
        let start = Date()
        XCTAssertThrowsError(try XLSXReader.table(fromSheetXML: sheet(far))) { error in
            let d = error as? Diagnostic
            XCTAssertEqual(d?.code, "E198", "\(error)")
            let text = d.map { MessageCatalog.english.format($0.message) } ?? ""
            XCTAssertTrue(text.contains("A1:XFD1048576") && text.contains("50,000,000"), text)
            XCTAssertEqual(d?.hint?.code, "H198")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 2, "said before any cell is laid out")
    }

    func testAWideButSmallSheetStillLoads() throws {
        // A cell in column AD (the 30th) of row 3: 30 columns × 2 data rows, named by their letters.
        let wide = header + #"<row r="3"><c r="AD3"><v>7</v></c></row>"#
        let t = try XLSXReader.table(fromSheetXML: sheet(wide))
        XCTAssertEqual(t.names.count, 30)
        XCTAssertEqual(t.rowCount, 2)
        XCTAssertEqual(t.names.last, "AD")
        XCTAssertEqual(t.column("AD")?.scalar(at: 1), .integer(7))
        XCTAssertEqual(t.column("value")?.scalar(at: 0), .integer(5))
    }

    func testAStrayCellWithinTheLimitCostsItsCellsNotItsExtent() throws {
        // A stray cell at Z1000000: 26 columns × 999,999 data rows, all missing but three cells. The
        // reader visits the cells the sheet holds, not the 26 M it spans (it took seconds before).
        let stray = header + #"<row r="1000000"><c r="Z1000000" t="inlineStr"><is><t>x</t></is></c></row>"#
        let start = Date()
        let t = try XLSXReader.table(fromSheetXML: sheet(stray))
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertEqual(t.rowCount, 999_999)
        XCTAssertEqual(t.names.count, 26)
        XCTAssertEqual(t.column("value")?.type, .integer)
        XCTAssertEqual(t.column("value")?.scalar(at: 0), .integer(5))
        XCTAssertEqual(t.column("value")?.scalar(at: 1), .na)
        XCTAssertEqual(t.column("value")?.validity?.setCount, 1)
        XCTAssertEqual(t.column("Z")?.scalar(at: 999_998), .text("x"))
        XCTAssertEqual(t.column("Z")?.validity?.setCount, 1)
        XCTAssertEqual(t.column("C")?.validity?.setCount, 0)
    }

    func testACellListedTwiceCountsOnce() throws {
        // Column B of row 2 written twice (a text, then a number): the first is the cell, and the
        // column is text (the number would have made it numbers).
        let twice = header + #"<row r="3"><c r="A3" t="inlineStr"><is><t>South</t></is></c><c r="B3" t="inlineStr"><is><t>pending</t></is></c><c r="B3"><v>2.5</v></c></row>"#
        let t = try XLSXReader.table(fromSheetXML: sheet(twice))
        XCTAssertEqual(t.rowCount, 2)
        XCTAssertEqual(t.column("value")?.scalar(at: 1), .text("pending"))
    }

    func testARangeGivenInTheScriptIsBoundedToo() throws {
        var options = XLSXReader.Options()
        options.range = CellRange("A1:XFD60000")
        let rows = (1...60_000).map { #"<row r="\#($0)"><c r="A\#($0)"><v>\#($0)</v></c></row>"# }.joined()
        XCTAssertThrowsError(try XLSXReader.table(fromSheetXML: sheet(rows), options: options)) { error in
            XCTAssertEqual((error as? Diagnostic)?.code, "E198", "\(error)")
        }
    }

    func testAMergeOverWholeColumnsStopsAtTheSheetsCells() throws {
        // A1:B1048576 merged: filled down only to row 2, the last row holding a cell.
        let t = try XLSXReader.table(fromSheetXML: sheet(header, merges: #"<mergeCell ref="A2:A1048576"/>"#))
        XCTAssertEqual(t.rowCount, 1)
        XCTAssertEqual(t.column("region")?.scalar(at: 0), .text("North"))
    }
}

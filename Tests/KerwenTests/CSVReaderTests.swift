// Unit tests for the CSV reader: types, missing markers, quoting, delimiters, errors with line numbers.

import KerwenData
import KerwenDiagnostics
import XCTest

final class CSVReaderTests: XCTestCase {
    private func read(_ text: String, _ options: CSVOptions = CSVOptions()) throws -> Table {
        try CSVReader.parse(bytes: Array(text.utf8), name: "t.csv", options: options)
    }

    func testInfersTypesOverWholeColumn() throws {
        let t = try read("a,b,c,d,e\n1,1.5,x,true,\n2,2,y,false,\n3,NA,3,true,\n")
        XCTAssertEqual(t.columns.map(\.type), [.integer, .number, .text, .boolean, .text])
        XCTAssertEqual(t.column("b")!.missingCount, 1)
        XCTAssertEqual(t.column("e")!.missingCount, 3)
        // `c` looked numeric until row 3… no: it starts as text and stays text, keeping "3" as text.
        XCTAssertEqual(t.column("c")!.scalar(at: 2), .text("3"))
    }

    func testWidensLateTextColumn() throws {
        let t = try read("code\n1\n2\nKG02\n")
        XCTAssertEqual(t.column("code")!.type, .text)
        XCTAssertEqual((0..<3).map { t.column("code")!.scalar(at: $0) }, [.text("1"), .text("2"), .text("KG02")])
    }

    func testBomSemicolonCrlfQuotesAndMarkers() throws {
        let text = "\u{FEFF}region;value;note\r\n\"North\"; 14.6;\"a; b\"\r\n\"South\";..;\"x\r\ny\"\r\nEast;-;\"say \"\"hi\"\"\"\r\n"
        let t = try read(text)
        XCTAssertEqual(t.names, ["region", "value", "note"])
        XCTAssertEqual(t.rowCount, 3)
        XCTAssertEqual(t.column("value")!.type, .number)
        XCTAssertEqual(t.column("value")!.scalar(at: 0), .number(14.6))
        XCTAssertEqual(t.column("value")!.missingCount, 2)
        XCTAssertEqual(t.column("note")!.scalar(at: 1), .text("x\r\ny"))
        XCTAssertEqual(t.column("note")!.scalar(at: 2), .text("say \"hi\""))
    }

    func testTabDelimiterDetected() throws {
        let t = try read("a\tb\n1\t2\n")
        XCTAssertEqual(t.names, ["a", "b"])
        XCTAssertEqual(t.column("b")!.scalar(at: 0), .integer(2))
    }

    func testRaggedRowNamesTheLine() {
        XCTAssertThrowsError(try read("a,b\n1,2\n3\n")) { error in
            let d = error as! Diagnostic
            XCTAssertEqual(d.code, "E041")
            XCTAssertEqual(d.message.args[1], "3")
        }
    }

    func testForcedTypeRejectsBadCell() {
        XCTAssertThrowsError(try read("a\n1\nx\n", CSVOptions(forcedTypes: ["a": .integer]))) { error in
            XCTAssertEqual((error as! Diagnostic).code, "E042")
        }
    }

    func testNumberParsingIsExact() throws {
        let t = try read("x\n0.1\n1234567.89\n-2.5e-3\n123456789012345678901234\n")
        let c = t.column("x")!
        XCTAssertEqual(c.scalar(at: 0), .number(0.1))
        XCTAssertEqual(c.scalar(at: 1), .number(1234567.89))
        XCTAssertEqual(c.scalar(at: 2), .number(-0.0025))
        XCTAssertEqual(c.scalar(at: 3), .number(123456789012345678901234.0))
    }

    func testDuplicateAndEmptyHeaderNames() throws {
        let t = try read("a,a,\n1,2,3\n")
        XCTAssertEqual(t.names, ["a", "a_2", "column_3"])
    }
}

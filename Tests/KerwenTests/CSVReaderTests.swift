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
            XCTAssertEqual(d.message.args[1], .text("3"))
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

    func testIntegersPastInt64KeepEveryDigit() throws {
        // Wherever the huge value falls (first row, last row, in any of several parts), a column of
        // integers with one past Int64 is text with the digits as written; with a decimal it is numbers.
        let small = (0..<3_000).map { String(9_007_199_254_740_000 + $0) }
        for position in [0, 1_500, 2_999] {
            var cells = small
            cells.insert("12345678901234567890", at: position)
            let text = "a\n" + cells.joined(separator: "\n") + "\n"
            for parts in [1, 3] {
                let c = try XCTUnwrap(try read(text, CSVOptions(parallelParts: parts)).column("a"))
                XCTAssertEqual(c.type, .text, "position \(position), parts \(parts)")
                XCTAssertEqual(c.scalar(at: position == 0 ? 1 : 0), .text("9007199254740000"))
                XCTAssertEqual(c.scalar(at: position), .text("12345678901234567890"))
            }
            let withDecimal = "a\n" + (cells + ["0.5"]).joined(separator: "\n") + "\n"
            let d = try XCTUnwrap(try read(withDecimal, CSVOptions(parallelParts: 3)).column("a"))
            XCTAssertEqual(d.type, .number)
            XCTAssertEqual(d.scalar(at: position), .number(12345678901234567890.0))
        }
        // The edges of Int64 are integers; one past is not.
        let edges = try read("a\n9223372036854775807\n-9223372036854775808\n0009\n").column("a")!
        XCTAssertEqual(edges.type, .integer)
        XCTAssertEqual(edges.scalar(at: 1), .integer(Int64.min))
        XCTAssertEqual(try read("a\n9223372036854775808\n").column("a")!.type, .text)
        XCTAssertEqual(try read("a\n9223372036854775808\n", CSVOptions(forcedTypes: ["a": .number])).column("a")!.scalar(at: 0), .number(9.223372036854775808e18))
    }

    func testInfinityReadsAsANumber() throws {
        let c = try read("a\ninf\n-Inf\n+INFINITY\n1.5\n").column("a")!
        XCTAssertEqual(c.type, .number)
        XCTAssertEqual((0..<4).map { c.scalar(at: $0) }, [.number(.infinity), .number(-.infinity), .number(.infinity), .number(1.5)])
        XCTAssertEqual(try read("a\ninfo\n").column("a")!.type, .text)
    }

    func testDuplicateAndEmptyHeaderNames() throws {
        let t = try read("a,a,\n1,2,3\n")
        XCTAssertEqual(t.names, ["a", "a_2", "column_3"])
    }

    /// Every cell of two tables, as text, with the column types.
    private func cells(_ t: Table) -> [String] {
        t.names.enumerated().map { j, n in n + ":" + t.columns[j].type.rawValue + ":" + (0..<t.rowCount).map { "\(t.columns[j].scalar(at: $0))" }.joined(separator: "|") }
    }

    func testParallelPartsGiveTheSameTableAsOnePass() throws {
        // Parts disagree on types (integer then number; number then text; missing-only then text;
        // boolean then integer), share text values, and a quoted field holds newlines and commas.
        var text = "id,x,y,z,b,s\n"
        for i in 0..<40 {
            let x = i < 20 ? "\(i)" : "\(i).5"
            let y = i < 30 ? "\(Double(i) / 4)" : "word\(i % 3)"
            let z = i < 25 ? "" : "z\(i % 2)"
            let b = i < 10 ? "true" : "\(i)"
            let s = i % 7 == 3 ? "\"line one\nline, two\"" : "s\(i % 5)"
            text += "\(i),\(x),\(y),\(z),\(b),\(s)\n"
        }
        let one = try read(text, CSVOptions(parallelParts: 1))
        for parts in [2, 3, 5, 8] {
            let many = try read(text, CSVOptions(parallelParts: parts))
            XCTAssertEqual(cells(many), cells(one), "parts: \(parts)")
        }
        XCTAssertEqual(one.columns.map(\.type), [.integer, .number, .text, .text, .text, .text])
        XCTAssertEqual(one.column("z")!.missingCount, 25)
    }

    func testParallelPartsReportAnErrorWithItsTrueLine() throws {
        var text = "a,b\n"
        for i in 0..<30 { text += i == 22 ? "1,2,3\n" : "\(i),\(i)\n" }
        XCTAssertThrowsError(try read(text, CSVOptions(parallelParts: 3))) { error in
            XCTAssertTrue("\(error)".contains("24") || ((error as? Diagnostic).map { MessageCatalog.english.format($0.message).contains("line 24") } ?? false), "\(error)")
        }
    }

    func testShortNumbersAgreeWithTheStandardParser() throws {
        // Cells the short-number path reads (≤ 16 bytes, `[-]digits[.digits]`) and cells it hands on.
        let cells = ["0", "-0", "7", "-12", "0.1", "-0.25", "1.", ".5", "-.5", "1234567.89", "999999999999999",
                     "0.000000000000001", "12345678.9012345", "1234567890123456", "+3.5", "1e3", "00012.50", "4.35",
                     "9007199254740993", "-9876543.21"]
        let t = try read("x\n" + cells.joined(separator: "\n") + "\n")
        let c = t.column("x")!
        XCTAssertEqual(c.type, .number)
        for (i, cell) in cells.enumerated() {
            XCTAssertEqual(c.scalar(at: i), .number(Double(cell)!), cell)
        }
    }

    func testTextCellsOfEveryShortLengthAndMarkers() throws {
        // Cells that share their first 8 or 16 bytes, a marker among text, spaces kept in values,
        // and a value longer than 16 bytes: each decoded back exactly.
        let values = ["a", "ab", "abcdefgh", "abcdefghi", "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnoX",
                      "NA", " spaced ", "Tashkent", "Tashkent City", "x"]
        var text = "k,v\n"
        for r in 0..<300 { text += "\(values[r % values.count]),\(r)\n" }
        let t = try read(text)
        let k = t.column("k")!
        XCTAssertEqual(k.type, .text)
        XCTAssertEqual(k.missingCount, 25)
        for r in 0..<300 {
            let v = values[r % values.count]
            XCTAssertEqual(k.scalar(at: r), v == "NA" ? .na : .text(v), "row \(r)")
        }
    }

    func testQuotedFieldInTheMiddleOfARecordAndNumericMarker() throws {
        let t = try read("a,b,c\n1,\"x, y\",2.5\n-99,plain,-99\n3, \"q\",4\n",
                         CSVOptions(missingMarkers: ["-99"]))
        XCTAssertEqual(t.column("a")!.scalar(at: 1), .na)
        XCTAssertEqual(t.column("b")!.scalar(at: 0), .text("x, y"))
        XCTAssertEqual(t.column("b")!.scalar(at: 2), .text("q"))
        XCTAssertEqual(t.column("c")!.scalar(at: 1), .na)
        XCTAssertEqual(t.column("c")!.scalar(at: 2), .number(4))
    }

    func testNumbersAtLineEndsCrlfAndEndOfFile() throws {
        let t = try read("a,b\r\n1.5,2\r\n-3,4.25\r\n5,6")
        XCTAssertEqual(t.rowCount, 3)
        XCTAssertEqual(t.column("a")!.type, .number)
        XCTAssertEqual((0..<3).map { t.column("a")!.scalar(at: $0) }, [.number(1.5), .number(-3), .number(5)])
        XCTAssertEqual((0..<3).map { t.column("b")!.scalar(at: $0) }, [.number(2), .number(4.25), .number(6)])
        let u = try read("a\n1\n2.5\n12\r")
        XCTAssertEqual((0..<3).map { u.column("a")!.scalar(at: $0) }, [.number(1), .number(2.5), .number(12)])
    }
}

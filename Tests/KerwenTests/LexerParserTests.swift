// Unit tests for the lexer, the parser and the REPL's incomplete-input detector.

import KerwenDiagnostics
import KerwenSyntax
import XCTest

final class LexerParserTests: XCTestCase {
    private func tokens(_ text: String) -> [Token] {
        Lexer.tokenize(SourceFile(id: SourceID(0), name: "t", text: text)).tokens
    }

    private func parse(_ text: String) -> Program {
        Parser.parse(SourceFile(id: SourceID(0), name: "t", text: text))
    }

    func testLexesNumbersStringsNamesAndVariables() {
        let t = tokens("let доход = 1_000 + 2.5e3 # comment\nshow $year `Migratory status` 'x'")
        XCTAssertEqual(t.map(\.kind), [.identifier, .identifier, .symbol, .integer, .symbol, .decimal, .newline,
                                        .identifier, .variable, .identifier, .string, .newline, .eof])
        XCTAssertEqual(t[1].text, "доход")
        XCTAssertEqual(t[3].text, "1000")
        XCTAssertEqual(t[8].text, "year")
        XCTAssertEqual(t[9].text, "Migratory status")
        XCTAssertTrue(t[9].quoted)
    }

    func testSpansAreByteOffsets() {
        let t = tokens("show ýaş")
        XCTAssertEqual(t[1].span.start, 5)
        XCTAssertEqual(t[1].span.end, 5 + "ýaş".utf8.count)
    }

    func testNewlineBeforeLeadingPipeContinues() {
        let program = parse("show t\n  | where x > 1\n  | take 2\nshow 1")
        XCTAssertTrue(program.diagnostics.isEmpty)
        XCTAssertEqual(program.statements.count, 2)
        guard case .show(let e) = program.statements[0].kind, case .pipeline(_, let steps) = e.kind else { return XCTFail() }
        XCTAssertEqual(steps.count, 2)
    }

    func testPrecedence() {
        let program = parse("show 1 + 2 * 3 ^ 2 > 10 and not false")
        guard case .show(let e) = program.statements[0].kind else { return XCTFail() }
        XCTAssertEqual(ExprPrinter.text(e), "((1 + (2 * (3 ^ 2))) > 10) and not false")
    }

    func testIndicatorFieldsOnOneLine() {
        let program = parse("""
        indicator x {
          code: "10.c.1"   goal: 10   unit: "percent"
          data: s | where a > 0
          numerator: sum(f)
          denominator: sum(a)
          scale: 100
          by: d, year
          totals: true
          check: value between 0 and 100
        }
        """)
        XCTAssertTrue(program.diagnostics.isEmpty, "\(program.diagnostics)")
        guard case .indicator(let d) = program.statements[0].kind else { return XCTFail() }
        XCTAssertEqual(d.metadata.map(\.key.text), ["code", "goal", "unit"])
        XCTAssertEqual(d.by.map(\.text), ["d", "year"])
        XCTAssertEqual(d.totals.map(\.text), ["*"])
        XCTAssertEqual(d.checks.count, 1)
    }

    func testRecoveryReportsSeveralErrors() {
        let program = parse("show 1 +\nlet = 3\nshow (2\nshow 4")
        XCTAssertGreaterThanOrEqual(program.diagnostics.count, 2)
    }

    func testHabitsFromOtherLanguages() {
        XCTAssertEqual(parse("show t | where a = 1").diagnostics.first?.code, "E004")
        XCTAssertEqual(parse("show t$a").diagnostics.first?.code, "E005")
        XCTAssertEqual(parse("show t['a']").diagnostics.first?.code, "E006")
        XCTAssertEqual(parse("show t | where a <> 1").diagnostics.first?.code, "E037")
        XCTAssertEqual(parse("show t | summarize n = count(*)").diagnostics.first?.code, "E038")
    }

    func testIncompleteInput() {
        XCTAssertTrue(Parser.isIncomplete("indicator x {\n  data: t"))
        XCTAssertTrue(Parser.isIncomplete("show t |"))
        XCTAssertTrue(Parser.isIncomplete("show (1 + 2"))
        XCTAssertTrue(Parser.isIncomplete("let x = 1 +"))
        XCTAssertFalse(Parser.isIncomplete("show 1 + 2"))
        XCTAssertFalse(Parser.isIncomplete("show t | where x > 0"))
    }
}

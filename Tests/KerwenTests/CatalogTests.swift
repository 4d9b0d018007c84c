// The four catalogs are complete and consistent, plural forms follow each language's rule, the
// language is chosen as documented, and no user-facing text is left outside the catalogs.

import Foundation
import KerwenDiagnostics
import KerwenSession
import XCTest

final class CatalogTests: XCTestCase {
    let translations: [Language] = [.ru, .tk, .uz]

    func testEveryCodeIsTranslatedWithTheSamePlaceholders() {
        let english = MessageCatalog.codes(of: .en)
        XCTAssertGreaterThan(english.count, 400)
        for language in translations {
            let own = MessageCatalog.codes(of: language)
            for code in english.sorted() {
                guard let names = MessageCatalog.placeholderNames(code, in: language) else {
                    XCTFail("\(code) is missing in the \(language) catalog"); continue
                }
                XCTAssertEqual(names, MessageCatalog.placeholderNames(code, in: .en), "\(code) in \(language): placeholders differ")
            }
            XCTAssertEqual(own.subtracting(english), [], "\(language) has codes English does not")
        }
    }

    func testEnglishDeclaresEveryPlaceholderWithItsPosition() {
        // `{0:column}` declares argument 0; a translation can then only use names, in any order.
        for code in MessageCatalog.codes(of: .en) {
            let template = MessageCatalog.ownTemplate(code, in: .en)!
            XCTAssertNil(template.range(of: #"\{[0-9]+\}"#, options: .regularExpression), "\(code) has a positional placeholder")
            for language in translations {
                let t = MessageCatalog.ownTemplate(code, in: language) ?? ""
                XCTAssertNil(t.range(of: #"\{[0-9]+(:|\}|\|)"#, options: .regularExpression), "\(code) in \(language) uses a position, not a name")
            }
        }
    }

    func testNamedPlaceholdersCanBeReordered() {
        // E020 is `{0:function}` … `{2:expected}` … `{1:actual}` in English: the names pick the arguments.
        let m = Message("E020", "sum", Message("K.text"), Message("K.number"))
        XCTAssertEqual(MessageCatalog(.en).format(m), "`sum` needs a number, but this is text")
        XCTAssertEqual(MessageCatalog(.ru).format(m), "`sum` нужно число, а здесь текст")
        XCTAssertEqual(MessageCatalog(.uz).format(m), "`sum` uchun son kerak, lekin bu matn")
    }

    func testRussianPluralForms() {
        // one: 1, 21, 101; few: 2–4, 22–24 (not 12–14); many: 0, 5–20, 25–30, 111.
        let expected: [Int: String] = [1: "строка", 2: "строки", 5: "строк", 11: "строк", 21: "строка", 22: "строки",
                                       25: "строк", 111: "строк", 12: "строк", 104: "строки", 0: "строк"]
        let ru = MessageCatalog(.ru)
        for (n, word) in expected {
            XCTAssertEqual(ru.word("W.rows_footer", n), "(\(ru.grouped(n)) \(word))", "\(n)")
        }
        XCTAssertEqual(MessageCatalog(.en).word("W.rows_footer", 1), "(1 row)")
        XCTAssertEqual(MessageCatalog(.en).word("W.rows_footer", 1234), "(1,234 rows)")
        XCTAssertEqual(MessageCatalog(.tk).word("W.rows_footer", 5), "(5 setir)")
        XCTAssertEqual(MessageCatalog(.uz).word("W.rows_footer", 21), "(21 qator)")
        // Russian groups thousands with a no-break space.
        XCTAssertEqual(ru.word("W.rows_footer", 4_100_000), "(4\u{00A0}100\u{00A0}000 строк)")
    }

    func testTheLanguageIsChosenAsDocumented() {
        XCTAssertEqual(Language.resolve(option: "uz", environment: ["LANG": "ru_RU.UTF-8"]), .uz)
        XCTAssertEqual(Language.resolve(option: nil, environment: ["KERWEN_LANG": "tk", "LANG": "ru_RU.UTF-8"]), .tk)
        XCTAssertEqual(Language.resolve(option: nil, environment: ["LANG": "ru_RU.UTF-8"]), .ru)
        XCTAssertEqual(Language.resolve(option: nil, environment: ["LANG": "tk_TM"]), .tk)
        XCTAssertEqual(Language.resolve(option: nil, environment: ["LANG": "uz_UZ.UTF-8"]), .uz)
        XCTAssertEqual(Language.resolve(option: nil, environment: ["LANG": "uz_Latn"]), .uz)
        // LC_ALL wins over LANG, LC_MESSAGES over LANG; a language Kerwen lacks means English.
        XCTAssertEqual(Language.resolve(option: nil, environment: ["LC_ALL": "uz_UZ", "LANG": "ru_RU"]), .uz)
        XCTAssertEqual(Language.resolve(option: nil, environment: ["LC_MESSAGES": "tk_TM", "LANG": "ru_RU"]), .tk)
        XCTAssertEqual(Language.resolve(option: nil, environment: ["LC_ALL": "de_DE.UTF-8", "LANG": "ru_RU"]), .en)
        XCTAssertEqual(Language.resolve(option: nil, environment: ["LANG": "C.UTF-8"]), .en)
        XCTAssertEqual(Language.resolve(option: nil, environment: [:]), .en)
    }

    func testTwoSessionsInOneProcessSpeakTheirOwnLanguages() {
        // A workshop server runs sessions side by side: each renders in its own language, at the same time.
        let folder = URL(fileURLWithPath: NSTemporaryDirectory())
        final class Outputs: @unchecked Sendable {
            var texts = [String](repeating: "", count: 4)
            let lock = NSLock()
        }
        let outputs = Outputs()
        let languages: [Language] = [.en, .ru, .tk, .uz]
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            let session = Session(baseDirectory: folder, language: languages[i])
            var err = ""
            session.writeErr = { err += $0 }
            for _ in 0..<20 { _ = try? session.run(text: "show 1 + nosuch", name: "s.kw") }
            outputs.lock.withLock { outputs.texts[i] = err }
        }
        let texts = outputs.texts
        XCTAssertTrue(texts[0].contains("error[E013]: unknown name `nosuch`"), texts[0])
        XCTAssertTrue(texts[1].contains("ошибка[E013]: неизвестное имя `nosuch`"), texts[1])
        XCTAssertTrue(texts[2].contains("ýalňyşlyk[E013]: näbelli at `nosuch`"), texts[2])
        XCTAssertTrue(texts[3].contains("xato[E013]: nomaʼlum nom `nosuch`"), texts[3])
    }

    func testAMissingTranslationFallsBackToEnglishForThatMessageOnly() {
        let ru = MessageCatalog(.ru)
        XCTAssertEqual(ru.word("NO.SUCH.CODE"), "NO.SUCH.CODE")
        XCTAssertEqual(ru.template(for: "E012"), "неизвестный столбец `{column}`")
    }

    /// No text a user reads is written inline: string literals with two or more words outside the
    /// catalogs must be Kerwen code (keywords, usages, plan printing) from this list.
    func testNoUserFacingTextOutsideTheCatalogs() throws {
        let allowed: [String: [String]] = [
            "KerwenData/OpenSDGLayout.swift": ["Reporting Type"],  // a column name of the Open SDG format
            "KerwenData/Parallel.swift": ["a non-throwing body cannot fail"],  // never reached: a rethrows proof
            "KerwenData/TableWriter.swift": ["metadata", "data"],  // JSON keys
            "KerwenPlan/PlanPrinter.swift": ["plot over ", "report to ", "pivot ", " values from ", "export to", "value: numerator / denominator", "group by", "left join", " in ", "between", " in [", "(", "if ", "["],
            "KerwenSyntax/ExprPrinter.swift": ["between", " in [", "(", "if ", "[", " in "],
            "KerwenDiagnostics/DiagnosticRenderer.swift": ["(gutter)= "],
            "KerwenREPL/HelpTopics.swift": ["group by"], "KerwenSyntax/AST.swift": ["group by", "pivot wider", "pivot longer"],
            "KerwenSyntax/Parser+Pipelines.swift": ["group by", "`names from`", "`values from`", "`wider` / `longer`"], "KerwenSyntax/Parser+Habits.swift": ["group by"], "KerwenREPL/Terminal.swift": ["less -FRXS"],
            "KerwenSema/Builtins.swift": ["(", "if … then … else"], "KerwenSema/FirstHourHints.swift": ["if … then … else"],
            "KerwenSyntax/Parser+Statements.swift": ["describe NAME", "load FILE"],
            // SVG and HTML markup, and font names: not words.
            "KerwenCharts/SVGChart.swift": ["<", "Sans", "stroke", "run.joined"], "KerwenOutput/ReportWriter.swift": ["<"],
            // The XML of a workbook's parts: markup, not words.
            "KerwenFormats/XLSXWriter.swift": ["<", "xl/"], "KerwenFormats/XLSXReader.swift": ["xl/worksheets/"],
            // The argument parser's own English, matched in order to be reworded from the catalog.
            "kerwen/HelpFrame.swift": ["Show the version.", "Show help information.", "See '", "Missing ", "Unknown option", "Unexpected argument", "The value '"],
        ]
        let sources = TestSupport.repoRoot.appendingPathComponent("Sources")
        let literal = try NSRegularExpression(pattern: #""((?:[^"\\]|\\.)*)""#)
        let word = try NSRegularExpression(pattern: "[A-Za-z]{2,}")
        var found: [String] = []
        for file in TestSupport.files(under: sources, ext: "swift") where !file.lastPathComponent.hasPrefix("Messages+") {
            let relative = String(file.path.dropFirst(sources.path.count + 1))
            for (n, line) in try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n").enumerated() {
                let code = line.components(separatedBy: " //")[0]
                if code.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                for m in literal.matches(in: code, range: NSRange(code.startIndex..., in: code)) {
                    let text = String(code[Range(m.range(at: 1), in: code)!])
                    let plain = text.replacingOccurrences(of: #"\\\(.*?\)"#, with: "", options: .regularExpression)
                    guard text.contains(" "), word.numberOfMatches(in: plain, range: NSRange(plain.startIndex..., in: plain)) >= 2 else { continue }
                    if allowed[relative]?.contains(where: { text.contains($0) }) == true { continue }
                    found.append("\(relative):\(n + 1): \"\(text)\"")
                }
            }
        }
        XCTAssertEqual(found, [], "user-facing text outside the catalogs:\n" + found.joined(separator: "\n"))
    }
}

final class KeyboardHabitsTests: XCTestCase {
    func testRussianLayoutGivesTheLatinWord() {
        XCTAssertEqual(KeyboardHabits.latinFromRussianLayout("ырщц"), "show")
        XCTAssertEqual(KeyboardHabits.latinFromRussianLayout("ыгкмун"), "survey")
        XCTAssertEqual(KeyboardHabits.latinFromRussianLayout("ЫРЩЦ"), "SHOW")
        XCTAssertNil(KeyboardHabits.latinFromRussianLayout("show"))
        XCTAssertNil(KeyboardHabits.latinFromRussianLayout("бю"))  // keys , and . are no letters
    }

    func testLookAlikesAreNamedButRussianNamesAreLeftAlone() {
        let (fixed, replaced) = KeyboardHabits.latinLookAlikes("s\u{0435}x")!
        XCTAssertEqual(fixed, "sex")
        XCTAssertEqual(KeyboardHabits.describe(replaced), ["`е` (U+0435) → `e`"])
        XCTAssertNil(KeyboardHabits.latinLookAlikes("регион"))   // a Russian column name is a name
        XCTAssertNil(KeyboardHabits.latinLookAlikes("sex"))
        XCTAssertNil(KeyboardHabits.hint(for: "регион", in: ["region"]))
        XCTAssertEqual(KeyboardHabits.hint(for: "\u{0441}ount", in: ["count", "sum"])?.code, "H113")
    }
}

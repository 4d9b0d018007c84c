// The one table of builtins against what uses it: every entry has help text, and the example in its
// help runs through its kernel. (An entry's kernel is a case of ScalarKernel, AggregateKernel or
// WindowKernel, which the evaluator switches over without a default: an entry without a kernel does
// not compile.) Every kernel has exactly one entry, and each entry's argument kinds fit its arity.
// The types the entries declare are checked against runs in PlanTypesTests.

import Foundation
import KerwenData
import KerwenDiagnostics
import KerwenPlan
import KerwenREPL
import KerwenSema
import KerwenSession
import XCTest

final class BuiltinTableTests: XCTestCase {
    func testEveryBuiltinHasHelpAndItsExampleRunsThroughItsKernel() throws {
        let session = Session(baseDirectory: TestSupport.repoRoot.appendingPathComponent("examples"), writeOut: { _ in }, writeErr: { _ in })
        XCTAssertTrue(try session.run(text: "load survey from \"data/labour_migrants.csv\"", name: "setup.kw"))
        var checked = 0
        for builtin in Builtins.all {
            XCTAssertTrue(MessageCatalog.english.hasCode(builtin.helpKey), "\(builtin.name) has no help text")
            let parts = MessageCatalog.english.template(for: builtin.helpKey).split(separator: "|", maxSplits: 1)
            guard parts.count == 2 else { XCTFail("\(builtin.name): help has no example"); continue }
            let example = String(parts[1])
            var out = "", err = ""
            session.writeOut = { out += $0 }
            session.writeErr = { err += $0 }
            XCTAssertTrue(try session.run(text: example, name: "\(builtin.name).kw"), "\(builtin.name): `\(example)` failed:\n\(err)")
            XCTAssertFalse(err.contains("E014"), "\(builtin.name) has no kernel: \(err)")
            XCTAssertFalse(out.isEmpty, "\(builtin.name): `\(example)` showed nothing")
            checked += 1
        }
        XCTAssertEqual(checked, Builtins.all.count)
        let kernels = Set(Builtins.all.map(\.name))
        for k in ScalarKernel.allCases { XCTAssertTrue(kernels.contains(k.rawValue), "scalar kernel \(k) has no entry") }
        for k in AggregateKernel.allCases { XCTAssertTrue(kernels.contains(k.rawValue), "aggregate kernel \(k) has no entry") }
        for k in WindowKernel.allCases { XCTAssertTrue(kernels.contains(k.rawValue), "window kernel \(k) has no entry") }
        for b in Builtins.all {
            XCTAssertLessThanOrEqual(b.arguments.count, b.maxArgs, "\(b.name): more argument kinds than arguments")
            XCTAssertEqual(b.arguments.isEmpty, b.maxArgs == 0, "\(b.name): argument kinds")
        }
        XCTAssertEqual(Set(Builtins.all.map(\.name)).count, Builtins.all.count, "a name twice in the table")
    }

    // `:help` reads each argument's kind from the entry, in the reader's language.
    func testHelpNamesEachArgumentWithItsKind() throws {
        let en = HelpTopics.text("substr", catalog: MessageCatalog.english) ?? ""
        XCTAssertTrue(en.contains("Arguments: text: text, start: integer, length: integer"), en)
        let ru = HelpTopics.text("round", catalog: MessageCatalog(.ru)) ?? ""
        XCTAssertTrue(ru.contains("Аргументы: x: число, digits: целое число"), ru)
        let none = HelpTopics.text("rank", catalog: MessageCatalog.english) ?? ""
        XCTAssertFalse(none.contains("Arguments"), none)
    }
}

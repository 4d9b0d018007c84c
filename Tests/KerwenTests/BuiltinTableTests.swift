// The one table of builtins against what uses it: every entry has help text, and the example in its
// help runs through its kernel (so an entry without a kernel, or a kernel renamed away from its
// entry, fails here). The types the entries declare are checked against runs in PlanTypesTests.

import Foundation
import KerwenData
import KerwenDiagnostics
import KerwenPlan
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
        XCTAssertEqual(Set(Builtins.all.map(\.name)).count, Builtins.all.count, "a name twice in the table")
    }
}

// Each optimiser pass is a rewrite that must not change a result: every golden and example script
// runs in one session with all passes, and again with none and with each pass left out; what each
// run prints (tables, notes, warnings, errors) must be the same. (Where a pass changes what the
// plan printer shows, the plan goldens say so; here only results are compared.)

import Foundation
import KerwenDiagnostics
import KerwenPlan
import KerwenSession
import XCTest

final class OptimizerEquivalenceTests: XCTestCase {
    func testResultsAreTheSameWithEachPassOnAndOff() throws {
        let root = TestSupport.repoRoot
        let scripts = TestSupport.files(under: root.appendingPathComponent("Tests/golden"), ext: "kw")
            + TestSupport.files(under: root.appendingPathComponent("examples"), ext: "kw")
        let variants: [(String, OptimizerPasses)] = [
            ("none", []), ("without top-n", [.filterAsMask, .projectionPushdown]),
            ("without filter-as-mask", [.topN, .projectionPushdown]), ("without pushdown", [.topN, .filterAsMask]),
        ]
        let (compared, differences) = DeepStack.run { () -> (Int, [String]) in
            var compared = 0
            var differences: [String] = []
            for url in scripts {
                guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                // Cases that run another command, read standard input, set the environment or take
                // arguments are run only by the golden test; files they write would be written twice.
                if ["# command:", "# stdin", "# env:", "# args:", "export ", "report ", " to \""].contains(where: text.contains) { continue }
                let expected = Self.output(of: text, at: url, passes: .all)
                for (name, passes) in variants {
                    let got = Self.output(of: text, at: url, passes: passes)
                    if got != expected { differences.append("\(url.lastPathComponent) \(name):\n\(got)\n-- with all passes:\n\(expected)") }
                }
                compared += 1
            }
            return (compared, differences)
        }
        XCTAssert(differences.isEmpty, "\(differences.count) differences, the first:\n" + differences.prefix(3).map { String($0.prefix(3000)) }.joined(separator: "\n\n"))
        XCTAssertGreaterThan(compared, 150, "scripts compared")
    }

    private static func output(of text: String, at url: URL, passes: OptimizerPasses) -> String {
        var out = ""
        let session = Session(baseDirectory: url.deletingLastPathComponent(), writeOut: { out += $0 }, writeErr: { out += $0 })
        session.interpreter.optimizerPasses = passes
        _ = try? session.run(text: text, name: url.lastPathComponent)
        return out
    }
}

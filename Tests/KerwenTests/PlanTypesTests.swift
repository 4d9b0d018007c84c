// The binder's types against what the evaluator makes: every golden and example script is bound and
// run statement by statement in one session, and each table it shows or binds is compared with its
// plan — the column names in order, and every type the plan claims to know.

import Foundation
import KerwenData
import KerwenDiagnostics
import KerwenEval
import KerwenPlan
import KerwenSession
import KerwenSyntax
import XCTest

final class PlanTypesTests: XCTestCase {
    func testPlanColumnsAndTypesMatchWhatRuns() throws {
        // On the deep stack the `kerwen` binary runs on: some cases nest functions thousands deep.
        let (compared, typed, failures) = DeepStack.run { Self.compareAll() }
        XCTAssert(failures.isEmpty, "\(failures.count) differences:\n" + failures.joined(separator: "\n"))
        XCTAssertGreaterThan(compared, 150, "tables compared")
        XCTAssertGreaterThan(typed, 600, "typed columns compared")
        print("plan types: \(compared) tables, \(typed) typed columns compared")
    }

    // The resolver and the binder agree: every script `kerwen check` accepts has a plan.
    func testEveryCheckedScriptHasAPlan() throws {
        let root = TestSupport.repoRoot
        let scripts = ["Tests/golden", "examples", "stdlib"].flatMap { TestSupport.files(under: root.appendingPathComponent($0), ext: "kw") }
        let (accepted, planned, missing) = DeepStack.run { () -> (Int, Int, [String]) in
            var accepted = 0, planned = 0
            var missing: [String] = []
            for url in scripts {
                guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                let checker = Session(baseDirectory: url.deletingLastPathComponent(), writeOut: { _ in }, writeErr: { _ in })
                guard checker.check(text: text, name: url.path).isEmpty else { continue }
                accepted += 1
                let planner = Session(baseDirectory: url.deletingLastPathComponent(), writeOut: { _ in }, writeErr: { _ in })
                if planner.plan(text: text, name: url.path) != nil { planned += 1 } else { missing.append(url.path) }
            }
            return (accepted, planned, missing)
        }
        XCTAssertEqual(missing, [])
        XCTAssertGreaterThan(accepted, 120)
        XCTAssertEqual(planned, accepted)
    }

    static func compareAll() -> (Int, Int, [String]) {
        let root = TestSupport.repoRoot
        let scripts = TestSupport.files(under: root.appendingPathComponent("Tests/golden"), ext: "kw")
            + TestSupport.files(under: root.appendingPathComponent("examples"), ext: "kw")
        try? FileManager.default.createDirectory(at: root.appendingPathComponent(".build/golden-out"), withIntermediateDirectories: true)
        var compared = 0, typed = 0
        var failures: [String] = []
        for url in scripts {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            // Cases that run another command, read standard input or are meant to fail are left out.
            if text.contains("# command:") || text.contains("# stdin") || text.contains("# exit:") || text.contains("# args:") { continue }
            let session = Session(baseDirectory: url.deletingLastPathComponent(), writeOut: { _ in }, writeErr: { _ in })
            let file = session.sources.add(name: url.path, text: text)
            let program = Parser.parse(file)
            guard program.diagnostics.isEmpty else { continue }
            var shown: [Value] = []
            var widened = false
            session.interpreter.emit = {
                if case .value(let v, _) = $0 { shown.append(v) }
                // An integer sum past Int64 is a number, with note N002 (docs/LANGUAGE.md).
                if case .message(let d) = $0, d.code == "N002" { widened = true }
            }
            for stmt in program.statements {
                let plan = session.plans(of: [stmt])[0]
                shown = []
                widened = false
                do { try session.interpreter.execute(stmt) } catch { break }
                var expected: [PlanColumn]? = nil, actual: Table? = nil
                switch (plan.kind, stmt.kind) {
                case (.show(let e), _), (.expression(let e), _):
                    if case .table(let node) = e.kind { expected = node.columns }
                    actual = shown.last?.table
                case (.letBinding(let name, let e), _):
                    if case .table(let node) = e.kind { expected = node.columns }
                    if case .value(let v)? = session.interpreter.globals[name] { actual = v.table }
                case (.load(let name, let node), _):
                    expected = node.columns
                    if case .value(let v)? = session.interpreter.globals[name] { actual = v.table }
                default: break
                }
                guard let expected, let actual else { continue }
                compared += 1
                let line = file.location(of: stmt.span.start).line
                let place = "\(url.path.replacingOccurrences(of: root.path + "/", with: "")):\(line)"
                if expected.map(\.name) != actual.names {
                    failures.append("\(place): plan columns \(expected.map(\.name)), ran \(actual.names)")
                    continue
                }
                for c in expected where c.type != .unknown && c.type != .na {
                    typed += 1
                    let ran = PlanType(actual.column(c.name)!.type)
                    if ran != c.type && !(widened && c.type == .integer && ran == .number) { failures.append("\(place): column \(c.name) planned \(c.type.rawValue), ran \(ran.rawValue)") }
                }
            }
        }
        return (compared, typed, failures)
    }
}

// Runs every Tests/golden/**/*.kw through the real `kerwen` binary and compares stdout, stderr and exit status.
//
// In a case file:  `# expect: LINE` lines give stdout inline; `<case>.out` / `<case>.err` hold longer
// expectations; `# exit: N` the status (default 0); `# args: …` extra arguments after `run FILE`;
// `# command: check FILE` replaces the whole command line (FILE = this case); `# env: LANG=ru_RU.UTF-8 …`
// sets environment variables (the language is English unless a case says otherwise).
// KERWEN_UPDATE_GOLDEN=1 rewrites .out/.err; a mismatch leaves `<case>.actual` to diff.

import Foundation
import XCTest

final class GoldenTests: XCTestCase {
    func testGoldenCases() throws {
        let root = TestSupport.repoRoot.appendingPathComponent("Tests/golden")
        let cases = TestSupport.files(under: root, ext: "kw")
        // The folder the export cases write to (Kerwen never creates a missing folder itself).
        try FileManager.default.createDirectory(at: TestSupport.repoRoot.appendingPathComponent(".build/golden-out"),
                                                withIntermediateDirectories: true)
        XCTAssertGreaterThan(cases.count, 20, "golden cases should be found")
        var failures: [String] = []
        for file in cases {
            if let problem = try runCase(file) { failures.append(problem) }
        }
        XCTAssert(failures.isEmpty, "\(failures.count) golden cases failed:\n" + failures.joined(separator: "\n"))
        print("golden: \(cases.count - failures.count) of \(cases.count) cases pass")
    }

    private func runCase(_ file: URL) throws -> String? {
        let text = try String(contentsOf: file, encoding: .utf8)
        let relative = file.path.replacingOccurrences(of: TestSupport.repoRoot.path + "/", with: "")
        var expectLines: [String] = []
        var expectedExit: Int32 = 0
        var args: [String] = []
        var stdin: String? = nil
        var command: [String]? = nil
        var env: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let l = line.trimmingCharacters(in: .whitespaces)
            if l.hasPrefix("# expect: ") { expectLines.append(String(l.dropFirst(10))) }
            else if l == "# expect:" { expectLines.append("") }
            else if l.hasPrefix("# exit: ") { expectedExit = Int32(l.dropFirst(8)) ?? 0 }
            else if l.hasPrefix("# args: ") { args = l.dropFirst(8).split(separator: " ").map(String.init) }
            else if l == "# stdin" { stdin = text }
            else if l.hasPrefix("# env: ") {
                // `# env: NAME=VALUE …` (an empty value unsets the variable for the language choice).
                for pair in l.dropFirst(7).split(separator: " ") {
                    let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    env[String(kv[0])] = kv.count > 1 ? String(kv[1]) : ""
                }
            }
            else if l.hasPrefix("# command: ") { command = l.dropFirst(11).split(separator: " ").map(String.init) }
        }
        let arguments = command.map { $0.map { $0 == "FILE" ? relative : $0 } } ?? (stdin != nil ? [String]() : ["run", relative] + args)
        let result = try TestSupport.runKerwen(arguments, stdin: stdin, cwd: TestSupport.repoRoot, env: env)
        let base = file.deletingPathExtension()
        let outFile = base.appendingPathExtension("out"), errFile = base.appendingPathExtension("err")
        let fm = FileManager.default
        if ProcessInfo.processInfo.environment["KERWEN_UPDATE_GOLDEN"] == "1" {
            if expectLines.isEmpty { try result.stdout.write(to: outFile, atomically: true, encoding: .utf8) }
            if !result.stderr.isEmpty { try result.stderr.write(to: errFile, atomically: true, encoding: .utf8) } else { try? fm.removeItem(at: errFile) }
            return nil
        }
        let expectedOut = expectLines.isEmpty ? ((try? String(contentsOf: outFile, encoding: .utf8)) ?? "") : expectLines.joined(separator: "\n") + "\n"
        let expectedErr = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
        var problems: [String] = []
        if result.stdout != expectedOut { problems.append("stdout differs") }
        if result.stderr != expectedErr { problems.append("stderr differs") }
        if result.status != expectedExit { problems.append("exit \(result.status), expected \(expectedExit)") }
        let actual = base.appendingPathExtension("actual")
        if problems.isEmpty { try? fm.removeItem(at: actual); return nil }
        let dump = "== stdout\n\(result.stdout)== stderr\n\(result.stderr)== exit \(result.status)\n"
        try? dump.write(to: actual, atomically: true, encoding: .utf8)
        return "\(relative): " + problems.joined(separator: ", ") + "\n" + dump
    }
}

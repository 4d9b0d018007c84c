// `kerwen run --sandbox DIR`: every way out of the folder is refused — an absolute path, `../`, a
// symlinked file or folder that leads outside, a `use` of a module by path — while files inside, the
// standard library (read-only) and new files in the folder work. The files outside hold a value
// (41) the script would print if it got through.

import Foundation
import KerwenData
import KerwenDiagnostics
import XCTest

final class SandboxTests: XCTestCase {
    private var root: URL!
    private var work: URL { root.appendingPathComponent("work") }

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kerwen-sandbox-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("work"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try "a\n41\n".write(to: root.appendingPathComponent("outside/secret.csv"), atomically: true, encoding: .utf8)
        try "show 41\n".write(to: root.appendingPathComponent("outside/evil.kw"), atomically: true, encoding: .utf8)
        try "a\n2\n".write(to: work.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: work.appendingPathComponent("link.csv").path, withDestinationPath: "../outside/secret.csv")
        try fm.createSymbolicLink(atPath: work.appendingPathComponent("linkdir").path, withDestinationPath: "../outside")
        try fm.createSymbolicLink(atPath: work.appendingPathComponent("evil.kw").path, withDestinationPath: "../outside/evil.kw")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private func run(_ script: String, sandbox: Bool = true) throws -> TestSupport.Result {
        let file = work.appendingPathComponent("s.kw")
        try script.write(to: file, atomically: true, encoding: .utf8)
        return try TestSupport.runKerwen(["run"] + (sandbox ? ["--sandbox", work.path] : []) + [file.path], cwd: root)
    }

    private func assertRefused(_ script: String, _ code: String = "E111", file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try run(script)
        XCTAssertEqual(r.status, 1, r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.contains("error[\(code)]"), r.stderr, file: file, line: line)
        XCTAssertFalse(r.stdout.contains("41"), r.stdout, file: file, line: line)
    }

    func testEscapesAreRefused() throws {
        let outside = root.appendingPathComponent("outside/secret.csv").path
        try assertRefused("load t from \"\(outside)\"\nshow t\n")
        try assertRefused("load t from \"../outside/secret.csv\"\nshow t\n")
        try assertRefused("load t from \"sub/../../outside/secret.csv\"\nshow t\n")
        try assertRefused("load t from \"link.csv\"\nshow t\n")
        try assertRefused("load t from \"linkdir/secret.csv\"\nshow t\n")
        // A pattern over a folder outside is refused before the folder is listed: whether it holds
        // a match (E133 "no file matches") would tell what is there.
        try assertRefused("load t from \"../outside/*.csv\"\nshow t\n")
        try assertRefused("load t from \"../outside/*.none\"\nshow t\n")
        try assertRefused("load t from \"linkdir/*.csv\"\nshow t\n")
        try assertRefused("load t from \"d.csv\"\nexport t to \"linkdir/copy.csv\"\n")
        try assertRefused("load t from \"d.csv\"\nexport t to \"../outside/copy.csv\"\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("outside/copy.csv").path))
        // A module by path is never a module, sandbox or not; a symlinked module leading out is not found.
        try assertRefused("use `../outside/evil`\n", "E110")
        let noSandbox = try run("use `../outside/evil`\n", sandbox: false)
        XCTAssertEqual(noSandbox.status, 1)
        XCTAssertTrue(noSandbox.stderr.contains("error[E110]"), noSandbox.stderr)
        try assertRefused("use evil\n", "E026")
    }

    func testInsideWorksAndTheStandardLibraryIsReadOnly() throws {
        let r = try run("load t from \"d.csv\"\nexport t to \"copy.csv\"\nuse sdg\nshow t | summarize s = sum(a)\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("2"), r.stdout)
        XCTAssertEqual(try String(contentsOf: work.appendingPathComponent("copy.csv"), encoding: .utf8), "a\n2\n")
        let stdlib = TestSupport.repoRoot.appendingPathComponent("stdlib/sdmx_codes.csv").path
        let read = try run("load codes from \"\(stdlib)\"\nshow codes | summarize n = count()\n")
        XCTAssertEqual(read.status, 0, read.stderr)
        try assertRefused("load t from \"d.csv\"\nexport t to \"\(stdlib)\"\n", "E112")
    }

    func testAMissingSandboxFolderIsAUsageError() throws {
        let file = work.appendingPathComponent("s.kw")
        try "show 1\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try TestSupport.runKerwen(["run", "--sandbox", root.appendingPathComponent("nowhere").path, file.path], cwd: root)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("E113"), r.stderr)
    }

    // The race: a path judged inside, then a symlink swapped in before the open. Here the open is
    // asked directly with a path that already leads outside, so only the check on the opened
    // descriptor stands between the script and the file.
    func testAFileOpenedOutsideIsRefusedOnItsDescriptor() throws {
        let sandbox = try FileSandbox(folders: [work.path])
        XCTAssertThrowsError(try MappedFile(path: work.appendingPathComponent("link.csv").path, sandbox: sandbox)) { error in
            guard case FileProblem.outsideSandbox(let d)? = error as? FileProblem else { return XCTFail("\(error)") }
            XCTAssertEqual(d.code, "E111")
        }
        XCTAssertNoThrow(try MappedFile(path: work.appendingPathComponent("d.csv").path, sandbox: sandbox))
        XCTAssertThrowsError(try CSVReader.read(path: work.appendingPathComponent("link.csv").path, files: LocalFileSystem(sandbox: sandbox)))
    }

    func testAFileWrittenThroughAFolderLeadingOutsideIsRefusedAndNothingIsLeftThere() throws {
        let sandbox = try FileSandbox(folders: [work.path])
        let target = work.appendingPathComponent("linkdir/out.csv").path
        XCTAssertThrowsError(try TableWriter.writeAtomically("x\n1\n", to: target, files: LocalFileSystem(sandbox: sandbox))) { error in
            XCTAssertEqual((error as? Diagnostic)?.code, "E111", "\(error)")
        }
        let outside = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("outside").path)
        XCTAssertEqual(outside.sorted(), ["evil.kw", "secret.csv"], "no temporary or target file outside")
        // Inside, the same writer works and leaves only the target.
        try TableWriter.writeAtomically("x\n1\n", to: work.appendingPathComponent("in.csv").path, files: LocalFileSystem(sandbox: sandbox))
        XCTAssertEqual(try String(contentsOf: work.appendingPathComponent("in.csv"), encoding: .utf8), "x\n1\n")
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: work.path).contains { $0.contains(".tmp-") })
    }
}

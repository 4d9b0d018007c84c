// Every file a session touches goes through the FileSystem it is given: a script that loads a CSV,
// reads a worksheet, uses a module beside it, exports and draws does each through the session's
// file system (a recording one here), and a file system that refuses everything stops each of them
// with its own message (a module it cannot read is not there: E026) — nothing reaches the disk around it.

import Foundation
import KerwenData
import KerwenDiagnostics
import KerwenSession
import XCTest

/// The machine's files, with each path asked for, mapped or created written down.
private final class RecordingFileSystem: FileSystem, @unchecked Sendable {
    let local = LocalFileSystem()
    var refuse = false
    private(set) var mapped: [String] = [], created: [String] = [], allowed: [String] = []

    func allow(_ path: String, shownAs display: String, for access: FileSandbox.Access) throws {
        allowed.append(path)
        if refuse { throw Diagnostic.error("E111", display, "(none)") }
    }
    func allows(_ path: String, for access: FileSandbox.Access) -> Bool { !refuse }
    func map(_ path: String) throws(FileProblem) -> MappedFile {
        mapped.append(path)
        if refuse { throw FileProblem.missing }
        return try local.map(path)
    }
    func exists(_ path: String) -> Bool { local.exists(path) }
    func files(inFolder path: String) -> [String] { local.files(inFolder: path) }
    func create(_ path: String, shownAs display: String?) throws -> AtomicFile {
        created.append(path)
        if refuse { throw Diagnostic.error("E111", display ?? path, "(none)") }
        return try local.create(path, shownAs: display)
    }
}

final class FileSystemTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kerwen-fs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "region,value\nA,1\nB,2\n".write(to: folder.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
        try "fn twice(x) = 2 * x\n".write(to: folder.appendingPathComponent("helpers.kw"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func session(_ files: RecordingFileSystem) -> (Session, () -> String) {
        let session = Session(baseDirectory: folder)
        var out = ""
        session.writeOut = { out += $0 }
        session.writeErr = { out += $0 }
        session.interpreter.files = files
        return (session, { out })
    }

    private let script = """
    use helpers
    load d from "d.csv"
    show d | derive v = twice(value)
    export d to "out.csv"
    plot d over value as bar to "chart.svg"
    """

    func testEveryReadAndWriteGoesThroughTheSessionsFileSystem() throws {
        let files = RecordingFileSystem()
        let (session, output) = session(files)
        XCTAssertTrue(try session.run(text: script, name: "s.kw"), output())
        let path = { (name: String) in self.folder.appendingPathComponent(name).path }
        XCTAssertTrue(files.mapped.contains(path("helpers.kw")), "\(files.mapped)")
        XCTAssertTrue(files.mapped.contains(path("d.csv")), "\(files.mapped)")
        XCTAssertEqual(files.created, [path("out.csv"), path("chart.svg")])
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8), "region,value\nA,1\nB,2\n")
        XCTAssertTrue(output().contains("4"), output())
    }

    func testAFileSystemThatRefusesStopsEachStatementWithItsMessage() throws {
        let files = RecordingFileSystem()
        files.refuse = true
        for (statement, code) in [("load d from \"d.csv\"", "E111"), ("export 1 to \"out.csv\"", "E111"), ("use helpers", "E026")] {
            let (session, output) = session(files)
            XCTAssertFalse(try session.run(text: statement, name: "s.kw"), statement)
            XCTAssertTrue(output().contains("error[\(code)"), "\(statement): \(output())")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.csv").path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["d.csv", "helpers.kw"])
    }
}

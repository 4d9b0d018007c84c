// Helpers shared by the tests: the repository root, the built binary, running it, in-process sessions.

import Foundation
import KerwenDiagnostics
import KerwenSession
import XCTest

enum TestSupport {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL {
        if let env = ProcessInfo.processInfo.environment["KERWEN_BIN"] { return URL(fileURLWithPath: env) }
        return repoRoot.appendingPathComponent(".build/debug/kerwen")
    }

    static func files(under root: URL, ext: String) -> [URL] {
        guard let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return e.compactMap { $0 as? URL }.filter { $0.pathExtension == ext }.sorted { $0.path < $1.path }
    }

    struct Result { var stdout: String; var stderr: String; var status: Int32 }

    static func runKerwen(_ args: [String], stdin: String? = nil, cwd: URL, env: [String: String] = [:],
                          executable: URL? = nil) throws -> Result {
        let p = Process()
        p.executableURL = executable ?? binary
        p.arguments = args
        p.currentDirectoryURL = cwd
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        // English unless a test asks for another language (the machine's locale must not decide).
        environment["KERWEN_LANG"] = "en"
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Standard error is read on its own thread: a long diagnostic must not block on a full pipe.
        nonisolated(unsafe) var e = Data()
        let errorRead = DispatchGroup()
        errorRead.enter()
        DispatchQueue.global().async { e = err.fileHandleForReading.readDataToEndOfFile(); errorRead.leave() }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        errorRead.wait()
        p.waitUntilExit()
        return Result(stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self), status: p.terminationStatus)
    }

    /// The benchmark environment's Python, which has DuckDB (made by `make bench-check`, which
    /// `make test` runs first): missing is a failure in CI and a skip elsewhere.
    static func duckDBPython() throws -> URL {
        let python = repoRoot.appendingPathComponent(".build/bench-venv/bin/python")
        if !FileManager.default.isExecutableFile(atPath: python.path) {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("DuckDB's environment is missing (make bench-check makes it)") }
            throw XCTSkip("DuckDB's environment .build/bench-venv is missing (make bench-check makes it)")
        }
        return python
    }

    /// A new empty folder under the temporary directory (the caller removes it).
    static func scratchFolder(_ prefix: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs source in-process; returns stdout and stderr text.
    static func session(_ source: String, base: URL = repoRoot) throws -> (out: String, err: String, ok: Bool) {
        var out = "", err = ""
        let s = Session(baseDirectory: base, writeOut: { out += $0 }, writeErr: { err += $0 })
        let ok = try s.run(text: source, name: "test.kw")
        return (out, err, ok)
    }
}

// Faults while a file is written: a missing folder, a read-only file or folder, a full disk, a file
// size limit, and Ctrl-C, TERM and HUP in the middle of an export. Each must give a clear error (or
// the signal's exit status), leave an earlier target file byte for byte as it was, and leave no
// temporary file behind. The full disk is a real 64 KB tmpfs (root only; the file-size limit case
// covers the same path everywhere).

import Foundation
import XCTest

final class FaultTests: XCTestCase {
    private var folder: URL!
    private let earlier = "earlier content\n"

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kerwen-fault-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var rows = "id,name,x\n"
        for i in 0..<5_000 { rows += "\(i),name\(i % 97),\(Double(i) / 4)\n" }
        try rows.write(to: folder.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        _ = shell("umount \(folder.path)/small 2>/dev/null")
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    private func shell(_ command: String) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        try? p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    private func run(_ script: String) throws -> TestSupport.Result {
        let file = folder.appendingPathComponent("s.kw")
        try script.write(to: file, atomically: true, encoding: .utf8)
        return try TestSupport.runKerwen(["run", file.path], cwd: folder)
    }

    /// Names in `dir` that look like Kerwen's temporary files.
    private func temporaries(in dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.contains(".tmp-") }
    }

    private func assertFailed(_ r: TestSupport.Result, _ code: String, _ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, 1, r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.contains("error[\(code)]") && r.stderr.contains(text), r.stderr, file: file, line: line)
    }

    func testAMissingFolderIsNotCreated() throws {
        let r = try run("load t from \"d.csv\"\nexport t to \"reports/q1/out.csv\"\n")
        assertFailed(r, "E107", "the folder `reports/q1` does not exist")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("reports").path))
    }

    func testAReadOnlyTargetIsNeverReplaced() throws {
        let target = folder.appendingPathComponent("out.csv")
        try earlier.write(to: target, atomically: true, encoding: .utf8)
        chmod(target.path, 0o444)
        let r = try run("load t from \"d.csv\"\nexport t to \"out.csv\"\n")
        assertFailed(r, "E108", "read-only")
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), earlier)
        let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o444)
        XCTAssertEqual(temporaries(in: folder), [])
    }

    func testAFolderAsTargetAndTheModeOfAReplacedFile() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dir.csv"), withIntermediateDirectories: true)
        assertFailed(try run("load t from \"d.csv\"\nexport t to \"dir.csv\"\n"), "E109", "it is a folder")
        // A writable file is replaced, and keeps its permissions (0640 here, not the umask's 0644).
        let target = folder.appendingPathComponent("kept.csv")
        try earlier.write(to: target, atomically: true, encoding: .utf8)
        chmod(target.path, 0o640)
        let r = try run("load t from \"d.csv\"\nexport t to \"kept.csv\"\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int, 0o640)
        XCTAssertTrue(try String(contentsOf: target, encoding: .utf8).hasPrefix("id,name,x\n0,name0,0\n"))
    }

    func testAFileSizeLimitIsAWriteError() throws {
        let target = folder.appendingPathComponent("out.csv")
        try earlier.write(to: target, atomically: true, encoding: .utf8)
        let script = folder.appendingPathComponent("s.kw")
        try "load t from \"d.csv\"\nexport t to \"out.csv\"\n".write(to: script, atomically: true, encoding: .utf8)
        // 64 blocks of 512 bytes: d.csv is about 85 KB, so the export stops part way with EFBIG.
        let r = try TestSupport.runKerwen(["-c", "ulimit -f 64; exec \"$0\" run \"$1\"", TestSupport.binary.path, script.path],
                                          cwd: folder, executable: URL(fileURLWithPath: "/bin/sh"))
        assertFailed(r, "E045", "File too large")
        XCTAssertTrue(r.stderr.contains("an earlier `out.csv` is unchanged"), r.stderr)
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), earlier)
        XCTAssertEqual(temporaries(in: folder), [])
    }

    func testAFullDiskAndAReadOnlyFolder() throws {
        let small = folder.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        guard shell("mount -t tmpfs -o size=64k tmpfs \(small.path) 2>/dev/null") == 0 else {
            throw XCTSkip("mounting a tmpfs needs root; the file-size limit test covers the write-error path")
        }
        let target = small.appendingPathComponent("out.csv")
        try earlier.write(to: target, atomically: false, encoding: .utf8)
        let full = try run("load t from \"d.csv\"\nexport t to \"small/out.csv\"\n")
        assertFailed(full, "E045", "No space left on device")
        XCTAssertTrue(full.stderr.contains("the disk is full"), full.stderr)
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), earlier)
        XCTAssertEqual(temporaries(in: small), [])
        // The same folder made read-only: the temporary file cannot be created.
        XCTAssertEqual(shell("mount -o remount,ro \(small.path)"), 0)
        let readOnly = try run("load t from \"d.csv\"\nexport t | take 1 to \"small/out.csv\"\n")
        XCTAssertEqual(readOnly.status, 1, readOnly.stderr)
        XCTAssertTrue(readOnly.stderr.contains("Read-only file system") || readOnly.stderr.contains("E108"), readOnly.stderr)
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), earlier)
    }

    func testSignalsDuringAnExportLeaveTheEarlierFile() throws {
        // 5,000 rows crossed with 400 make 2 M rows: the export runs for seconds, and is stopped
        // while its temporary file is being written.
        let script = folder.appendingPathComponent("big.kw")
        try """
        load t from "d.csv"
        let k = t | take 400 | select id | rename id to id2 | derive one = 1
        let big = t | derive one = 1 | join k on one
        export big to "out.csv"
        """.write(to: script, atomically: true, encoding: .utf8)
        let target = folder.appendingPathComponent("out.csv")
        for (signal, status) in [(SIGINT, Int32(130)), (SIGTERM, 143), (SIGHUP, 129)] {
            try earlier.write(to: target, atomically: true, encoding: .utf8)
            let p = Process()
            p.executableURL = TestSupport.binary
            p.arguments = ["run", script.path]
            p.currentDirectoryURL = folder
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            let deadline = Date().addingTimeInterval(120)
            while temporaries(in: folder).isEmpty && p.isRunning && Date() < deadline { usleep(20_000) }
            XCTAssertTrue(p.isRunning, "the export ended before the signal: make the table bigger")
            usleep(200_000)
            let sent = Date()
            kill(p.processIdentifier, signal)
            p.waitUntilExit()
            let took = Date().timeIntervalSince(sent)
            XCTAssertEqual(p.terminationReason, .exit, "signal \(signal)")
            XCTAssertEqual(p.terminationStatus, status, "signal \(signal)")
            // Stopped at a safe point, not by the watchdog (which waits two seconds).
            XCTAssertLessThan(took, 1.5, "signal \(signal)")
            XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), earlier, "signal \(signal)")
            XCTAssertEqual(temporaries(in: folder), [], "signal \(signal)")
        }
    }

    func testOutputIntoAClosedPipeEndsQuietly() throws {
        // `kerwen run | head -1`: when head exits, Kerwen ends by SIGPIPE as `cat` does (status 141
        // in the shell), without a crash report; before, ignoring SIGPIPE made FileHandle trap.
        let script = folder.appendingPathComponent("s.kw")
        try "load t from \"d.csv\"\nshow t\nshow t\nshow t\n".write(to: script, atomically: true, encoding: .utf8)
        let r = try TestSupport.runKerwen(["-c", "\"$0\" run --max-rows 0 \"$1\" | head -1", TestSupport.binary.path, script.path],
                                          cwd: folder, executable: URL(fileURLWithPath: "/bin/bash"))
        XCTAssertTrue(r.stdout.hasPrefix("  id"), r.stdout)
        XCTAssertFalse(r.stderr.contains("crashed") || r.stderr.contains("Fatal error"), r.stderr)
    }

    func testOutputToAFullDeviceIsAnError() throws {
        // Standard output on /dev/full: every write fails with ENOSPC. Foundation's FileHandle trapped;
        // now the run ends with E118 and status 1, as `cat` reports a write error.
        let script = folder.appendingPathComponent("s.kw")
        try "load t from \"d.csv\"\nshow t | take 3\n".write(to: script, atomically: true, encoding: .utf8)
        let r = try TestSupport.runKerwen(["-c", "exec \"$0\" run \"$1\" > /dev/full", TestSupport.binary.path, script.path],
                                          cwd: folder, executable: URL(fileURLWithPath: "/bin/sh"))
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("error[E118]") && r.stderr.contains("No space left on device"), r.stderr)
    }

    func testScriptsThatAreNotRegularFiles() throws {
        // Standard input that is a folder (Foundation's readDataToEndOfFile trapped), a script path
        // that is a folder, and a script given through a pipe (`kerwen run <(…)`), which now works.
        let sh = URL(fileURLWithPath: "/bin/bash")
        let folderIn = try TestSupport.runKerwen(["-c", "exec \"$0\" < /tmp", TestSupport.binary.path], cwd: folder, executable: sh)
        XCTAssertEqual(folderIn.status, 1, folderIn.stderr)
        XCTAssertTrue(folderIn.stderr.contains("error[E119]") && folderIn.stderr.contains("Is a directory"), folderIn.stderr)
        let folderScript = try TestSupport.runKerwen(["run", "/tmp"], cwd: folder)
        XCTAssertEqual(folderScript.status, 1, folderScript.stderr)
        XCTAssertTrue(folderScript.stderr.contains("error[E069]"), folderScript.stderr)
        let piped = try TestSupport.runKerwen(["-c", "exec \"$0\" run <(printf 'show 6 * 7\\n')", TestSupport.binary.path], cwd: folder, executable: sh)
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertEqual(piped.stdout, "42\n")
    }
}

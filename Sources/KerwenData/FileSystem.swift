// Every file a session reads or writes goes through its `FileSystem`: which paths may be touched
// (`--sandbox`), how a file is opened for reading (mapped, judged again on its descriptor) and how
// one is written (a temporary file that replaces the target only when complete). The session owns
// one and hands it to the readers and writers; the command line's is `LocalFileSystem`, and a
// workshop server can give each room its own (its folders, its limits) without a process-wide
// setting.

import Foundation

public protocol FileSystem: Sendable {
    /// Throws (E111/E112) unless the file at `path`, as it will be opened, may be read or written.
    func allow(_ path: String, shownAs display: String, for access: FileSandbox.Access) throws
    /// Whether `path` may be read or written (for lookups that fall back quietly, such as modules).
    func allows(_ path: String, for access: FileSandbox.Access) -> Bool
    /// The regular file at `path`, mapped for reading.
    func map(_ path: String) throws(FileProblem) -> MappedFile
    /// A new file that replaces `path` when committed; until then nothing at `path` changes.
    func create(_ path: String, shownAs display: String?) throws -> AtomicFile
    /// Whether something is at `path`.
    func exists(_ path: String) -> Bool
    /// The names in a folder that are not folders themselves (a load's `*.csv`, modules to list).
    func files(inFolder path: String) -> [String]
}

extension FileSystem {
    /// A script's or module's text: nil when it cannot be read, is not UTF-8, or changed while read.
    public func text(at path: String) -> String? {
        guard let file = try? map(path) else { return nil }
        let text = String(validating: file.bytes, as: UTF8.self)
        return file.changed ? nil : text
    }

    /// Writes `body`'s bytes to `path` atomically; whatever `body` throws, the target is untouched.
    public func write(to path: String, shownAs display: String? = nil, _ body: (AtomicFile) throws -> Void) throws {
        let file = try create(path, shownAs: display)
        do {
            try body(file)
            try file.commit()
        } catch {
            file.abandon()
            throw error
        }
    }
}

/// The machine's files, limited to the sandbox's folders when there is one.
public struct LocalFileSystem: FileSystem {
    public let sandbox: FileSandbox?

    public init(sandbox: FileSandbox? = nil) { self.sandbox = sandbox }

    public func allow(_ path: String, shownAs display: String, for access: FileSandbox.Access) throws {
        try sandbox?.allow(path, shownAs: display, for: access)
    }

    public func allows(_ path: String, for access: FileSandbox.Access) -> Bool {
        sandbox?.allows(path, for: access) ?? true
    }

    public func map(_ path: String) throws(FileProblem) -> MappedFile {
        try MappedFile(path: path, sandbox: sandbox)
    }

    public func create(_ path: String, shownAs display: String?) throws -> AtomicFile {
        try AtomicFile(path: path, shownAs: display, sandbox: sandbox)
    }

    public func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    public func files(inFolder path: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return entries.filter { !FileSandbox.isFolder(path + "/" + $0) }
    }
}

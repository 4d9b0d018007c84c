// `kerwen run --sandbox DIR`: the folders a run may read and write (plus folders it may only read,
// such as the standard library). A path is judged by where it really leads — symlinks followed,
// `..` applied by the kernel's own rules through realpath(3) — so an absolute path, a `../` escape
// and a symlink that points outside are all refused alike. Every reader and writer asks the same
// sandbox, so a new file format inherits the rule.

import Foundation
import KerwenDiagnostics

public struct FileSandbox: Sendable {
    public enum Access: Sendable { case read, write }

    /// Real paths of the folders that may be read and written, and of those that may only be read.
    public let writable: [String]
    public let readOnly: [String]

    /// Each folder must exist; it is kept as its real path.
    public init(folders: [String], readOnly: [String] = []) throws {
        writable = try folders.map { folder in
            guard let real = Self.realPath(folder), Self.isFolder(real) else { throw Diagnostic.error("E113", folder) }
            return real
        }
        self.readOnly = readOnly.compactMap { Self.realPath($0) }
    }

    /// Throws unless `path` (as it will be opened) leads inside an allowed folder.
    public func allow(_ path: String, shownAs display: String, for access: Access) throws {
        guard let real = Self.realPath(path) else {
            let folders = writable.joined(separator: ", ")
            throw Diagnostic.error("E111", display, folders, hint: Message("H081", folders))
        }
        try allowReal(real, shownAs: display, for: access)
    }

    /// Throws unless an opened file really is inside an allowed folder. The path was judged before
    /// opening; a symlink swapped into it between that check and the open (to lead outside) is
    /// refused here, where the file is known by its descriptor. (Linux: /proc/self/fd; elsewhere
    /// the path check alone stands.)
    public func allowOpened(_ fd: Int32, shownAs display: String, for access: Access) throws {
        guard let real = Self.openedPath(fd) else { return }
        try allowReal(real, shownAs: display, for: access)
    }

    private func allowReal(_ real: String, shownAs display: String, for access: Access) throws {
        if writable.contains(where: { Self.isInside(real, $0) }) { return }
        if readOnly.contains(where: { Self.isInside(real, $0) }) {
            if access == .read { return }
            throw Diagnostic.error("E112", display, hint: Message("H082"))
        }
        let folders = writable.joined(separator: ", ")
        throw Diagnostic.error("E111", display, folders, hint: Message("H081", folders))
    }

    /// The path an open descriptor leads to, from the kernel.
    static func openedPath(_ fd: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/fd/\(fd)", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public func allows(_ path: String, for access: Access) -> Bool {
        (try? allow(path, shownAs: path, for: access)) != nil
    }

    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// Whether `path` is a folder (after symlinks).
    public static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Where `path` really leads: realpath(3) of its longest existing beginning, then the rest, which
    /// does not exist and so holds no symlink. A `..` in that rest cannot be judged, so it is refused.
    static func realPath(_ path: String) -> String? {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var head = absolute
        var rest: [String] = []
        while true {
            if let resolved = realpath(head, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                if rest.contains("..") { return nil }
                let tail = rest.reversed().filter { !$0.isEmpty && $0 != "." }
                return tail.isEmpty ? base : (base == "/" ? "" : base) + "/" + tail.joined(separator: "/")
            }
            guard errno == ENOENT || errno == ENOTDIR, let slash = head.lastIndex(of: "/"), head != "/" else { return nil }
            rest.append(String(head[head.index(after: slash)...]))
            head = slash == head.startIndex ? "/" : String(head[..<slash])
        }
    }
}

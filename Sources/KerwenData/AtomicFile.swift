// A file that is written whole or not at all: bytes go to a temporary file beside the target, which
// is renamed over it only when every byte was written and synced. On any failure — disk full, a write
// error, Ctrl-C or a termination signal — the temporary file is removed and an earlier target file
// is left exactly as it was. Plain POSIX calls rather than FileHandle: they report errno (so "No
// space left on device" reaches the user) and never trap.

import Foundation
import KerwenDiagnostics

public final class AtomicFile {
    public let path: String
    let display: String
    let temporary: String
    private var fd: Int32
    /// The target's folder, open: the temporary file is made and renamed in it by descriptor, so the
    /// folder judged (by the sandbox) is the folder written, whatever its path leads to later.
    private var folderFD: Int32 = -1
    private let temporaryName: String
    private let targetName: String
    private var done = false

    /// Opens the temporary file. Refuses a target whose folder does not exist (Kerwen does not guess
    /// where a file should go), a folder, and a read-only file (it is never replaced).
    /// `sandbox`: the temporary file, once made, must really be in an allowed folder (a folder
    /// swapped for a symlink after the path was judged would put it elsewhere).
    public init(path: String, shownAs display: String? = nil, sandbox: FileSandbox? = nil) throws {
        self.path = path
        self.display = display ?? path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        guard FileSandbox.isFolder(folder) else {
            let shownFolder = PathText.folder(of: self.display)
            throw Diagnostic.error("E107", self.display, shownFolder.isEmpty ? folder : shownFolder, hint: Message("H074"))
        }
        var mode: mode_t = 0o666
        var info = stat()
        if stat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR {
                throw Diagnostic.error("E109", self.display, hint: Message("H076", self.display))
            }
            // Root may write anything, so the mode bits are asked too: a file nobody may write is
            // one its owner protected.
            if access(path, W_OK) != 0 || info.st_mode & 0o222 == 0 {
                throw Diagnostic.error("E108", self.display, hint: Message("H075", self.display))
            }
            mode = info.st_mode & 0o7777
        }
        targetName = url.lastPathComponent
        temporaryName = "." + targetName + ".tmp-\(getpid())-\(TemporaryFiles.nextNumber())"
        temporary = folder + "/" + temporaryName
        fd = -1
        folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD < 0 { throw Self.failure(self.display, errno: errno) }
        if let sandbox {
            do { try sandbox.allowOpened(folderFD, shownAs: self.display, for: .write) } catch {
                close(folderFD)
                folderFD = -1
                throw error
            }
        }
        fd = TemporaryFiles.create(temporaryName, in: folderFD, path: temporary, mode: mode)
        if fd < 0 {
            let code = errno
            close(folderFD)
            folderFD = -1
            throw Self.failure(self.display, errno: code)
        }
        // open(2) applies the umask: an existing target's mode is kept exactly.
        _ = fchmod(fd, mode)
    }

    deinit { abandon() }

    /// Appends bytes; stops with "interrupted" when Ctrl-C or a termination signal came.
    public func write(_ bytes: [UInt8]) throws {
        try Interrupt.check()
        let code = try bytes.withUnsafeBytes { try StandardStreams.writeAll(fd, $0) { try Interrupt.check() } }
        if code != 0 {
            abandon()
            throw Self.failure(display, errno: code)
        }
    }

    public func write(_ text: String) throws { try write(Array(text.utf8)) }

    /// Syncs, closes and renames the temporary file over the target.
    public func commit() throws {
        try Interrupt.check()
        if fsync(fd) != 0 && errno != EINVAL {
            let code = errno; abandon(); throw Self.failure(display, errno: code)
        }
        let closed = close(fd)
        fd = -1
        if closed != 0 {
            let code = errno; abandon(); throw Self.failure(display, errno: code)
        }
        try Interrupt.check()
        // rename(2) replaces the target in one step on the same file system.
        if renameat(folderFD, temporaryName, folderFD, targetName) != 0 {
            let code = errno; abandon(); throw Self.failure(display, errno: code)
        }
        done = true
        TemporaryFiles.forget(temporary)
        close(folderFD)
        folderFD = -1
    }

    /// Closes and removes the temporary file; the target is untouched. Safe to call twice.
    public func abandon() {
        if fd >= 0 { close(fd); fd = -1 }
        if !done {
            done = true
            if folderFD >= 0 { unlinkat(folderFD, temporaryName, 0) } else { unlink(temporary) }
            TemporaryFiles.forget(temporary)
        }
        if folderFD >= 0 { close(folderFD); folderFD = -1 }
    }

    static func failure(_ display: String, errno code: Int32) -> Diagnostic {
        let reason = String(cString: strerror(code))
        switch code {
        case ENOSPC, EDQUOT, EFBIG: return Diagnostic.error("E045", display, reason, hint: Message("H077", display))
        case EACCES, EPERM, EROFS: return Diagnostic.error("E045", display, reason, hint: Message("H079", display))
        default: return Diagnostic.error("E045", display, reason, hint: Message("H078", display))
        }
    }
}

// The temporary files being written right now, so that a termination signal can remove them before
// the process ends. Process-wide by nature: signals are delivered to the process, not to a session.

import Foundation
import Synchronization

public enum TemporaryFiles {
    private static let paths = Mutex<Set<String>>([])
    private static let counter = Atomic<Int>(0)

    static func nextNumber() -> Int { counter.add(1, ordering: .relaxed).newValue }

    /// Creates `name` in the folder open as `folder` (it must not exist) for writing, and remembers
    /// it by `path` (the folder's path and the name).
    static func create(_ name: String, in folder: Int32, path: String, mode: mode_t) -> Int32 {
        paths.withLock { set in
            let fd = openat(folder, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            if fd >= 0 { set.insert(path) }
            return fd
        }
    }

    static func forget(_ path: String) { _ = paths.withLock { $0.remove(path) } }

    /// Removes every temporary file still open (on the way out after a signal).
    public static func removeAll() {
        paths.withLock { set in
            for p in set { unlink(p) }
            set.removeAll()
        }
    }
}

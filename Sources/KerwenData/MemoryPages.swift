// Asking the kernel to map memory in ahead of use.

import Foundation

public enum MemoryPages {
    /// `MADV_POPULATE_WRITE` (Linux 5.14): the pages of a fresh buffer are allocated in one call.
    /// Columns of millions of rows are written once, front to back; taking a page fault for every
    /// 4 KB of them cost more than parsing some columns. Older kernels refuse the call; then the
    /// pages fault in as they are written, as before.
    private static let populateWrite: Int32 = 23

    public static func populate(_ start: UnsafeMutableRawPointer, bytes: Int) {
        let page = Int(getpagesize())
        let first = (Int(bitPattern: start) + page - 1) / page * page
        let last = (Int(bitPattern: start) + bytes) / page * page
        guard last > first else { return }
        _ = madvise(UnsafeMutableRawPointer(bitPattern: first), last - first, populateWrite)
    }
}

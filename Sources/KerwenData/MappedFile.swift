// A data file mapped into memory, checked to be a regular file first, and safe when it shrinks.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KerwenDiagnostics
import Synchronization

/// Why a file cannot be read as data; each becomes its own diagnostic.
public enum FileProblem: Error, Equatable, Sendable {
    case missing, folder, notRegular, unreadable(errno: Int32)
    /// The opened file is not where the sandbox allows (see `FileSandbox.allowOpened`).
    case outsideSandbox(Diagnostic)

    public static func == (a: FileProblem, b: FileProblem) -> Bool {
        switch (a, b) {
        case (.missing, .missing), (.folder, .folder), (.notRegular, .notRegular): return true
        case let (.unreadable(x), .unreadable(y)): return x == y
        case let (.outsideSandbox(x), .outsideSandbox(y)): return x.code == y.code
        default: return false
        }
    }
}

/// The bytes of a file, memory-mapped (read by the page cache, never copied into the process).
///
/// A mapped file that another process truncates while Kerwen reads it makes the next read past the
/// new end raise SIGBUS. While a `MappedFile` is open its range is registered with `BusGuard`,
/// whose handler maps zero pages over the lost part and marks the file as changed; the reader then
/// finishes on zeros and `changed` tells the caller to throw the result away and say why.
public final class MappedFile: @unchecked Sendable {
    public let bytes: UnsafeBufferPointer<UInt8>
    private let descriptor: Int32
    private let size: Int
    private let modified: timespec
    private let slot: Int?

    /// Opens a regular file only: a folder, a FIFO, a device or a socket would block or never end.
    /// `sandbox`: the opened file is judged again by where it really is.
    public init(path: String, sandbox: FileSandbox? = nil) throws(FileProblem) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(errno: errno) }
        if info.st_mode & S_IFMT == S_IFDIR { throw .folder }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notRegular }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw .unreadable(errno: errno) }
        var opened = stat()
        guard fstat(fd, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG else { close(fd); throw .notRegular }
        if let sandbox {
            do { try sandbox.allowOpened(fd, shownAs: path, for: .read) } catch {
                close(fd)
                throw .outsideSandbox(error as? Diagnostic ?? Diagnostic.error("E111", path, ""))
            }
        }
        descriptor = fd
        size = Int(opened.st_size)
        modified = opened.st_mtim
        if size == 0 {
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            slot = nil
            return
        }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            close(fd); throw .unreadable(errno: errno)
        }
        bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size)
        slot = BusGuard.register(start: Int(bitPattern: base), length: size)
    }

    /// Whether the file shrank or was rewritten while it was read: its bytes are then not the file's.
    public var changed: Bool {
        if let slot, BusGuard.faulted(slot) { return true }
        var now = stat()
        guard fstat(descriptor, &now) == 0 else { return true }
        return Int(now.st_size) != size || now.st_mtim.tv_sec != modified.tv_sec || now.st_mtim.tv_nsec != modified.tv_nsec
    }

    deinit {
        if let slot { BusGuard.unregister(slot) }
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), size) }
        close(descriptor)
    }
}

/// The SIGBUS handler and the table of mapped ranges it may repair. Lock-free, since a signal
/// handler may take no lock: each slot's start, length and fault flag are atomics.
enum BusGuard {
    final class Slot: Sendable {
        let start = Atomic<Int>(0)
        /// 0 free, -1 being filled, else the mapped length.
        let length = Atomic<Int>(0)
        let fault = Atomic<Bool>(false)
    }
    /// Made before the handler is installed, never changed after: the handler only reads it.
    private static let table: [Slot] = (0..<64).map { _ in Slot() }
    private static let installed = Mutex<Bool>(false)

    static func register(start: Int, length: Int) -> Int? {
        installed.withLock { done in
            if !done { installHandler(); done = true }
        }
        for (i, slot) in table.enumerated() where slot.length.load(ordering: .acquiring) == 0 {
            if slot.length.compareExchange(expected: 0, desired: -1, ordering: .acquiringAndReleasing).exchanged {
                slot.fault.store(false, ordering: .releasing)
                slot.start.store(start, ordering: .releasing)
                slot.length.store(length, ordering: .releasing)
                return i
            }
        }
        return nil
    }

    static func unregister(_ i: Int) {
        table[i].start.store(0, ordering: .releasing)
        table[i].length.store(0, ordering: .releasing)
    }

    static func faulted(_ i: Int) -> Bool { table[i].fault.load(ordering: .acquiring) }

    /// Called from the handler: maps zero pages from the faulting page to the end of its range.
    static func repair(address: Int) -> Bool {
        let page = Int(getpagesize())
        for slot in table {
            let length = slot.length.load(ordering: .acquiring), start = slot.start.load(ordering: .acquiring)
            guard length > 0, address >= start, address < start + length else { continue }
            let from = address / page * page
            let end = (start + length + page - 1) / page * page
            let result = mmap(UnsafeMutableRawPointer(bitPattern: from), end - from, PROT_READ,
                              MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
            guard result != MAP_FAILED else { return false }
            slot.fault.store(true, ordering: .releasing)
            return true
        }
        return false
    }

    private static func installHandler() {
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = { _, info, _ in
            let address = Int(bitPattern: info?.pointee._sifields._sigfault.si_addr)
            if BusGuard.repair(address: address) { return }
            // Not one of ours: the default action (a crash report) as if no handler were there.
            signal(SIGBUS, SIG_DFL)
            raise(SIGBUS)
        }
        action.sa_flags = SA_SIGINFO
        sigemptyset(&action.sa_mask)
        sigaction(SIGBUS, &action, nil)
    }
}

// Writing to standard output and standard error without a trap: Foundation's FileHandle.write
// stops the process with a fatal error when the write fails (a terminal that went away, EIO). Here
// a failed write drops the text and is remembered, so the command can end with an error saying so
// (as `cat` does); a closed pipe still ends the process by SIGPIPE.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

public enum StandardStreams {
    private static let firstError = Atomic<Int32>(0)

    /// errno of the first failed write to standard output, 0 when none failed.
    public static var outputError: Int32 { firstError.load(ordering: .relaxed) }

    public static func out(_ text: String) { write(text, to: 1) }
    public static func err(_ text: String) { write(text, to: 2) }

    static func write(_ text: String, to fd: Int32) {
        var text = text
        let code = text.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) {} }
        if code != 0, fd == 1 { _ = firstError.compareExchange(expected: 0, desired: code, ordering: .relaxed) }
    }

    /// Writes every byte (write(2) may take part of them), retrying after a signal once
    /// `interrupted` has had its say (it may throw to stop). Returns 0, or the errno of the failure.
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, interrupted: () throws -> Void) rethrows -> Int32 {
        var offset = 0
        while offset < bytes.count, let base = bytes.baseAddress {
            #if canImport(Glibc)
            let n = Glibc.write(fd, base + offset, bytes.count - offset)
            #else
            let n = Darwin.write(fd, base + offset, bytes.count - offset)
            #endif
            if n < 0 {
                if errno == EINTR { try interrupted(); continue }
                return errno
            }
            offset += n
        }
        return 0
    }

    /// Everything readable from `fd` (a script on standard input or from a pipe), or the errno of
    /// the failed read. Foundation's readDataToEndOfFile traps on EISDIR or EIO.
    public static func readAll(_ fd: Int32) -> Result<[UInt8], ReadError> {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            #if canImport(Glibc)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            #else
            let n = chunk.withUnsafeMutableBytes { Darwin.read(fd, $0.baseAddress, $0.count) }
            #endif
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(ReadError(code: errno))
            }
            if n == 0 { return .success(out) }
            out += chunk[0..<n]
        }
    }

    /// A file read whole through `readAll` (a regular file, or a pipe such as `<(…)`).
    public static func readAll(path: String) -> Result<[UInt8], ReadError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(ReadError(code: errno)) }
        defer { close(fd) }
        return readAll(fd)
    }

    public struct ReadError: Error {
        public let code: Int32
        public var reason: String { String(cString: strerror(code)) }
    }
}

// Stopping long work: the process's Ctrl-C flag (set by a signal handler) and, for one session among
// several in a process (a workshop server), that session's own cancel token. Long computations poll
// both at safe points through `Interrupt.check()`.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A session's own "stop": cancelling it stops the work that session runs, not the others'.
public final class CancelToken: Sendable {
    private let flag = Atomic<Bool>(false)
    public init() {}
    public func cancel() { flag.store(true, ordering: .relaxed) }
    public func reset() { flag.store(false, ordering: .relaxed) }
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

public enum Interrupt {
    private static let flag = Atomic<Bool>(false)
    private static let signalNumber = Atomic<Int32>(0)

    public static func request() { flag.store(true, ordering: .relaxed) }
    /// A termination signal (TERM, HUP): work stops as for Ctrl-C, and the process then ends.
    public static func request(signal: Int32) {
        signalNumber.store(signal, ordering: .relaxed)
        flag.store(true, ordering: .relaxed)
    }
    /// The termination signal that stopped the work, 0 for Ctrl-C or none.
    public static var terminatingSignal: Int32 { signalNumber.load(ordering: .relaxed) }
    public static func clear() { flag.store(false, ordering: .relaxed) }
    public static var isRequested: Bool { flag.load(ordering: .relaxed) }

    /// Throws "interrupted" when Ctrl-C was pressed or the running session's token was cancelled.
    public static func check() throws {
        if isRequested || currentToken?.isCancelled == true { throw Interrupted() }
    }

    /// The token of the session whose work runs on this thread (nil: only the process flag counts).
    /// Per thread, because sessions of one process run on threads of their own; work split over
    /// the cores carries it to its worker threads (`Parallel.map`).
    public static var currentToken: CancelToken? {
        guard let raw = pthread_getspecific(tokenKey) else { return nil }
        return Unmanaged<CancelToken>.fromOpaque(raw).takeUnretainedValue()
    }

    /// Runs `body` with `token` as this thread's token (restoring the one before).
    public static func withToken<T>(_ token: CancelToken?, _ body: () throws -> T) rethrows -> T {
        let saved = pthread_getspecific(tokenKey)
        pthread_setspecific(tokenKey, token.map { Unmanaged.passUnretained($0).toOpaque() })
        defer { pthread_setspecific(tokenKey, saved) }
        return try withExtendedLifetime(token) { try body() }
    }

    private static let tokenKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()
}

/// Thrown when a computation stops because of Ctrl-C (exit status 130 in batch mode).
public struct Interrupted: Error, Sendable {
    public init() {}
}

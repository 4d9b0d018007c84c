// Work split across the cores: independent parts (CSV parts, columns) computed at once.

import Foundation
import KerwenDiagnostics

public enum Parallel {
    /// Cores to split work over.
    public static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// `body(0) … body(count - 1)` on all cores; the results in order, each a value or what it threw.
    /// The calling thread's cancel token goes with the work to each thread.
    public static func map<T>(_ count: Int, _ body: @Sendable (Int) throws -> T) -> [Result<T, Error>] {
        let box = Results<T>(count: count)
        let token = Interrupt.currentToken
        DispatchQueue.concurrentPerform(iterations: count) { k in
            box.set(k, Interrupt.withToken(token) { Result { try body(k) } })
        }
        return box.values.map { $0! }
    }

    /// `body(0) … body(count - 1)` on all cores when `body` cannot fail: the results in order.
    public static func values<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        map(count, body).map { result in
            switch result {
            case .success(let value): return value
            case .failure: preconditionFailure("a non-throwing body cannot fail")
            }
        }
    }

    /// Each slot written once by one iteration; the lock orders the writes with the final read.
    private final class Results<T>: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [Result<T, Error>?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ k: Int, _ r: Result<T, Error>) { lock.lock(); values[k] = r; lock.unlock() }
    }
}

/// Runs `body` over 0..<n split into one contiguous range per core, at once, when n is large
/// enough to repay the threads; in order on one thread otherwise. For element-wise kernels, whose
/// result does not depend on the split (never for sums: their rounding would depend on it).
@inlinable
public func forEachRange(_ n: Int, minimum: Int = 1 << 19, _ body: (Range<Int>) -> Void) {
    let parts = n >= minimum ? Parallel.cores : 1
    guard parts > 1 else { body(0..<n); return }
    withoutActuallyEscaping(body) { body in
        let shared = UncheckedSendable(body)
        DispatchQueue.concurrentPerform(iterations: parts) { k in
            shared.value(n * k / parts..<n * (k + 1) / parts)
        }
    }
}

/// A value handed to threads that only read it, or write disjoint parts of what it points to.
public struct UncheckedSendable<T>: @unchecked Sendable {
    public let value: T
    @inlinable public init(_ value: T) { self.value = value }
}

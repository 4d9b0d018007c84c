// Work split across the cores: independent parts (CSV parts, columns) computed at once.

import Foundation

enum Parallel {
    /// `body(0) … body(count - 1)` on all cores; the results in order, each a value or what it threw.
    static func map<T>(_ count: Int, _ body: @Sendable (Int) throws -> T) -> [Result<T, Error>] {
        let box = Results<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { k in box.set(k, Result { try body(k) }) }
        return box.values.map { $0! }
    }

    /// Each slot written once by one iteration; the lock orders the writes with the final read.
    private final class Results<T>: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [Result<T, Error>?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ k: Int, _ r: Result<T, Error>) { lock.lock(); values[k] = r; lock.unlock() }
    }
}

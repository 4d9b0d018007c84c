// The Ctrl-C flag: set by a signal handler, polled by long computations at safe points.

import Synchronization

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

    /// Throws the "interrupted" diagnostic when Ctrl-C was pressed.
    public static func check() throws {
        if isRequested { throw Interrupted() }
    }
}

/// Thrown when a computation stops because of Ctrl-C (exit status 130 in batch mode).
public struct Interrupted: Error, Sendable {
    public init() {}
}

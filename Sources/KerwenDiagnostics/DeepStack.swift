// Runs work on a thread with a large stack, so deep (but bounded) syntax trees never overflow it.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The main thread's 8 MiB stack holds a few thousand levels of the recursive parser, resolver,
/// evaluator and printers in a debug build. Every command runs here instead, on a thread whose
/// stack is `bytes` long: only the pages actually touched are ever committed, so the cost is
/// address space, not memory. Together with `Limits` (which bounds the depth of every tree the
/// parser builds) this is what makes deep input end in a diagnostic instead of SIGSEGV.
public enum DeepStack {
    public static let bytes = 1 << 30

    private final class Job: @unchecked Sendable {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// Runs `body` on a thread with a `bytes`-long stack and waits for it; runs it here when no such
    /// thread can be made (the limits still hold, only with less room).
    public static func run<T>(_ body: @escaping () -> T) -> T {
        var result: T?
        let job = Job { result = body() }
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, bytes)
        let context = Unmanaged.passRetained(job).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let status = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            Unmanaged<Job>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<Job>.fromOpaque(context).release()
            return body()
        }
        // The waiting thread takes no signals, so Ctrl-C reaches the worker (libedit's read there sees
        // EINTR and clears the line, as it did on the main thread).
        var blocked = sigset_t(), previous = sigset_t()
        sigemptyset(&blocked)
        for s in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&blocked, s) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        #if canImport(Glibc)
        pthread_join(thread, nil)
        #else
        pthread_join(thread!, nil)
        #endif
        return result!
    }
}

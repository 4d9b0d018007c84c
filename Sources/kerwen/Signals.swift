// What the signals a user or a job scheduler can send do. Ctrl-C (INT) stops the running statement at
// its next safe point (the REPL keeps its session; a batch run exits 130). TERM and HUP stop it the
// same way and then end the process with 128 + the signal; if the work has not reached a safe point
// within two seconds, a watchdog thread removes the temporary files being written and ends the
// process itself, so no half-written file is ever left beside a target. SIGXFSZ (a file-size limit)
// is ignored so that the write fails with EFBIG and is reported instead of killing Kerwen.

import Foundation
import KerwenData
import KerwenDiagnostics
import Synchronization

enum Signals {
    /// The write end of the pipe that wakes the watchdog; written from the handler (async-signal-safe).
    private static let wake = Atomic<Int32>(-1)
    static let grace: useconds_t = 2_000_000

    static func install() {
        signal(SIGXFSZ, SIG_IGN)
        // SIGPIPE keeps its default: `kerwen run x.kw | head` ends quietly when `head` has enough,
        // as `cat` does (ignored, Foundation's FileHandle.write would trap on EPIPE).
        signal(SIGINT) { _ in Interrupt.request() }
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return }
        wake.store(fds[1], ordering: .relaxed)
        let readEnd = fds[0]
        let watchdog = Thread {
            var number: Int32 = 0
            while read(readEnd, &number, MemoryLayout<Int32>.size) < 0 && errno == EINTR {}
            usleep(grace)
            TemporaryFiles.removeAll()
            _exit(128 + number)
        }
        watchdog.name = "kerwen-signal-watchdog"
        // Started with every signal blocked (a thread inherits its creator's mask): the signals must
        // reach the working thread, where Ctrl-C interrupts the prompt's read.
        var all = sigset_t(), previous = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_SETMASK, &all, &previous)
        watchdog.start()
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        for s in [SIGTERM, SIGHUP] {
            signal(s) { number in
                Interrupt.request(signal: number)
                var n = number
                _ = write(Signals.wake.load(ordering: .relaxed), &n, MemoryLayout<Int32>.size)
            }
        }
    }

    /// The exit status of a run stopped by a signal.
    static var stoppedStatus: Int32 {
        let s = Interrupt.terminatingSignal
        return s == 0 ? 130 : 128 + s
    }
}

// Two sessions in one process (as on a workshop server): cancelling one stops its long work within
// about a second and leaves the other running, and the process-wide Ctrl-C flag is never set.

import Foundation
import KerwenDiagnostics
import KerwenSession
import XCTest

final class CancelTokenTests: XCTestCase {
    private func session() -> Session {
        Session(baseDirectory: TestSupport.repoRoot.appendingPathComponent("examples"), writeOut: { _ in }, writeErr: { _ in })
    }

    func testCancellingOneSessionStopsItsWorkAndNotTheOther() throws {
        let slow = session(), other = session()
        let setup = "load survey from \"data/labour_migrants.csv\"\nlet ids = survey | derive k = 1 | select k, person_id | rename person_id to other"
        XCTAssertTrue(try slow.run(text: setup, name: "setup.kw"))
        XCTAssertTrue(try other.run(text: setup, name: "setup.kw"))
        // 9 million joined rows read by several aggregates: seconds of work in a debug build.
        let long = "show survey | derive k = 1 | join ids on k | summarize n = count(), s = sum(other), m = median(other + age), d = n_distinct(other)"
        let stopped = expectation(description: "the slow session stops")
        let finished = expectation(description: "the other session finishes")
        let slowOutcome = Outcome(), otherOutcome = Outcome()
        let slowThread = Thread {
            DeepStack.run {
                do { slowOutcome.set(try slow.run(text: long, name: "long.kw") ? "finished" : "failed") } catch is Interrupted { slowOutcome.set("interrupted") } catch { slowOutcome.set("\(error)") }
            }
            stopped.fulfill()
        }
        slowThread.stackSize = 1 << 26
        slowThread.start()
        Thread.sleep(forTimeInterval: 0.5)
        let cancelledAt = Date()
        slow.cancel.cancel()
        let otherThread = Thread {
            do { otherOutcome.set(try other.run(text: "show survey | summarize n = count()", name: "short.kw") ? "finished" : "failed") } catch { otherOutcome.set("\(error)") }
            finished.fulfill()
        }
        otherThread.start()
        wait(for: [stopped, finished], timeout: 60)
        let stoppedAfter = Date().timeIntervalSince(cancelledAt)
        XCTAssertEqual(slowOutcome.value, "interrupted")
        XCTAssertEqual(otherOutcome.value, "finished")
        XCTAssertLessThan(stoppedAfter, 3, "stopped within about a second (a debug build, a busy machine)")
        XCTAssertFalse(Interrupt.isRequested, "the process-wide flag stays clear")
        // The cancelled session works again on its next run.
        XCTAssertTrue(try slow.run(text: "show 1 + 1", name: "again.kw"))
    }
}

/// A result written by one thread and read after it signalled.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    func set(_ value: String) { lock.lock(); text = value; lock.unlock() }
    var value: String { lock.lock(); defer { lock.unlock() }; return text }
}

// Identical records are found exactly: the hash only proposes, an exact comparison decides. Checked
// against a brute-force count (a set of whole rows) on random tables with few distinct values.

import KerwenData
import XCTest

final class DuplicateRecordsTests: XCTestCase {
    func testCopiesMatchABruteForceCount() {
        var rng = SystemRandomNumberGenerator()
        for trial in 0..<300 {
            let n = Int.random(in: 0...60, using: &rng)
            let a = (0..<n).map { _ in Scalar.integer(Int64.random(in: 0...2, using: &rng)) }
            let b = (0..<n).map { _ in Bool.random(using: &rng) ? Scalar.na : .text(["x", "y"].randomElement(using: &rng)!) }
            let c = (0..<n).map { _ in Scalar.number([0.5, -0.0, 0.0, 1.5].randomElement(using: &rng)!) }
            let t = Table(names: ["a", "b", "c"], columns: [Column.from(a, type: .integer), Column.from(b, type: .text), Column.from(c, type: .number)])
            let mask: [Bool]? = trial % 2 == 0 ? nil : (0..<n).map { _ in Bool.random(using: &rng) }
            var seen = Set<[String]>(), copies = 0
            for i in 0..<n where mask?[i] ?? true {
                // -0.0 and 0.0 are one number, as Kerwen compares them.
                let row = ["\(a[i])", "\(b[i])", c[i] == .number(0) || c[i] == .number(-0.0) ? "0" : "\(c[i])"]
                if !seen.insert(row).inserted { copies += 1 }
            }
            let found = DuplicateRecords.find(in: t, rows: mask)
            XCTAssertEqual(found?.copies ?? 0, copies, "trial \(trial)")
            if let found { XCTAssertTrue(mask?[found.example] ?? true) }
        }
    }

    func testAnIdentifierColumnProvesThereAreNoCopies() {
        let ids = Column.from((1...1000).map { .integer(Int64($0)) }, type: .integer)
        let same = Column.from([Scalar](repeating: .text("F"), count: 1000), type: .text)
        XCTAssertNil(DuplicateRecords.find(in: Table(names: ["id", "sex"], columns: [ids, same]), rows: nil))
        XCTAssertEqual(DuplicateRecords.find(in: Table(names: ["sex"], columns: [same]), rows: nil)?.copies, 999)
    }
}

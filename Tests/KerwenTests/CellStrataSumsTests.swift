// The per (cell, stratum) sums of a sampled indicator's variance: the sparse layout (only the
// pairs that occur, for designs with as many strata as records) gives exactly what the dense one
// gives — the same pairs, in the same order, with the same sums — on random units; and both agree
// with sums kept here in a dictionary.

@testable import KerwenEval
import XCTest

final class CellStrataSumsTests: XCTestCase {
    func testSparseAndDenseLayoutsGiveTheSamePairsAndSums() {
        var generator = SystemRandomNumberGenerator()
        for (cells, strata, units) in [(1, 1, 10), (7, 5, 200), (40, 300, 3_000), (300, 2, 5_000)] {
            var dense = CellStrataSums(cells: cells, strata: strata, denseLimit: Int.max)
            var sparse = CellStrataSums(cells: cells, strata: strata, denseLimit: 0)
            var byHand: [[Int]: (sum: Double, squares: Double)] = [:]
            for _ in 0..<units {
                let c = Int.random(in: 0..<cells, using: &generator), h = Int.random(in: 0..<strata, using: &generator)
                let t = Double(Int.random(in: -1_000...1_000, using: &generator)) / 8   // exact in binary: sums in any order agree
                let first = byHand[[c, h]] == nil
                XCTAssertEqual(dense.add(t, cell: c, stratum: h), first)
                XCTAssertEqual(sparse.add(t, cell: c, stratum: h), first)
                byHand[[c, h], default: (0, 0)].sum += t
                byHand[[c, h], default: (0, 0)].squares += t * t
            }
            var fromDense: [[Double]] = [], fromSparse: [[Double]] = []
            dense.forEachPair(cells: cells) { fromDense.append([Double($0), Double($1), $2, $3]) }
            sparse.forEachPair(cells: cells) { fromSparse.append([Double($0), Double($1), $2, $3]) }
            XCTAssertEqual(fromSparse, fromDense, "\(cells) cells, \(strata) strata")
            let expected = byHand.keys.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }.map { [Double($0[0]), Double($0[1]), byHand[$0]!.sum, byHand[$0]!.squares] }
            XCTAssertEqual(fromDense, expected, "\(cells) cells, \(strata) strata")
        }
    }
}

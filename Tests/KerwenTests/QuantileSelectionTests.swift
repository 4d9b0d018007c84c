// Quantiles by selection must equal quantiles of the sorted values (R type 7) on every kind of input.

@testable import KerwenEval
import XCTest

final class QuantileSelectionTests: XCTestCase {
    func testSelectionEqualsSortedReference() {
        var rng = SystemRandomNumberGenerator()
        let shapes: [(Int) -> [Double]] = [
            { n in (0..<n).map { _ in Double.random(in: -1000...1000, using: &rng) } },
            { n in (0..<n).map { _ in Double(Int.random(in: 0...3, using: &rng)) } },      // many repeats
            { n in (0..<n).map(Double.init) },                                              // sorted
            { n in (0..<n).reversed().map(Double.init) },                                   // reversed
            { n in [Double](repeating: 7, count: n) },                                      // constant
        ]
        for shape in shapes {
            for n in [1, 2, 3, 4, 5, 10, 101, 1000] {
                let values = shape(n)
                let sorted = values.sorted()
                for p in [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1] {
                    var buffer = values
                    XCTAssertEqual(Aggregates.selectQuantile(&buffer, p), Aggregates.interpolatedQuantile(sorted, p), "n=\(n) p=\(p)")
                }
            }
        }
    }
}

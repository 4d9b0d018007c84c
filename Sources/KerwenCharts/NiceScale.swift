// Axis ticks at round numbers (1, 2, 2.5 or 5 times a power of ten) covering a range, as
// Heckbert's "nice numbers" for graph labels do.

import Foundation

public struct NiceScale: Sendable, Equatable {
    public let lo: Double
    public let hi: Double
    public let step: Double

    /// About `count` ticks covering `lo...hi`; a single value gets a range around it.
    public init(_ lo0: Double, _ hi0: Double, count: Int = 5, integral: Bool = false) {
        // Past ±1e300 the range itself overflows; such values are drawn at the edge.
        var lo = min(max(lo0.isFinite ? lo0 : 0, -1e300), 1e300), hi = min(max(hi0.isFinite ? hi0 : 0, -1e300), 1e300)
        if lo == hi {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= lo == 0 ? 0 : pad
            hi += pad
        }
        var step = Self.nice((hi - lo) / Double(max(1, count - 1)))
        if integral { step = max(1, step.rounded(.up)) }
        self.step = step
        self.lo = (lo / step).rounded(.down) * step
        self.hi = (hi / step).rounded(.up) * step
    }

    public var ticks: [Double] {
        guard step > 0, step.isFinite else { return [lo] }
        let steps = ((hi - lo) / step).rounded()
        let n = steps.isFinite ? Int(min(steps, 50)) : 0
        return (0...min(n, 50)).map { lo + Double($0) * step }
    }

    /// Decimals a tick label needs for this step (2.5 → 1, 0.25 → 2).
    public var decimals: Int {
        var d = 0
        var s = step
        while d < 10, abs(s - s.rounded()) > 1e-9 * max(1, abs(s)) { s *= 10; d += 1 }
        return d
    }

    static func nice(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        let exponent = floor(log10(x))
        let fraction = x / pow(10, exponent)
        let niceFraction: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
        return niceFraction * pow(10, exponent)
    }
}

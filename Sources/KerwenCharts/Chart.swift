// What a chart shows, independent of where it is drawn: the series (one per value of the `by`
// columns), their points (a missing value is a gap, never zero), the x axis (numbers, periods or
// categories) and the words around them. The terminal and SVG renderers both draw from this.

import KerwenData

public struct Chart: Sendable {
    public enum Kind: String, Sendable, CaseIterable { case line, bar, point }

    public enum XAxis: Sendable, Equatable {
        /// Numbers; `integral`: whole numbers only (years), so ticks are whole too.
        case numbers(integral: Bool)
        /// Periods of one frequency, by ordinal (Period.ordinal).
        case periods(Frequency)
        /// Text: category i at x = i.
        case categories([String])
    }

    public struct Point: Sendable, Equatable {
        public var x: Double
        /// nil: the value is missing — drawn as a gap.
        public var y: Double?
        public init(x: Double, y: Double?) { self.x = x; self.y = y }
    }

    public struct Series: Sendable {
        public var name: String
        /// A `_T` total: drawn apart from the others (heavier, black).
        public var isTotal: Bool
        public var points: [Point]
        public init(name: String, isTotal: Bool, points: [Point]) { self.name = name; self.isTotal = isTotal; self.points = points }
    }

    public var kind: Kind
    public var title: String?
    public var xLabel: String
    public var yLabel: String
    public var xAxis: XAxis
    public var series: [Series]
    /// Bars of a category stacked instead of side by side.
    public var stacked: Bool
    /// Decimals of the values (the column's or the indicator's), for bar labels.
    public var decimals: Int?

    public init(kind: Kind, title: String?, xLabel: String, yLabel: String, xAxis: XAxis, series: [Series], stacked: Bool = false, decimals: Int? = nil) {
        self.kind = kind; self.title = title; self.xLabel = xLabel; self.yLabel = yLabel
        self.xAxis = xAxis; self.series = series; self.stacked = stacked; self.decimals = decimals
    }

    /// How an x value is written under the axis.
    public func xText(_ x: Double) -> String {
        switch xAxis {
        // Whole numbers as written, within Int64 (an x near ±9.2e18 is a double past it).
        case .numbers(let integral): return integral && abs(x) < 9e18 ? String(Int64(x.rounded())) : ValueText.number(x)
        case .periods(let f): return Period(f, ordinal: Int64(x.rounded())).description
        case .categories(let names):
            let i = Int(x.rounded())
            return names.indices.contains(i) ? names[i] : ""
        }
    }

    /// Whether any value at all is present.
    public var hasValues: Bool { series.contains { $0.points.contains { $0.y != nil } } }

    /// The y range the chart must show: every value, from zero for bars (and stacked sums).
    public var valueRange: (lo: Double, hi: Double)? {
        var lo = Double.infinity, hi = -Double.infinity
        if kind == .bar && stacked {
            var positive: [Double: Double] = [:], negative: [Double: Double] = [:]
            for s in series { for p in s.points { if let y = p.y { if y >= 0 { positive[p.x, default: 0] += y } else { negative[p.x, default: 0] += y } } } }
            for v in positive.values { hi = max(hi, v) }
            for v in negative.values { lo = min(lo, v) }
        } else {
            for s in series { for p in s.points { if let y = p.y { lo = min(lo, y); hi = max(hi, y) } } }
        }
        guard lo <= hi || (kind == .bar && stacked && (lo.isFinite || hi.isFinite)) else { return nil }
        if !lo.isFinite { lo = hi }
        if !hi.isFinite { hi = lo }
        if kind == .bar { lo = min(lo, 0); hi = max(hi, 0) }
        return (lo, hi)
    }

    /// The x range of all points.
    public var xRange: (lo: Double, hi: Double)? {
        let xs = series.flatMap { $0.points.map(\.x) }
        guard let lo = xs.min(), let hi = xs.max() else { return nil }
        return (lo, hi)
    }
}

/// Where `v` falls between `lo` and `hi`, from 0 to 1, for any finite numbers: computed on halves so
/// that a range from -1e308 to 1e308 does not overflow to infinity (and a division by it to NaN).
@inline(__always)
func fraction(_ v: Double, _ lo: Double, _ hi: Double) -> Double {
    guard hi != lo else { return 0.5 }
    let f = (v / 2 - lo / 2) / (hi / 2 - lo / 2)
    return f.isNaN ? 0 : min(1, max(0, f))
}

/// A position `f` (0 to 1) of `count` places as an index 0 ..< count.
@inline(__always)
func place(_ f: Double, _ count: Int) -> Int { min(count - 1, max(0, Int((f * Double(count - 1)).rounded()))) }

/// Numbers as a chart writes them, with the terminal's number formatting (NumberFormatting): a
/// fixed number of decimals when the chart has one, thousands grouped by a thin space.
public enum ValueText {
    public static func number(_ x: Double, decimals: Int? = nil) -> String {
        if x.isNaN { return "na" }
        // Past 1e15 every digit would be written out: such numbers keep their exponent (1e+300).
        let text = abs(x) >= 1e15 ? NumberFormatting.single(x) : decimals.map { NumberFormatting.fixed(x, $0) } ?? NumberFormatting.single(x)
        return NumberFormatting.grouped(text, separator: "\u{2009}")
    }

    /// Coordinates and other numbers of a file: always the same text for the same number.
    public static func fixed(_ x: Double, _ decimals: Int) -> String { NumberFormatting.fixed(x, decimals) }
}

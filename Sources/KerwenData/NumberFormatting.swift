// Numbers for people: a sensible number of decimals per column, integers without a point.

import Foundation

public enum NumberFormatting {
    /// Decimals that show a column's values well: none for whole numbers, fewer for large magnitudes,
    /// and for a column of small numbers enough that its smallest shows three significant digits
    /// (5.18e-6 printed as 0.0000 looked like zero; at most 12 decimals).
    public static func decimals(for values: [Double]) -> Int {
        let finite = values.filter { $0.isFinite }
        if finite.isEmpty { return 0 }
        let maxAbs = finite.map { Swift.abs($0) }.max()!
        var cap = maxAbs >= 1000 ? 2 : maxAbs >= 1 ? 3 : 4
        if maxAbs < 0.01, let smallest = finite.map({ Swift.abs($0) }).filter({ $0 > 0 }).min() {
            cap = min(12, max(cap, Int((-Foundation.log10(smallest)).rounded(.down)) + 3))
        }
        for d in 0...cap {
            let f = Foundation.pow(10.0, Double(d))
            // Whole at this many decimals, up to the rounding error of a double (relative 1e-11): a
            // relative 1e-6 took 12,613,017.31 for a whole number and showed it without its cents.
            if finite.allSatisfy({ Swift.abs(($0 * f).rounded() - $0 * f) < Swift.max(1e-9, 1e-11 * Swift.abs($0 * f)) }) { return d }
        }
        return cap
    }

    public static func fixed(_ x: Double, _ decimals: Int) -> String {
        if x.isNaN { return "na" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        return String(format: "%.\(decimals)f", x)
    }

    /// A number's text with its integer digits grouped by threes (`12 000 000.5`), on screen only.
    public static func grouped(_ text: String, separator: String) -> String {
        var sign = "", body = Substring(text)
        if body.hasPrefix("-") { sign = "-"; body = body.dropFirst() }
        let whole = body.prefix { $0.isNumber }
        guard whole.count > 3, whole.allSatisfy({ $0.isASCII }) else { return text }
        var digits = Array(whole), out: [Character] = []
        while digits.count > 3 { out = Array(separator) + digits.suffix(3) + out; digits.removeLast(3) }
        return sign + String(digits + out) + body.dropFirst(whole.count)
    }

    /// A single number on its own: up to 10 significant digits, no trailing zeros.
    public static func single(_ x: Double) -> String {
        if x.isNaN { return "na" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == x.rounded(), Swift.abs(x) < 1e15 { return String(Int64(x)) }
        let shortest = "\(x)"
        if shortest.count <= 12, !shortest.contains("e") { return shortest }
        var s = String(format: "%.10g", x)
        if s.contains("."), !s.contains("e") { while s.hasSuffix("0") { s.removeLast() } }
        return s
    }
}

// Double → integer conversions that never trap: `Int(x)` traps on NaN, ±inf and anything past Int's range.

extension Int {
    /// `d` rounded toward zero and held within ±2^53 (every whole number a double holds exactly);
    /// NaN gives 0. For positions and counts written by the user (`substr(s, 1e300)`, `round(x, 1e300)`),
    /// where any value past the limit means "everything".
    public init(saturating d: Double) {
        let limit = 9_007_199_254_740_992.0
        self = d.isNaN ? 0 : Int(Swift.max(-limit, Swift.min(limit, d.rounded(.towardZero))))
    }
}

extension Int64 {
    /// `d` rounded toward zero when an Int64 holds it, else nil (NaN, ±inf, |d| ≥ 2^63).
    public init?(towardZero d: Double) {
        self.init(exactly: d.rounded(.towardZero))
    }
}

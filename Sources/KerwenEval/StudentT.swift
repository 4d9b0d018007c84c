// Student's t distribution, for confidence intervals with a sample design's degrees of freedom
// (`df:` of a sampled indicator). Written here because Foundation has no t quantile and none of
// the packages this project may use offers one: the upper tail is the regularized incomplete beta
// function, evaluated by its continued fraction (Abramowitz & Stegun 26.5.8, Lentz's method) with
// log B(a, b) from Stirling's series when an argument is large; the quantile is found by Newton's
// method on that tail, kept inside a bracket by bisection (with 100,000 degrees of freedom or more,
// by the expansion around the normal quantile).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum StudentT {
    /// The t quantile: the value below which a share `p` of the distribution with `degrees`
    /// degrees of freedom lies (R's `qt(p, df)`); nan unless 0 < p < 1 and degrees > 0.
    static func quantile(_ p: Double, degrees v: Double) -> Double {
        guard p > 0, p < 1, v > 0, !v.isNaN else { return .nan }
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(1 - p, degrees: v) }
        // Degrees of freedom so near 0 that half of them is 0 in doubles: no finite t.
        guard v / 2 > 0 else { return .infinity }
        // Very many degrees of freedom: the tail below is 1 − I for I near 1 − 2q, whose continued
        // fraction then runs long and loses digits; the expansion of t around the normal quantile
        // in powers of 1/v (Abramowitz & Stegun 26.7.5) is exact to double precision there.
        if v >= 100_000 {
            let z = Interpreter.normalQuantile(p), z2 = z * z
            let g1 = (z2 + 1) * z / 4
            let g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
            let g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
            let g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92_160
            return z + (g1 + (g2 + (g3 + g4 / v) / v) / v) / v
        }
        // Work on the upper tail q = 1 − p, which keeps its precision when p is near 1.
        let q = 1 - p
        var low = 0.0, high = 1.0
        while true {
            let tail = upperTail(high, degrees: v)
            if tail.isNaN { return .nan }
            if tail <= q { break }
            low = high
            high *= 2
            if high.isInfinite { return .infinity }
        }
        var t = (low + high) / 2
        for _ in 0..<200 {
            let excess = upperTail(t, degrees: v) - q   // > 0: t is too small
            if excess.isNaN { return .nan }
            if excess > 0 { low = t } else { high = t }
            var next = t + excess / density(t, degrees: v)
            if !(next > low && next < high) { next = (low + high) / 2 }
            if abs(next - t) <= 4 * Double.ulpOfOne * next || high - low <= 4 * Double.ulpOfOne * high { return next }
            t = next
        }
        return t
    }

    /// P(T > t) for t ≥ 0: half the regularized incomplete beta I_x(v/2, 1/2) at x = v / (v + t²).
    /// 1 − x = t² / (v + t²) is passed as computed, not as 1 − x: with a large v, x rounds near 1
    /// and v/2 · log x would lose ten digits.
    /// With few degrees of freedom and a large t, x underflows to 0 while the tail is still far from
    /// 0; log x is then taken as log v − 2 log t.
    static func upperTail(_ t: Double, degrees v: Double) -> Double {
        let r = t * t / v   // x = 1 / (1 + r), 1 − x = r / (1 + r)
        let logX = r.isInfinite ? log(v) - 2 * log(t) : -log1p(r)
        return 0.5 * regularizedBeta(exp(logX), complement: r.isInfinite ? 1 : r / (1 + r), logX: logX, a: v / 2, b: 0.5)
    }

    /// The density at t.
    static func density(_ t: Double, degrees v: Double) -> Double {
        exp(-logBeta(v / 2, 0.5) - 0.5 * log(v) - (v + 1) / 2 * log1p(t * t / v))
    }

    /// I_x(a, b), by the continued fraction where it converges fast (x below (a + 1) / (a + b + 2)),
    /// otherwise as 1 − I_{1−x}(b, a). `y` is 1 − x and `logX` log x, computed by the caller where
    /// they can be exact. The side is chosen on y · (a + b + 2) < b + 1, which stays exact where x
    /// rounds to 1; `swapped` keeps rounding from swapping back.
    static func regularizedBeta(_ x: Double, complement y: Double? = nil, logX givenLogX: Double? = nil, a: Double, b: Double,
                                swapped: Bool = false) -> Double {
        let y = y ?? 1 - x
        if x <= 0 && givenLogX == nil { return 0 }
        if y <= 0 { return 1 }
        if !swapped && y * (a + b + 2) < b + 1 { return 1 - regularizedBeta(y, complement: x, a: b, b: a, swapped: true) }
        let logX = givenLogX ?? (x < 0.5 ? log(x) : log1p(-y)), logY = y < 0.5 ? log(y) : log1p(-x)
        let front = exp(a * logX + b * logY - logBeta(a, b)) / a
        // Lentz's evaluation of 1 / (1 + d1 / (1 + d2 / (1 + …))), with
        // d(2m+1) = −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)) and d(2m) = m (b − m) x / ((a + 2m − 1)(a + 2m)).
        let tiny = 1e-300
        var f = 1.0, c = 1.0, d = 0.0
        for i in 0..<100_000 {
            let m = Double(i / 2)
            let term: Double
            if i == 0 { term = 1 }
            else if i % 2 == 0 { term = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)) }
            else { term = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)) }
            d = 1 + term * d
            if abs(d) < tiny { d = tiny }
            d = 1 / d
            c = 1 + term / c
            if abs(c) < tiny { c = tiny }
            f *= c * d
            if abs(1 - c * d) < 1e-16 { break }
        }
        return front * (f - 1)
    }

    /// log B(a, b). With one argument large, log Γ(a) − log Γ(a + b) is a difference of two
    /// large, nearly equal numbers; it is taken from Stirling's series instead, where the large
    /// terms cancel exactly.
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let p = min(a, b), q = max(a, b)
        guard q >= 10 else { return logGamma(a) + logGamma(b) - logGamma(a + b) }
        // log Γ(q) − log Γ(p + q) = (q − ½) log(1 − p/(p+q)) − p log(p + q) + p + δ(q) − δ(p + q)
        let tail = (q - 0.5) * log1p(-p / (p + q)) - p * log(p + q) + p + stirlingRemainder(q) - stirlingRemainder(p + q)
        guard p >= 10 else { return logGamma(p) + tail }
        // Both large: log Γ(p) by Stirling too.
        return (p - 0.5) * log(p) - p + 0.5 * log(2 * Double.pi) + stirlingRemainder(p) + tail
    }

    /// δ(x) = log Γ(x) − ((x − ½) log x − x + ½ log 2π), by its asymptotic series in 1/x (Bernoulli
    /// numbers); eight terms give double precision from x = 10.
    static func stirlingRemainder(_ x: Double) -> Double {
        let coefficients: [Double] = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360_360, 1 / 156, -3617 / 122_400]
        let inverse = 1 / x, square = inverse * inverse
        var sum = 0.0, power = inverse
        for c in coefficients { sum += c * power; power *= square }
        return sum
    }

    /// log Γ(x) for x > 0, without the C library's shared `signgam` (sessions run side by side).
    static func logGamma(_ x: Double) -> Double {
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
    }
}

// An indicator over a sample: `weight:` (and `strata:`, `cluster:`) make each cell's numerator and
// denominator weighted totals, its value their ratio, and give the cell its sampling error by
// Taylor linearisation, as R's survey package computes it (svydesign(ids = ~cluster,
// strata = ~strata, weights = ~weight, nest = TRUE) and svyby(…, svyratio / svytotal)):
// each record's linearised value z = w (y − R x) / X in its cell (0 outside it: a cell is a domain
// of the whole sample), summed by cluster; the variance is, per stratum, n/(n − 1) times the sum of
// squared deviations of its cluster totals from their mean; a stratum with one cluster contributes
// its cluster total squared — centred at zero, where R's survey.lonely.psu = "adjust" centres it
// (checked against R for ratios, means and totals).

import Foundation
import KerwenData
import KerwenDiagnostics
import KerwenSyntax

struct SampledCells {
    var numerator: [Double?], denominator: [Double?], value: [Double?], se: [Double?]
    /// The design effect: the variance over that of a simple random sample of the cell's size
    /// without replacement (R's deff = TRUE); nil for quantiles, which R gives none.
    var deff: [Double?]
    /// Woodruff's interval of a quantile (nil: the normal interval value ± z · se).
    var interval: (low: [Double?], high: [Double?])?
}

/// The design read once per level: weights, strata and clusters as dense ids, and per stratum its
/// sampled units and finite population correction.
struct SampleStructure {
    let w: [Double]
    let strata: [Int32]
    let strataCount: Int
    /// Clusters (nested in strata) as dense ids; nil: each record is its own unit.
    let clusterOf: [Int32]?
    let clusterCount: Int
    let stratumOfCluster: [Int32]
    /// Units sampled in each stratum (clusters, or records without clusters), among the sample's rows.
    let unitsIn: [Int]
    /// (N − n) / N per stratum with `fpc:`, 1 without.
    let correction: [Double]
}

extension Interpreter {
    /// The weighted measures and standard errors of one level's cells. `cellOf`: each row's cell
    /// (-1: not a record of any cell). Rows of the sample: `kept` (all rows when nil). `z`: the
    /// normal quantile of the confidence level (for Woodruff's interval of a quantile).
    func sampledCells(_ decl: IndicatorDecl, data: Table, cellOf: [Int], cells g: Int, kept: [Bool]?, z: Double) throws -> SampledCells {
        let design = try sampleStructure(decl, data: data, kept: kept)
        if let value = decl.value {
            guard let (x, p) = try quantileInput(value, data) else { throw Diagnostic(.error, Message("E173"), at: value.span, hint: Message("H175")) }
            return woodruff(x: x, p: p, design: design, cellOf: cellOf, cells: g, z: z)
        }
        let y = try measureInput(decl.numerator!, data)
        let x = try decl.denominator.map { try measureInput($0, data) }
        let t = taylor(y: y, x: x, design: design, cellOf: cellOf, cells: g)
        return SampledCells(numerator: t.Y.map { $0 }, denominator: x == nil ? [Double?](repeating: nil, count: g) : t.X.map { $0 },
                            value: t.ratio, se: t.se, deff: t.deff, interval: nil)
    }

    private func sampleStructure(_ decl: IndicatorDecl, data: Table, kept: [Bool]?) throws -> SampleStructure {
        let n = data.rowCount
        let w = try designNumbers(decl.weight!, data)
        // Strata and clusters (clusters nested in strata) as dense ids; without a cluster each
        // record is its own, and its cluster total is its own linearised value.
        let strataGroups = try decl.strata.map { try Grouping.make(data, keys: [$0.text]) }
        let strata = strataGroups?.groupOf ?? [Int32](repeating: 0, count: n)
        let strataCount = max(strataGroups?.count ?? 1, 1)
        let clusterGroups = try decl.cluster.map { c in try Grouping.make(data, keys: [decl.strata?.text, c.text].compactMap { $0 }) }
        // The design's units in each stratum: those of the sample's rows.
        var unitsIn = [Int](repeating: 0, count: strataCount)
        var stratumOfCluster: [Int32] = []
        if let clusterGroups {
            stratumOfCluster = [Int32](repeating: -1, count: clusterGroups.count)
            for i in 0..<n where kept?[i] ?? true { stratumOfCluster[Int(clusterGroups.groupOf[i])] = strata[i] }
            for h in stratumOfCluster where h >= 0 { unitsIn[Int(h)] += 1 }
        } else {
            for i in 0..<n where kept?[i] ?? true { unitsIn[Int(strata[i])] += 1 }
        }
        var correction = [Double](repeating: 1, count: strataCount)
        if let fpc = decl.fpc {
            // One number per stratum: a population size, or a sampling fraction when every one is at
            // most 1 (as R's svydesign reads `fpc`); the stratum's variance is scaled by (N − n) / N.
            let values = try designNumbers(fpc, data)
            var first = [Double?](repeating: nil, count: strataCount)
            func stratumName(_ h: Int, _ row: Int) -> String {
                guard let s = decl.strata, let c = data.column(s.text) else { return "—" }
                return ScalarFormat.plain(c.scalar(at: row))
            }
            var rowOf = [Int](repeating: 0, count: strataCount)
            for i in 0..<n where kept?[i] ?? true {
                let h = Int(strata[i])
                if let f = first[h] {
                    if f != values[i] {
                        throw Diagnostic(.error, Message("E184", fpc.text, stratumName(h, i), ScalarFormat.number(f), ScalarFormat.number(values[i])),
                                         at: fpc.span, hint: Message("H184"))
                    }
                } else { first[h] = values[i]; rowOf[h] = i }
            }
            let fractions = first.allSatisfy { $0.map { $0 <= 1 } ?? true }
            for h in 0..<strataCount {
                guard let f = first[h], unitsIn[h] > 0 else { continue }
                let population = fractions ? Double(unitsIn[h]) / f : f
                guard population >= Double(unitsIn[h]), population.isFinite else {
                    throw Diagnostic(.error, Message("E185", fpc.text, stratumName(h, rowOf[h]), unitsIn[h], ScalarFormat.number(f)),
                                     at: fpc.span, hint: Message("H185"))
                }
                correction[h] = (population - Double(unitsIn[h])) / population
            }
        }
        return SampleStructure(w: w, strata: strata, strataCount: strataCount, clusterOf: clusterGroups?.groupOf,
                               clusterCount: clusterGroups?.count ?? 0, stratumOfCluster: stratumOfCluster,
                               unitsIn: unitsIn, correction: correction)
    }

    /// Weighted totals Y (and X) per cell, their ratio, its standard error by Taylor linearisation
    /// and its design effect.
    private func taylor(y: [Double], x: [Double]?, design s: SampleStructure, cellOf: [Int], cells g: Int)
        -> (Y: [Double], X: [Double], ratio: [Double?], se: [Double?], deff: [Double?]) {
        let n = cellOf.count, w = s.w, strataCount = s.strataCount
        var Y = [Double](repeating: 0, count: g), X = [Double](repeating: 0, count: g)
        for i in 0..<n where cellOf[i] >= 0 {
            Y[cellOf[i]] += w[i] * y[i]
            if let x { X[cellOf[i]] += w[i] * x[i] }
        }
        let ratio: [Double?] = (0..<g).map { c in x == nil ? Y[c] : (X[c] != 0 ? Y[c] / X[c] : nil) }
        // Each record's linearised value without its weight: (y − R x) / X for a ratio, y for a total.
        func unweighted(_ i: Int, _ c: Int) -> Double? {
            guard let x else { return y[i] }
            guard let r = ratio[c], X[c] != 0 else { return nil }
            return (y[i] - r * x[i]) / X[c]
        }
        // Per cell and stratum: the sum and the sum of squares of the cluster totals of the
        // weighted linearised values (flat arrays indexed cell × stratum: one pass, no per-row
        // hashing unless clusters must be summed first). Per cell, for the design effect: records
        // with a weight, their weights, and the weighted sums of u and u².
        var s1 = [Double](repeating: 0, count: g * strataCount), s2 = s1
        var records = [Double](repeating: 0, count: g), weights = records, wu = records, wu2 = records
        if let clusterOf = s.clusterOf {
            var totals: [Int: Double] = [:]   // cell × clusters + cluster → Σ z
            let k = s.clusterCount
            for i in 0..<n where cellOf[i] >= 0 {
                let c = cellOf[i]
                guard let u = unweighted(i, c) else { continue }
                totals[c * k + Int(clusterOf[i]), default: 0] += w[i] * u
                if w[i] != 0 { records[c] += 1; weights[c] += w[i]; wu[c] += w[i] * u; wu2[c] += w[i] * u * u }
            }
            for (key, t) in totals {
                let h = Int(s.stratumOfCluster[key % k]), at = (key / k) * strataCount + max(h, 0)
                s1[at] += t; s2[at] += t * t
            }
        } else {
            for i in 0..<n where cellOf[i] >= 0 {
                let c = cellOf[i]
                guard let u = unweighted(i, c) else { continue }
                let z = w[i] * u, at = c * strataCount + Int(s.strata[i])
                s1[at] += z; s2[at] += z * z
                if w[i] != 0 { records[c] += 1; weights[c] += w[i]; wu[c] += w[i] * u; wu2[c] += w[i] * u * u }
            }
        }
        var se = [Double?](repeating: nil, count: g), deff = [Double?](repeating: nil, count: g)
        for c in 0..<g where ratio[c] != nil {
            var variance = 0.0
            for h in 0..<strataCount where s.unitsIn[h] > 0 {
                let sum = s1[c * strataCount + h], squares = s2[c * strataCount + h], m = Double(s.unitsIn[h])
                if s.unitsIn[h] > 1 {
                    variance += s.correction[h] * m / (m - 1) * (squares - sum * sum / m)
                } else {
                    // One cluster in the stratum ("adjust"): its total's deviation from zero.
                    variance += s.correction[h] * sum * sum
                }
            }
            se[c] = variance.squareRoot()
            // Against a simple random sample of the cell's records without replacement: the
            // weighted variance of u (n / (n − 1) · Σw(u − ū)² / N) times N² (N − n) / (N n).
            let count = records[c], N = weights[c]
            if count > 1, N > count {
                let su2 = count / (count - 1) * (wu2[c] - wu[c] * wu[c] / N) / N
                let srs = N * N * su2 * (N - count) / (N * count)
                if srs > 0 { deff[c] = variance / srs }
            }
        }
        return (Y, X, ratio, se, deff)
    }

    /// `median(x)` or `quantile(x, p)`: the values and the share asked for; nil for other measures.
    private func quantileInput(_ measure: Expr, _ data: Table) throws -> (x: [Double?], p: Double)? {
        guard case .call(let fn, let args) = measure.kind, fn.text == "median" && args.count == 1 || fn.text == "quantile" && args.count == 2 else { return nil }
        var p = 0.5
        if fn.text == "quantile" {
            guard case .scalar(let s) = try eval(args[1], .plain), let v = s.doubleValue, v > 0, v < 1 else {
                throw Diagnostic(.error, Message("E061", "quantile"), at: args[1].span, hint: Message("H175"))
            }
            p = v
        }
        let column = try stepVec(args[0], .rows(data)).materialize(data.rowCount)
        guard let values = column.numericValues else {
            throw Diagnostic(.error, Message("E020", fn.text, Kernels.typeWord(.column(column)), Message("K.number")), at: args[0].span)
        }
        return (values.enumerated().map { column.isValid($0.offset) ? $0.element : nil }, p)
    }

    /// A weighted quantile per cell and Woodruff's interval for it, as R's svyquantile (qrule
    /// "math", interval.type "mean"): the share of the cell's weight at or below the quantile gets
    /// its standard error by linearisation; the interval is the quantiles of that share ± z · se
    /// (none past 0 or 1), and se is the interval's width over 2z.
    private func woodruff(x: [Double?], p: Double, design: SampleStructure, cellOf: [Int], cells g: Int, z: Double) -> SampledCells {
        let w = design.w
        // Each cell's records with a weight, sorted by value (ties in row order).
        var members = [[Int]](repeating: [], count: g)
        for i in 0..<cellOf.count where cellOf[i] >= 0 && w[i] != 0 && x[i] != nil { members[cellOf[i]].append(i) }
        let sorted: [(values: [Double], cumulative: [Double])] = members.map { rows in
            let order = rows.sorted { x[$0]! != x[$1]! ? x[$0]! < x[$1]! : $0 < $1 }
            var total = 0.0
            return (order.map { x[$0]! }, order.map { total += w[$0]; return total })
        }
        /// The smallest value whose cumulative weight share reaches `share`.
        func quantile(_ c: Int, _ share: Double) -> Double? {
            let (values, cumulative) = sorted[c]
            guard let total = cumulative.last, total > 0 else { return nil }
            let target = share * total
            var lo = 0, hi = values.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if cumulative[mid] >= target { hi = mid } else { lo = mid + 1 }
            }
            return values[lo]
        }
        let q = (0..<g).map { quantile($0, p) }
        // The indicator y = [x ≤ q] of each record, as a share of the cell (a ratio to count()).
        let below = (0..<cellOf.count).map { i -> Double in
            guard cellOf[i] >= 0, let v = x[i], let qc = q[cellOf[i]] else { return 0 }
            return v <= qc ? 1 : 0
        }
        let share = taylor(y: below, x: [Double](repeating: 1, count: cellOf.count), design: design, cellOf: cellOf, cells: g)
        var low = [Double?](repeating: nil, count: g), high = low, se = low
        for c in 0..<g {
            guard q[c] != nil, let phat = share.ratio[c], let s = share.se[c] else { continue }
            let a = phat - z * s, b = phat + z * s
            low[c] = a < 0 ? nil : quantile(c, a)
            high[c] = b > 1 ? nil : quantile(c, b)
            if let l = low[c], let h = high[c] { se[c] = (h - l) / (2 * z) }
        }
        let none = [Double?](repeating: nil, count: g)
        return SampledCells(numerator: none, denominator: none, value: q, se: se, deff: none, interval: (low, high))
    }

    /// A design column's numbers per row (missing rows are never records: the complete-case rule).
    private func designNumbers(_ name: Name, _ data: Table) throws -> [Double] {
        guard let c = data.column(name.text), let v = c.numericValues else {
            throw Diagnostic(.error, Message("E175", name.text), at: name.span, hint: Message("H176"))
        }
        return v
    }

    /// The record-level input of `sum(expr)` (1 for `count()`); other measures have no linearisation here.
    private func measureInput(_ measure: Expr, _ data: Table) throws -> [Double] {
        guard case .call(let fn, let args) = measure.kind, fn.text == "sum" && args.count == 1 || fn.text == "count" && args.count <= 1 else {
            throw Diagnostic(.error, Message("E173"), at: measure.span, hint: Message("H175"))
        }
        if fn.text == "count" { return [Double](repeating: 1, count: data.rowCount) }
        let column = try stepVec(args[0], .rows(data)).materialize(data.rowCount)
        guard let values = column.numericValues else {
            throw Diagnostic(.error, Message("E020", "sum", Kernels.typeWord(.column(column)), Message("K.number")), at: args[0].span)
        }
        return values.enumerated().map { column.isValid($0.offset) ? $0.element : 0 }
    }
}

extension Interpreter {
    /// The standard normal quantile (Acklam's rational approximation, then two Newton steps on
    /// erfc, to double precision): 1.959963984540054 for 0.975.
    static func normalQuantile(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        var x: Double
        if p < 0.02425 {
            let q = (-2 * Foundation.log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p > 1 - 0.02425 {
            let q = (-2 * Foundation.log(1 - p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        }
        for _ in 0..<2 {
            let cdf = 0.5 * Foundation.erfc(-x / 2.0.squareRoot())
            let density = Foundation.exp(-x * x / 2) / (2 * Double.pi).squareRoot()
            x -= (cdf - p) / density
        }
        return x
    }
}

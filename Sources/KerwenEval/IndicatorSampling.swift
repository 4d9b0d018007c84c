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
    var numerator: [Double], denominator: [Double?], value: [Double?], se: [Double?]
}

extension Interpreter {
    /// The weighted measures and standard errors of one level's cells. `cellOf`: each row's cell
    /// (-1: not a record of any cell). Rows of the sample: `kept` (all rows when nil).
    func sampledCells(_ decl: IndicatorDecl, data: Table, cellOf: [Int], cells g: Int, kept: [Bool]?) throws -> SampledCells {
        let n = data.rowCount
        let w = try designNumbers(decl.weight!, data)
        let y = try measureInput(decl.numerator!, data)
        let x = try decl.denominator.map { try measureInput($0, data) }
        // Strata and clusters (clusters nested in strata) as dense ids; without a cluster each
        // record is its own, and its cluster total is its own linearised value.
        let strataGroups = try decl.strata.map { try Grouping.make(data, keys: [$0.text]) }
        let strata = strataGroups?.groupOf ?? [Int32](repeating: 0, count: n)
        let strataCount = max(strataGroups?.count ?? 1, 1)
        let clusterGroups = try decl.cluster.map { c in try Grouping.make(data, keys: [decl.strata?.text, c.text].compactMap { $0 }) }
        // The design's clusters in each stratum: those of the sample's rows.
        var clustersIn = [Int](repeating: 0, count: strataCount)
        var stratumOfCluster: [Int32] = []
        if let clusterGroups {
            stratumOfCluster = [Int32](repeating: -1, count: clusterGroups.count)
            for i in 0..<n where kept?[i] ?? true { stratumOfCluster[Int(clusterGroups.groupOf[i])] = strata[i] }
            for h in stratumOfCluster where h >= 0 { clustersIn[Int(h)] += 1 }
        } else {
            for i in 0..<n where kept?[i] ?? true { clustersIn[Int(strata[i])] += 1 }
        }
        // Weighted totals per cell.
        var Y = [Double](repeating: 0, count: g), X = [Double](repeating: 0, count: g)
        for i in 0..<n where cellOf[i] >= 0 {
            Y[cellOf[i]] += w[i] * y[i]
            if let x { X[cellOf[i]] += w[i] * x[i] }
        }
        let ratio: [Double?] = (0..<g).map { c in x == nil ? Y[c] : (X[c] != 0 ? Y[c] / X[c] : nil) }
        // Per cell and stratum: the sum and the sum of squares of the cluster totals of the
        // linearised values (flat arrays indexed cell × stratum: one pass, no per-row hashing
        // unless clusters must be summed first).
        var s1 = [Double](repeating: 0, count: g * strataCount), s2 = s1
        func linearised(_ i: Int, _ c: Int) -> Double? {
            guard let x else { return w[i] * y[i] }
            guard let r = ratio[c], X[c] != 0 else { return nil }
            return w[i] * (y[i] - r * x[i]) / X[c]
        }
        if let clusterGroups {
            var totals: [Int: Double] = [:]   // cell × clusters + cluster → Σ z
            let k = clusterGroups.count
            for i in 0..<n where cellOf[i] >= 0 {
                guard let z = linearised(i, cellOf[i]) else { continue }
                totals[cellOf[i] * k + Int(clusterGroups.groupOf[i]), default: 0] += z
            }
            for (key, t) in totals {
                let h = Int(stratumOfCluster[key % k]), at = (key / k) * strataCount + max(h, 0)
                s1[at] += t; s2[at] += t * t
            }
        } else {
            for i in 0..<n where cellOf[i] >= 0 {
                guard let z = linearised(i, cellOf[i]) else { continue }
                let at = cellOf[i] * strataCount + Int(strata[i])
                s1[at] += z; s2[at] += z * z
            }
        }
        var se = [Double?](repeating: nil, count: g)
        for c in 0..<g where ratio[c] != nil {
            var variance = 0.0
            for h in 0..<strataCount where clustersIn[h] > 0 {
                let sum = s1[c * strataCount + h], squares = s2[c * strataCount + h], m = Double(clustersIn[h])
                if clustersIn[h] > 1 {
                    variance += m / (m - 1) * (squares - sum * sum / m)
                } else {
                    // One cluster in the stratum ("adjust"): its total's deviation from zero.
                    variance += sum * sum
                }
            }
            se[c] = variance.squareRoot()
        }
        return SampledCells(numerator: Y, denominator: x == nil ? [Double?](repeating: nil, count: g) : X.map { $0 }, value: ratio, se: se)
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

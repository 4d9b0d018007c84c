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
    /// Woodruff's interval of a quantile (nil: the interval value ± z · se).
    var interval: (low: [Double?], high: [Double?])?
}

/// A sampled indicator's records, read once for all the levels of its totals cube and laid out in
/// cluster order (row order without clusters), so each level is one sequential pass: per record its
/// finest cell, weight, stratum and measure inputs; per stratum its sampled units and finite
/// population correction.
struct SampleInputs {
    /// Records in cluster order; `start[k]..<start[k + 1]` are cluster k's (one span without clusters).
    let fine: [Int32], w: [Double], stratum: [Int32], start: [Int]
    /// The stratum of each cluster (or of each record, without clusters).
    let stratumOfUnit: [Int32]
    let clustered: Bool
    let strataCount: Int
    /// Units sampled in each stratum (clusters, or records without clusters), among the sample's rows.
    let unitsIn: [Int]
    /// (N − n) / N per stratum with `fpc:`, 1 without.
    let correction: [Double]
    enum Measure {
        /// Weighted totals of y (and x), in record order: a total, or the ratio of two.
        case totals(y: [Double], x: [Double]?)
        /// A quantile: each record's value and the share asked for; the records' finest cells,
        /// values and weights in order of value (ties in record order); a 1 per record (the
        /// denominator of a share).
        case quantile(x: [Double], p: Double, sorted: (fine: [Int32], x: [Double], w: [Double]), ones: [Double])
    }
    let measure: Measure
}

extension Interpreter {
    /// The design and the measure's inputs of a sampled indicator. `fineOf`: each row's finest cell
    /// (-1: not a record — filtered out or incomplete).
    func sampleInputs(_ decl: IndicatorDecl, data: Table, kept: [Bool]?, fineOf: [Int32]) throws -> SampleInputs {
        let n = data.rowCount
        let weights = try designNumbers(decl.weight!, data)
        // Strata and clusters (clusters nested in strata) as dense ids.
        let strataGroups = try decl.strata.map { try Grouping.make(data, keys: [$0.text]) }
        let strata = strataGroups?.groupOf ?? [Int32](repeating: 0, count: n)
        let strataCount = max(strataGroups?.count ?? 1, 1)
        let clusterGroups = try decl.cluster.map { c in try Grouping.make(data, keys: [decl.strata?.text, c.text].compactMap { $0 }) }
        // The design's units in each stratum: those of the sample's rows.
        var unitsIn = [Int](repeating: 0, count: strataCount)
        var stratumOfUnit: [Int32] = []
        if let clusterGroups {
            stratumOfUnit = [Int32](repeating: -1, count: clusterGroups.count)
            for i in 0..<n where kept?[i] ?? true { stratumOfUnit[Int(clusterGroups.groupOf[i])] = strata[i] }
            for h in stratumOfUnit where h >= 0 { unitsIn[Int(h)] += 1 }
        } else {
            for i in 0..<n where kept?[i] ?? true { unitsIn[Int(strata[i])] += 1 }
        }
        let correction = try finitePopulationCorrection(decl, data: data, kept: kept, strata: strata, unitsIn: unitsIn)
        // A stratum with one sampled unit has no variance of its own: said once, with the strata.
        let lonely = (0..<strataCount).filter { unitsIn[$0] == 1 }
        if !lonely.isEmpty {
            let names = lonely.prefix(3).map { h in strataGroups.map { "`" + ScalarFormat.plain($0.keyColumns[0].scalar(at: h)) + "`" } ?? "—" }
            warn(Diagnostic(.note, Message("N010", decl.name.text, lonely.count, names.joined(separator: ", ") + (lonely.count > 3 ? ", …" : "")),
                            at: (decl.cluster ?? decl.strata ?? decl.weight!).span))
        }
        // The records in cluster order (a counting sort by cluster), or in row order.
        var order: [Int32] = [], start: [Int] = [0]
        if let clusterGroups {
            start = [Int](repeating: 0, count: clusterGroups.count + 1)
            for i in 0..<n where fineOf[i] >= 0 { start[Int(clusterGroups.groupOf[i]) + 1] += 1 }
            for k in 0..<clusterGroups.count { start[k + 1] += start[k] }
            var next = start
            order = [Int32](repeating: 0, count: start[clusterGroups.count])
            for i in 0..<n where fineOf[i] >= 0 { let k = Int(clusterGroups.groupOf[i]); order[next[k]] = Int32(i); next[k] += 1 }
        } else {
            order = (0..<Int32(clamping: n)).filter { fineOf[Int($0)] >= 0 }
            start.append(order.count)
        }
        func laidOut<T>(_ v: [T]) -> [T] { order.map { v[Int($0)] } }
        let measure: SampleInputs.Measure
        let ones = [Double](repeating: 1, count: n)
        if let value = decl.value, case .call(let fn, let args) = value.kind, ["mean", "share", "sum", "count"].contains(fn.text) {
            // The ratio and total forms written short: mean(x) = sum(x) / count(), share(c) the same
            // of c as 0/1, sum(x) and count() totals.
            let y = fn.text == "count" ? ones : try rowNumbers(args[0], data, function: fn.text)
            measure = .totals(y: laidOut(y), x: fn.text == "mean" || fn.text == "share" ? laidOut(ones) : nil)
        } else if let value = decl.value {
            guard let (column, p) = try quantileInput(value, data), let all = column.asDoubles() else {
                throw Diagnostic(.error, Message("E173"), at: value.span, hint: Message("H175"))
            }
            let x = laidOut(all), w = laidOut(weights), fine = laidOut(fineOf)
            let byValue = RowOrder.ascendingNumbers(x)
            measure = .quantile(x: x, p: p, sorted: (byValue.map { fine[Int($0)] }, byValue.map { x[Int($0)] }, byValue.map { w[Int($0)] }),
                                ones: [Double](repeating: 1, count: x.count))
        } else {
            let y = try measureInput(decl.numerator!, data)
            let x = try decl.denominator.map { try measureInput($0, data) }
            measure = .totals(y: laidOut(y), x: x.map(laidOut))
        }
        return SampleInputs(fine: laidOut(fineOf), w: laidOut(weights), stratum: laidOut(strata), start: start,
                            stratumOfUnit: clusterGroups == nil ? laidOut(strata) : stratumOfUnit, clustered: clusterGroups != nil,
                            strataCount: strataCount, unitsIn: unitsIn, correction: correction, measure: measure)
    }

    /// One number per stratum: a population size, or a sampling fraction when every one is at most 1
    /// (as R's svydesign reads `fpc`); each stratum's variance is scaled by (N − n) / N.
    private func finitePopulationCorrection(_ decl: IndicatorDecl, data: Table, kept: [Bool]?, strata: [Int32], unitsIn: [Int]) throws -> [Double] {
        var correction = [Double](repeating: 1, count: unitsIn.count)
        guard let fpc = decl.fpc else { return correction }
        let values = try designNumbers(fpc, data)
        // A row without a correction is no record (the complete-case rule); it says nothing here.
        let present = data.column(fpc.text).map { c in (0..<data.rowCount).map { c.isValid($0) && !values[$0].isNaN } } ?? []
        var first = [Double?](repeating: nil, count: unitsIn.count)
        var rowOf = [Int](repeating: 0, count: unitsIn.count)
        func stratumName(_ row: Int) -> String {
            guard let s = decl.strata, let c = data.column(s.text) else { return "—" }
            return ScalarFormat.plain(c.scalar(at: row))
        }
        for i in 0..<data.rowCount where (kept?[i] ?? true) && present[i] {
            let h = Int(strata[i])
            if let f = first[h] {
                if f != values[i] {
                    throw Diagnostic(.error, Message("E184", fpc.text, stratumName(i), ScalarFormat.number(f), ScalarFormat.number(values[i])),
                                     at: fpc.span, hint: Message("H184"))
                }
            } else { first[h] = values[i]; rowOf[h] = i }
        }
        let fractions = first.allSatisfy { $0.map { $0 <= 1 } ?? true }
        for h in 0..<unitsIn.count {
            guard let f = first[h], unitsIn[h] > 0 else { continue }
            let population = fractions ? Double(unitsIn[h]) / f : f
            guard population >= Double(unitsIn[h]), population.isFinite else {
                throw Diagnostic(.error, Message("E185", fpc.text, stratumName(rowOf[h]), unitsIn[h], ScalarFormat.number(f)),
                                 at: fpc.span, hint: Message("H185"))
            }
            correction[h] = (population - Double(unitsIn[h])) / population
        }
        return correction
    }

    /// Each cell's multiplier of its standard error for its interval (z in value ± z · se): the
    /// normal quantile of the confidence level, or with `df:` Student's t quantile with those
    /// degrees of freedom — `df: design` gives each cell its own, as R's `degf` of the cell's
    /// domain: the units (clusters, or records without clusters) that hold a record of the cell
    /// with a weight, less the strata that hold them. nil: a cell without degrees of freedom (one
    /// cluster in one stratum), which gets no interval, as R's NaN; likewise where the t quantile
    /// is infinite (degrees of freedom so near 0 that no finite bound holds the share asked for).
    func intervalMultipliers(_ decl: IndicatorDecl, inputs: SampleInputs, levelOf: [Int32], cells g: Int) throws -> [Double?] {
        let p = 0.5 + (try confidenceLevel(decl)) / 2
        guard let df = decl.df else { return [Double?](repeating: Self.normalQuantile(p), count: g) }
        guard IndicatorDecl.isDesignDegrees(df) else {
            guard case .scalar(let s) = try eval(df, .plain), let v = s.doubleValue, v > 0, v.isFinite else {
                throw Diagnostic(.error, Message("E200"), at: df.span, hint: Message("H199"))
            }
            let t = StudentT.quantile(p, degrees: v)
            return [Double?](repeating: t.isFinite ? t : nil, count: g)
        }
        var known: [Int: Double] = [:]
        return designDegrees(inputs, levelOf: levelOf, cells: g).map { d in
            guard d > 0 else { return nil }
            if let t = known[d] { return t }
            let t = StudentT.quantile(p, degrees: Double(d))
            known[d] = t
            return t   // finite: at least one degree of freedom
        }
    }

    /// Per cell: the units holding a record of the cell with a nonzero weight, less their strata.
    private func designDegrees(_ s: SampleInputs, levelOf: [Int32], cells g: Int) -> [Int] {
        var degrees = [Int](repeating: 0, count: g)
        var strataHeld = CellStrataSums(cells: g, strata: s.strataCount)
        func unit(of c: Int, inStratum h: Int) {
            degrees[c] += 1
            if strataHeld.add(0, cell: c, stratum: h) { degrees[c] -= 1 }
        }
        if s.clustered {
            var seen = [Bool](repeating: false, count: g), touched: [Int] = []
            for k in 0..<(s.start.count - 1) {
                for i in s.start[k]..<s.start[k + 1] where s.w[i] != 0 {
                    let c = Int(levelOf[Int(s.fine[i])])
                    if !seen[c] { seen[c] = true; touched.append(c) }
                }
                for c in touched { unit(of: c, inStratum: max(Int(s.stratumOfUnit[k]), 0)); seen[c] = false }
                touched.removeAll(keepingCapacity: true)
            }
        } else {
            for i in 0..<s.w.count where s.w[i] != 0 { unit(of: Int(levelOf[Int(s.fine[i])]), inStratum: Int(s.stratum[i])) }
        }
        return degrees
    }

    /// The weighted measures and standard errors of one level's cells. `levelOf`: each finest
    /// cell's cell at this level. `z`: each cell's interval multiplier (for Woodruff's interval of
    /// a quantile; see `intervalMultipliers`).
    func sampledCells(_ inputs: SampleInputs, levelOf: [Int32], cells g: Int, z: [Double?]) -> SampledCells {
        let cellOf = inputs.fine.map { levelOf[Int($0)] }
        switch inputs.measure {
        case .quantile(let x, let p, let sorted, let ones):
            return woodruff(x: x, p: p, sorted: sorted, ones: ones, inputs: inputs, levelOf: levelOf, cellOf: cellOf, cells: g, z: z)
        case .totals(let y, let x):
            let t = taylor(y: y, x: x, inputs: inputs, cellOf: cellOf, cells: g)
            return SampledCells(numerator: t.Y.map { $0 }, denominator: x == nil ? [Double?](repeating: nil, count: g) : t.X.map { $0 },
                                value: t.ratio, se: t.se, deff: t.deff, interval: nil)
        }
    }

    /// Weighted totals Y (and X) per cell, their ratio, its standard error by Taylor linearisation
    /// and its design effect. `y`, `x` and `cellOf` are in the records' order (SampleInputs).
    private func taylor(y: [Double], x: [Double]?, inputs s: SampleInputs, cellOf: [Int32], cells g: Int)
        -> (Y: [Double], X: [Double], ratio: [Double?], se: [Double?], deff: [Double?]) {
        let w = s.w, n = w.count
        var Y = [Double](repeating: 0, count: g), X = [Double](repeating: 0, count: g)
        for i in 0..<n {
            let c = Int(cellOf[i])
            Y[c] += w[i] * y[i]
            if let x { X[c] += w[i] * x[i] }
        }
        let ratio: [Double?] = (0..<g).map { c in x == nil ? Y[c] : (X[c] != 0 ? Y[c] / X[c] : nil) }
        // Each record's linearised value without its weight, u: (y − R x) / X for a ratio, y for a
        // total (0 in a cell with no ratio, which gets no error).
        let r = ratio.map { $0 ?? 0 }
        let scale = (0..<g).map { c in x == nil ? 1 : (X[c] != 0 && ratio[c] != nil ? 1 / X[c] : 0) }
        // Per cell and stratum: the sum and the sum of squares of the unit totals of w·u. Per
        // cell, for the design effect: records with a weight, their weights, and the weighted sums
        // of u and u².
        var sums = CellStrataSums(cells: g, strata: s.strataCount)
        var records = [Double](repeating: 0, count: g), weights = records, wu = records, wu2 = records
        var scratch = [Double](repeating: 0, count: g), touched: [Int] = [], seen = [Bool](repeating: false, count: g)
        func add(_ i: Int) -> (cell: Int, z: Double) {
            let c = Int(cellOf[i])
            let u = x.map { (y[i] - r[c] * $0[i]) * scale[c] } ?? y[i]
            if w[i] != 0 { records[c] += 1; weights[c] += w[i]; wu[c] += w[i] * u; wu2[c] += w[i] * u * u }
            return (c, w[i] * u)
        }
        if s.clustered {
            // Cluster by cluster: its records' w·u summed per cell in a scratch row, then flushed.
            for k in 0..<(s.start.count - 1) {
                for i in s.start[k]..<s.start[k + 1] {
                    let (c, z) = add(i)
                    if !seen[c] { seen[c] = true; touched.append(c) }
                    scratch[c] += z
                }
                let h = max(Int(s.stratumOfUnit[k]), 0)
                for c in touched {
                    sums.add(scratch[c], cell: c, stratum: h)
                    scratch[c] = 0; seen[c] = false
                }
                touched.removeAll(keepingCapacity: true)
            }
        } else {
            // Each record is its own unit.
            for i in 0..<n {
                let (c, z) = add(i)
                sums.add(z, cell: c, stratum: Int(s.stratum[i]))
            }
        }
        // A stratum where the cell has no unit adds nothing (its sums are 0).
        var variances = [Double](repeating: 0, count: g)
        sums.forEachPair(cells: g) { c, h, sum, squares in
            guard ratio[c] != nil, s.unitsIn[h] > 0 else { return }
            let m = Double(s.unitsIn[h])
            if s.unitsIn[h] > 1 {
                variances[c] += s.correction[h] * m / (m - 1) * (squares - sum * sum / m)
            } else {
                // One cluster in the stratum ("adjust"): its total's deviation from zero.
                variances[c] += s.correction[h] * sum * sum
            }
        }
        var se = [Double?](repeating: nil, count: g), deff = [Double?](repeating: nil, count: g)
        for c in 0..<g where ratio[c] != nil {
            let variance = variances[c]
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
    private func quantileInput(_ measure: Expr, _ data: Table) throws -> (x: Column, p: Double)? {
        guard case .call(let fn, let args) = measure.kind, fn.text == "median" && args.count == 1 || fn.text == "quantile" && args.count == 2 else { return nil }
        var p = 0.5
        if fn.text == "quantile" {
            guard case .scalar(let s) = try eval(args[1], .plain), let v = s.doubleValue, v > 0, v < 1 else {
                throw Diagnostic(.error, Message("E061", "quantile"), at: args[1].span, hint: Message("H175"))
            }
            p = v
        }
        let column = try stepVec(args[0], .rows(data)).materialize(data.rowCount)
        guard column.type.isNumeric else {
            throw Diagnostic(.error, Message("E020", fn.text, Kernels.typeWord(.column(column)), Message("K.number")), at: args[0].span)
        }
        return (column, p)
    }

    /// A weighted quantile per cell and Woodruff's interval for it, as R's svyquantile (qrule
    /// "math", interval.type "mean"): the share of the cell's weight at or below the quantile gets
    /// its standard error by linearisation; the interval is the quantiles of that share ± z · se
    /// (none past 0 or 1), and se is the interval's width over 2z (z per cell: the normal or t
    /// quantile). (A missing value makes a record incomplete, so every record here has one.)
    private func woodruff(x: [Double], p: Double, sorted: (fine: [Int32], x: [Double], w: [Double]), ones: [Double],
                          inputs: SampleInputs, levelOf: [Int32], cellOf: [Int32], cells g: Int, z: [Double?]) -> SampledCells {
        // Sequential passes over the records in order of value: each cell's total weight (summed in
        // that order), then the first value whose cumulative weight reaches each target.
        var total = [Double](repeating: 0, count: g)
        for j in 0..<sorted.fine.count { total[Int(levelOf[Int(sorted.fine[j])])] += sorted.w[j] }
        /// Per cell, the smallest value whose cumulative weight reaches `share[c]` of its total.
        func quantiles(_ shares: [[Double?]]) -> [[Double?]] {
            var found = shares.map { _ in [Double?](repeating: nil, count: g) }
            var targets = shares.map { $0.enumerated().map { c, s in s.flatMap { total[c] > 0 ? $0 * total[c] : nil } } }
            var running = [Double](repeating: 0, count: g)
            var open = targets.reduce(0) { $0 + $1.lazy.filter { $0 != nil }.count }
            for j in 0..<sorted.fine.count where open > 0 && sorted.w[j] != 0 {
                let c = Int(levelOf[Int(sorted.fine[j])])
                running[c] += sorted.w[j]
                for k in 0..<targets.count {
                    if let t = targets[k][c], running[c] >= t { found[k][c] = sorted.x[j]; targets[k][c] = nil; open -= 1 }
                }
            }
            return found
        }
        let q = quantiles([[Double?](repeating: p, count: g)])[0]
        // The indicator y = [x ≤ q] of each record, as a share of the cell (a ratio to count()).
        let below = (0..<cellOf.count).map { i -> Double in
            guard let qc = q[Int(cellOf[i])] else { return 0 }
            return x[i] <= qc ? 1 : 0
        }
        let share = taylor(y: below, x: ones, inputs: inputs, cellOf: cellOf, cells: g)
        var lowShare = [Double?](repeating: nil, count: g), highShare = lowShare
        for c in 0..<g {
            guard q[c] != nil, let phat = share.ratio[c], let s = share.se[c], let z = z[c] else { continue }
            let a = phat - z * s, b = phat + z * s
            lowShare[c] = a < 0 ? nil : a
            highShare[c] = b > 1 ? nil : b
        }
        let bounds = quantiles([lowShare, highShare])
        let (low, high) = (bounds[0], bounds[1])
        let se: [Double?] = (0..<g).map { c in z[c].flatMap { z in low[c].flatMap { l in high[c].map { ($0 - l) / (2 * z) } } } }
        let none = [Double?](repeating: nil, count: g)
        return SampledCells(numerator: none, denominator: none, value: q, se: se, deff: none, interval: (low, high))
    }

    /// A design column's numbers per row (missing rows are never records: the complete-case rule).
    private func designNumbers(_ name: Name, _ data: Table) throws -> [Double] {
        guard let c = data.column(name.text), let v = c.asDoubles() else {
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
        return try rowNumbers(args[0], data, function: "sum")
    }

    /// An expression's value per row as a number (true and false as 1 and 0; missing as 0 — such a
    /// row is no complete record).
    private func rowNumbers(_ e: Expr, _ data: Table, function: String) throws -> [Double] {
        let column = try stepVec(e, .rows(data)).materialize(data.rowCount)
        let values: [Double]
        if case .boolean(let b) = column.storage { values = b.map { $0 ? 1 : 0 } } else {
            guard let v = column.asDoubles() else {
                throw Diagnostic(.error, Message("E020", function, Kernels.typeWord(.column(column)), Message("K.number")), at: e.span)
            }
            values = v
        }
        return values.enumerated().map { column.isValid($0.offset) && !$0.element.isNaN ? $0.element : 0 }
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
        // Newton on the tail the quantile is in: above the median on 1 − p, which keeps its
        // digits when p is near 1 (cdf − p there would lose ten of them at p = 0.999999).
        for _ in 0..<2 {
            let density = Foundation.exp(-x * x / 2) / (2 * Double.pi).squareRoot()
            if p > 0.5 {
                x += (0.5 * Foundation.erfc(x / 2.0.squareRoot()) - (1 - p)) / density
            } else {
                x -= (0.5 * Foundation.erfc(-x / 2.0.squareRoot()) - p) / density
            }
        }
        return x
    }
}

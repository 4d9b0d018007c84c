// Aggregates per group over whole columns; missing inputs are skipped and counted, a sum of nothing is na.

import KerwenData
import KerwenDiagnostics
import KerwenSema
import KerwenSyntax

/// The aggregate kernels: whole columns in, one value per group out; what they report goes to the
/// context, not to the interpreter.
enum Aggregates {
    /// Calls `body(row, group)` for every row a grouping covers, in row order: all rows, or with a
    /// `mask` (a deferred `where`) the rows it kept, whose groups `groupOf` lists in order.
    @inline(__always)
    private static func eachRow(_ rows: Int, _ groupOf: [Int32], _ mask: [Bool]?, _ body: (Int, Int) -> Void) {
        groupOf.withUnsafeBufferPointer { g in
            guard let mask else {
                for i in 0..<rows { body(i, Int(g[i])) }
                return
            }
            mask.withUnsafeBufferPointer { m in
                var j = 0
                for i in 0..<m.count where m[i] {
                    body(i, Int(g[j]))
                    j += 1
                }
            }
        }
    }

    /// Per group: the (weighted) sum of x, the sum of weights and the count, over rows where x and the
    /// weight have values (the others are counted in `skipped`). Validity is read from the bitmaps'
    /// words; the rows are added in row order, so the result is the same however they are stored.
    private static func sumRows(_ x: NumericOperand, _ w: NumericOperand?, _ groupOf: [Int32], _ rows: Int, _ mask: [Bool]?,
                                _ sum: inout [Double], _ weight: inout [Double], _ n: inout [Int], skipped: inout Int) {
        if x.allMissing || w?.allMissing == true {
            skipped += groupOf.count
            return
        }
        let one = [1.0], none: [UInt64] = []
        let ws = w?.values ?? one, sw = w?.stride ?? 0
        // Bitmaps of operands that vary by row (a scalar's is not read).
        let xBits = x.stride == 0 ? nil : x.validity?.words
        let wBits = sw == 0 ? nil : w?.validity?.words
        let checkX = xBits != nil, checkW = wBits != nil
        var missed = 0
        x.values.withUnsafeBufferPointer { xs in
            ws.withUnsafeBufferPointer { ws in
                (xBits ?? none).withUnsafeBufferPointer { xb in
                    (wBits ?? none).withUnsafeBufferPointer { wb in
                        sum.withUnsafeMutableBufferPointer { s in
                            weight.withUnsafeMutableBufferPointer { wt in
                                n.withUnsafeMutableBufferPointer { c in
                                    let sx = x.stride
                                    eachRow(rows, groupOf, mask) { i, gid in
                                        let bit: UInt64 = 1 << UInt64(i & 63)
                                        if checkX && xb[i >> 6] & bit == 0 || checkW && wb[i >> 6] & bit == 0 {
                                            missed += 1
                                            return
                                        }
                                        let wi = ws[i &* sw]
                                        s[gid] += wi * xs[i &* sx]
                                        wt[gid] += wi
                                        c[gid] += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        skipped += missed
    }

    /// Whether an aggregate reads a deferred `where`'s mask itself; the others get their arguments'
    /// kept rows copied out first.
    private static func readsMask(_ kernel: AggregateKernel, _ args: [Vec]) -> Bool {
        switch kernel {
        case .sum, .mean, .wsum, .wmean:
            // An integer sum is added exactly by its own loop, over copied rows.
            if kernel == .sum, args.first?.type == .integer { return false }
            // Numbers or `na` (what NumericOperand accepts), told by type: building the operand
            // here would widen an integer column to doubles once more.
            return args.allSatisfy { v in
                if case .scalar(.na) = v { return true }
                return v.type?.isNumeric ?? false
            }
        case .median, .quantile: return true
        case .count, .min, .max, .share, .sd, .var, .n_distinct, .first, .last: return false
        }
    }

    /// `args` hold `rows` rows: every row of the table when `mask` (a deferred `where`) is given.
    /// One case per `AggregateKernel`, no default: a new aggregate in the builtin table does not
    /// compile until it has its kernel here.
    static func aggregate(_ kernel: AggregateKernel, _ args: [Vec], rows: Int, grouping: Grouping, span: Span, args labels: [ArgumentLabel],
                          mask: [Bool]? = nil, context: KernelContext) throws -> Column {
        let name = kernel.rawValue
        // Ctrl-C is seen between aggregates (and every million rows in the slow ones).
        try Interrupt.check()
        if let mask, !Self.readsMask(kernel, args) {
            let kept = grouping.groupOf.count
            let keptArgs = args.map { v -> Vec in
                if case .column(let c) = v { return .column(c.filter(mask, kept: kept)) }
                return v
            }
            return try aggregate(kernel, keptArgs, rows: kept, grouping: grouping, span: span, args: labels, context: context)
        }
        let g = grouping.count
        let groupOf = grouping.groupOf
        var skipped = 0
        defer {
            if skipped > 0 {
                let what = labels.map(\.text).joined(separator: ", ")
                context.warn(Diagnostic(.note, Message("N001", name, what, skipped)))
            }
        }
        func numeric(_ i: Int) throws -> NumericOperand {
            guard let x = NumericOperand(args[i]) else {
                throw Diagnostic(.error, Message("E020", name, Kernels.typeWord(args[i]), Message("K.number")), at: labels[i].span)
            }
            return x
        }
        switch kernel {
        case .count:
            var counts = [Int64](repeating: 0, count: g)
            if args.isEmpty {
                for gid in groupOf { counts[Int(gid)] += 1 }
            } else {
                let c = args[0].materialize(rows)
                for i in 0..<rows where c.isValid(i) { counts[Int(groupOf[i])] += 1 }
            }
            return Column(.integer(counts))
        case .sum, .mean, .wsum, .wmean, .var, .sd:
            let x = try numeric(0)
            let w = args.count > 1 ? try numeric(1) : nil
            var sum = [Double](repeating: 0, count: g), weight = [Double](repeating: 0, count: g)
            var n = [Int](repeating: 0, count: g)
            Self.sumRows(x, w, groupOf, rows, mask, &sum, &weight, &n, skipped: &skipped)
            var out = [Double](repeating: 0, count: g)
            var valid = Bitmap(count: g, value: true)
            if name == "var" || name == "sd" {
                var ss = [Double](repeating: 0, count: g)
                for i in 0..<rows where x.isValid(i) {
                    let gid = Int(groupOf[i])
                    let d = x.values[i * x.stride] - sum[gid] / Double(n[gid])
                    ss[gid] += d * d
                }
                for k in 0..<g {
                    if n[k] < 2 { valid[k] = false; continue }
                    let v = ss[k] / Double(n[k] - 1)
                    out[k] = name == "sd" ? v.squareRoot() : v
                }
                return Column(.number(out), validity: valid)
            }
            for k in 0..<g {
                if n[k] == 0 { valid[k] = false; continue }
                switch name {
                case "sum", "wsum": out[k] = sum[k]
                default:
                    if weight[k] == 0 { valid[k] = false } else { out[k] = sum[k] / weight[k] }
                }
            }
            if name == "sum", case .integer = args[0].type, case .column(let c) = args[0], case .integer(let iv) = c.storage {
                // Integer sums stay exact integers.
                var isum = [Int64](repeating: 0, count: g)
                var overflow = false
                for i in 0..<rows where c.isValid(i) {
                    let k = Int(groupOf[i])
                    let (v, o) = isum[k].addingReportingOverflow(iv[i])
                    isum[k] = v
                    overflow = overflow || o
                }
                // Past Int64's range the sums are the doubles added above, never wrapped integers.
                if !overflow { return Column(.integer(isum), validity: valid) }
                context.warn(Diagnostic(.note, Message("N002", "sum"), at: span))
            }
            return Column(.number(out), validity: valid)
        case .share:
            guard let cond = BooleanOperand(args[0]) else {
                throw Diagnostic(.error, Message("E059", name, Kernels.typeWord(args[0])), at: labels[0].span, hint: Message("H051"))
            }
            let w = args.count > 1 ? try numeric(1) : nil
            var hit = [Double](repeating: 0, count: g), total = [Double](repeating: 0, count: g)
            for i in 0..<rows {
                guard let c = cond.at(i), w?.isValid(i) ?? true else { skipped += 1; continue }
                let wi = w.map { $0.values[i * $0.stride] } ?? 1
                total[Int(groupOf[i])] += wi
                if c { hit[Int(groupOf[i])] += wi }
            }
            var valid = Bitmap(count: g, value: true)
            var out = [Double](repeating: 0, count: g)
            for k in 0..<g { if total[k] == 0 { valid[k] = false } else { out[k] = hit[k] / total[k] } }
            return Column(.number(out), validity: valid)
        case .median, .quantile:
            let x = try numeric(0)
            var p = 0.5
            if name == "quantile" {
                guard case .scalar(let ps) = args[1], let pv = ps.doubleValue, pv >= 0, pv <= 1 else {
                    throw Diagnostic(.error, Message("E063"), at: labels[1].span)
                }
                p = pv
            }
            // The values themselves, not row numbers, are laid out group after group (a counting sort
            // by group id: one pass to count, one to place), then each group's slice is selected in place.
            var counts = [Int](repeating: 0, count: g + 1)
            Self.eachRow(rows, groupOf, mask) { i, k in if x.isValid(i) { counts[k + 1] += 1 } }
            skipped += groupOf.count - counts.reduce(0, +)
            for k in 0..<g { counts[k + 1] += counts[k] }
            var byGroup = [Double](repeating: 0, count: counts[g])
            var cursor = counts
            if !x.allMissing {
                x.values.withUnsafeBufferPointer { xs in
                    byGroup.withUnsafeMutableBufferPointer { out in
                        cursor.withUnsafeMutableBufferPointer { cursor in
                            let sx = x.stride
                            Self.eachRow(rows, groupOf, mask) { i, k in
                                if x.isValid(i) { out[cursor[k]] = xs[i &* sx]; cursor[k] += 1 }
                            }
                        }
                    }
                }
            }
            var out = [Double](repeating: 0, count: g)
            var valid = Bitmap(count: g, value: true)
            for k in 0..<g where counts[k] == counts[k + 1] { valid[k] = false }
            // Each group's slice is selected on its own: groups are spread over the cores (the
            // result of a selection does not depend on which thread makes it).
            byGroup.withUnsafeMutableBufferPointer { all in
                out.withUnsafeMutableBufferPointer { result in
                    counts.withUnsafeBufferPointer { bounds in
                        forEachRange(g, minimum: counts[g] >= 1 << 18 ? 2 : Int.max) { groups in
                            for k in groups where bounds[k] < bounds[k + 1] {
                                result[k] = Self.selectQuantile(UnsafeMutableBufferPointer(rebasing: all[bounds[k]..<bounds[k + 1]]), p)
                            }
                        }
                    }
                }
            }
            return Column(.number(out), validity: valid)
        case .min, .max, .first, .last, .n_distinct:
            return try orderStatistic(name, args[0], rows: rows, grouping: grouping, skipped: &skipped)
        }
    }

    /// The same value as `interpolatedQuantile(buffer.sorted(), p)`, by selection instead of sorting:
    /// only the two order statistics around the position are placed (expected linear time).
    static func selectQuantile(_ buffer: inout [Double], _ p: Double) -> Double {
        buffer.withUnsafeMutableBufferPointer { selectQuantile($0, p) }
    }

    static func selectQuantile(_ b: UnsafeMutableBufferPointer<Double>, _ p: Double) -> Double {
        let n = b.count
        let h = Double(n - 1) * p
        let lo = Int(h.rounded(.down))
        select(b, lo)
        let low = b[lo]
        guard lo + 1 < n, h > Double(lo) else { return low }
        // After selection everything right of `lo` is >= b[lo]: the next order statistic is their minimum.
        var next = b[lo + 1]
        for i in (lo + 2)..<n where b[i] < next { next = b[i] }
        return low + (h - Double(lo)) * (next - low)
    }

    /// Hoare selection: afterwards b[k] holds the k-th smallest, smaller ones left, larger ones right.
    private static func select(_ b: UnsafeMutableBufferPointer<Double>, _ k: Int) {
        var left = 0, right = b.count - 1
        while right > left {
            // Median of three as pivot keeps sorted or repeated input linear.
            let mid = left + (right - left) / 2
            if b[mid] < b[left] { b.swapAt(mid, left) }
            if b[right] < b[left] { b.swapAt(right, left) }
            if b[right] < b[mid] { b.swapAt(right, mid) }
            let pivot = b[mid]
            var i = left, j = right
            while i <= j {
                while b[i] < pivot { i += 1 }
                while b[j] > pivot { j -= 1 }
                if i <= j { b.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { right = j } else if k >= i { left = i } else { return }
        }
    }

    /// Linear interpolation between order statistics (R type 7, DuckDB `quantile_cont`).
    static func interpolatedQuantile(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }

    private static func orderStatistic(_ name: String, _ arg: Vec, rows: Int, grouping: Grouping, skipped: inout Int) throws -> Column {
        let c = arg.materialize(rows)
        let g = grouping.count
        var best = [Int](repeating: -1, count: g)
        if name == "min" || name == "max", let values = c.asDoubles() {
            // Numbers: one pass keeping the first row holding each group's extreme (as the sort would).
            let wantMax = name == "max"
            for i in 0..<rows {
                guard c.isValid(i), !values[i].isNaN else { skipped += 1; continue }
                let gid = Int(grouping.groupOf[i])
                let b = best[gid]
                if b < 0 || (wantMax ? values[i] > values[b] : values[i] < values[b]) { best[gid] = i }
            }
            return c.gather(best)
        }
        var distinct = [Set<Int>](repeating: [], count: name == "n_distinct" ? g : 0)
        let codes = name == "n_distinct" ? Grouping.denseCodes(c).codes : []
        let order = name == "min" || name == "max" ? RowOrder.sorted(columns: [(c, name == "max")], rows: rows) : Array(0..<rows)
        for (k, i) in order.enumerated() {
            if k & 0xFFFFF == 0 { try Interrupt.check() }
            let gid = Int(grouping.groupOf[i])
            guard c.isValid(i) else { skipped += 1; continue }
            switch name {
            case "n_distinct": distinct[gid].insert(codes[i])
            case "last": best[gid] = i
            default: if best[gid] < 0 { best[gid] = i }
            }
        }
        if name == "n_distinct" { return Column(.integer(distinct.map { Int64($0.count) })) }
        return c.gather(best)
    }
}

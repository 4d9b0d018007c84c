// A table made into a chart: the x column, the values drawn, one series per combination of the
// `by` columns. Rows that share an x in a series are drawn as their mean (and said so), a long
// series is binned to the resolution anything can show, so ten million rows draw at once.

import KerwenData
import KerwenDiagnostics

public struct ChartRequest: Sendable {
    public var x: String
    public var by: [String]
    /// The column drawn (nil: `value` of an indicator, or the table's only other number column).
    public var values: String?
    public var kind: Chart.Kind?
    public var title: String?
    public var yLabel: String?
    /// Draw `_T` total series (true) or leave them out.
    public var totals: Bool
    public var stacked: Bool
    public init(x: String, by: [String], values: String? = nil, kind: Chart.Kind? = nil, title: String? = nil, yLabel: String? = nil,
                totals: Bool = true, stacked: Bool = false) {
        self.x = x; self.by = by; self.values = values; self.kind = kind; self.title = title; self.yLabel = yLabel
        self.totals = totals; self.stacked = stacked
    }
}

public enum ChartBuilder {
    /// Series a chart can keep apart (markers, colours and dashes run out after that).
    public static let maxSeries = 12
    /// Bars a chart can label.
    public static let maxBars = 80
    /// Points per series kept for drawing; more are binned (mean of each bin).
    public static let maxPoints = 2_000

    public struct Built: Sendable {
        public var chart: Chart
        /// Rows whose x repeated in their series (drawn as the mean).
        public var averagedRows: Int
        /// Rows drawn as the means of intervals of x (numbers spread over a wide range).
        public var binnedRows: Int
    }

    public static func build(_ table: Table, _ request: ChartRequest, totalCode: String = "_T") throws -> Built {
        guard let xColumn = table.column(request.x) else { throw Diagnostic.error("E012", request.x, hint: Suggestions.hint(for: request.x, in: table.names)) }
        for b in request.by where table.column(b) == nil { throw Diagnostic.error("E012", b, hint: Suggestions.hint(for: b, in: table.names)) }
        let valueName = try valueColumn(table, request)
        let valueColumn = table.column(valueName)!
        guard let values = valueColumn.asDoubles() else {
            throw Diagnostic.error("E187", valueName, Message.typeName(valueColumn.type), hint: Message("H187"))
        }
        let n = table.rowCount
        var (axis, xs, xValid) = try xValues(xColumn, totalCode: totalCode)
        let kind = request.kind ?? (axis.isCategories ? .bar : .line)
        // Bars over numbers or periods: each distinct value is a category, in order.
        if kind == .bar, !axis.isCategories {
            let template = Chart(kind: kind, title: nil, xLabel: "", yLabel: "", xAxis: axis, series: [])
            let distinct = Array(Set((0..<n).filter { xValid[$0] }.map { xs[$0] })).sorted()
            guard distinct.count <= maxBars else { throw Diagnostic.error("E190", distinct.count, maxBars, hint: Message("H190")) }
            let position = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($0.element, Double($0.offset)) })
            for i in 0..<n where xValid[i] { xs[i] = position[xs[i]]! }
            axis = .categories(distinct.map(template.xText))
        }
        // Series: one per combination of the `by` values (dense codes per column, never text per row).
        let byColumns = request.by.map { table.column($0)! }
        let (seriesOfRow, firstRows) = seriesCodes(byColumns, rows: n, valid: xValid)
        var seriesNames: [String] = [], seriesTotal: [Bool] = [], keep: [Bool] = []
        for row in firstRows {
            let parts = byColumns.map { ScalarFormat.plain($0.scalar(at: row)) }
            seriesNames.append(parts.isEmpty ? valueName : parts.joined(separator: " · "))
            seriesTotal.append(!parts.isEmpty && parts.allSatisfy { $0 == totalCode })
            keep.append(request.totals || !parts.contains(totalCode))
        }
        // A `_T` category of x is left out with `totals: false` too.
        var dropX: Double? = nil
        if !request.totals, case .categories(let names) = axis, let t = names.firstIndex(of: totalCode) { dropX = Double(t) }
        // Series of numbers or periods in their order; text in order of appearance.
        var order = Array(firstRows.indices)
        if !byColumns.isEmpty, byColumns.allSatisfy({ $0.type != .text && $0.type != .boolean }) { order = RowOrderKeys.sorted(firstRows, byColumns) }
        order = order.filter { keep[$0] }
        guard order.count <= maxSeries else { throw Diagnostic.error("E189", order.count, maxSeries, hint: Message("H189")) }
        var slot = [Int](repeating: -1, count: firstRows.count)
        for (k, old) in order.enumerated() { slot[old] = k }
        let count = order.count
        // Each series' points: dense by whole-number x (years, periods, categories) when their range is
        // small, else — numbers spread over a wide range — means of `maxPoints` intervals of x.
        var lo = Double.infinity, hi = -Double.infinity
        for i in 0..<n where xValid[i] { lo = min(lo, xs[i]); hi = max(hi, xs[i]) }
        let integral: Bool = { if case .numbers(false) = axis { return false }; return true }()
        let dense = lo <= hi && integral && hi - lo < Double(1 << 20)
        // A mean of huge values could overflow; values are summed as they are (at most 1e300 each
        // after the scale's clamp), so a cell of several 1e308 is infinite and drawn as a gap.
        // Few distinct x over a wide range (or fractions): each its own point, found by its rank.
        var distinct: [Double] = [], rank: [Double: Int] = [:]
        if !dense, lo <= hi {
            var seen = Set<Double>()
            for i in 0..<n where xValid[i] { seen.insert(xs[i]); if seen.count > maxPoints { break } }
            if seen.count <= maxPoints { distinct = seen.sorted(); for (k, v) in distinct.enumerated() { rank[v] = k } }
        }
        let exact = dense || !distinct.isEmpty
        let cells = lo > hi ? 0 : dense ? Int(hi - lo) + 1 : !distinct.isEmpty ? distinct.count : maxPoints
        var sumY = [Double](repeating: 0, count: count * cells), sumX = sumY
        var present = [Int](repeating: 0, count: count * cells), rows = present
        for i in 0..<n where xValid[i] {
            let k = seriesOfRow[i] < 0 ? -1 : slot[Int(seriesOfRow[i])]
            guard k >= 0, xs[i] != dropX else { continue }
            let b = dense ? Int(xs[i] - lo) : !distinct.isEmpty ? rank[xs[i]]! : min(cells - 1, Int(fraction(xs[i], lo, hi) * Double(cells)))
            let at = k * cells + b
            rows[at] += 1; sumX[at] += xs[i]
            // An infinite value has no place on an axis: a gap, as a missing one.
            if valueColumn.isValid(i), values[i].isFinite { sumY[at] += values[i]; present[at] += 1 }
        }
        // Years and periods come in steps: a step missing from a series is a gap in its line, as a
        // missing value is (a line never bridges a period that has no row).
        var step: Double? = nil
        if case .periods = axis { step = 1 }
        if case .numbers(true) = axis, dense {
            var used = [Bool](repeating: false, count: cells)
            for (at, r) in rows.enumerated() where r > 0 { used[at % cells] = true }
            let xsUsed = used.indices.filter { used[$0] }
            step = zip(xsUsed, xsUsed.dropFirst()).map { Double($1 - $0) }.min()
        }
        var series: [Chart.Series] = []
        var averaged = 0, binned = 0
        for k in 0..<count {
            var points: [Chart.Point] = []
            for b in 0..<cells where rows[k * cells + b] > 0 {
                let at = k * cells + b
                if exact { averaged += rows[at] - 1 } else { binned += rows[at] }
                let x = dense ? lo + Double(b) : !distinct.isEmpty ? distinct[b] : sumX[at] / Double(rows[at])
                if let step, kind == .line, let last = points.last, x - last.x > step * 1.5 { points.append(Chart.Point(x: last.x + step, y: nil)) }
                points.append(Chart.Point(x: x, y: present[at] > 0 ? sumY[at] / Double(present[at]) : nil))
            }
            series.append(Chart.Series(name: seriesNames[order[k]], isTotal: seriesTotal[order[k]], points: points))
        }
        if kind == .bar, case .categories(let names) = axis, names.count * max(1, request.stacked ? 1 : series.count) > maxBars {
            throw Diagnostic.error("E190", names.count * max(1, request.stacked ? 1 : series.count), maxBars, hint: Message("H190"))
        }
        // Values shown beside bars with the column's decimals, or as many as the terminal's tables use.
        let decimals = valueColumn.decimals ?? NumberFormatting.decimals(for: series.flatMap { $0.points.compactMap(\.y) })
        let chart = Chart(kind: kind, title: request.title, xLabel: request.x, yLabel: request.yLabel ?? valueName, xAxis: axis,
                          series: series, stacked: request.stacked, decimals: decimals)
        return Built(chart: chart, averagedRows: averaged, binnedRows: exact ? 0 : binned)
    }

    /// The x axis and each row's x: numbers, period ordinals, or the index of a category (text, in
    /// order of first appearance, a total last), found per dictionary entry rather than per row.
    static func xValues(_ column: Column, totalCode: String) throws -> (Chart.XAxis, [Double], [Bool]) {
        let n = column.count
        var xs = [Double](repeating: 0, count: n)
        var valid = (0..<n).map { column.isValid($0) }
        switch column.storage {
        case .integer(let v):
            for i in 0..<n { xs[i] = Double(v[i]) }
            return (.numbers(integral: true), xs, valid)
        case .number(let v):
            for i in 0..<n { xs[i] = v[i]; valid[i] = valid[i] && v[i].isFinite }
            return (.numbers(integral: false), xs, valid)
        case .period(let codes):
            var frequency: Frequency? = nil, first: Period? = nil
            for i in 0..<n where valid[i] {
                guard let p = Period(code: codes[i]) else { valid[i] = false; continue }
                if let f = frequency, f != p.frequency, let a = first {
                    throw Diagnostic.error("E178", a.description, p.description, Message(a.frequency.wordKey), Message(p.frequency.wordKey), hint: Message("H178"))
                }
                frequency = p.frequency
                first = first ?? p
                xs[i] = Double(p.ordinal)
            }
            return (.periods(frequency ?? .annual), xs, valid)
        case .text(let codes, let dictionary):
            var index = [Int](repeating: -1, count: dictionary.count), names: [String] = []
            for i in 0..<n where valid[i] && codes[i] >= 0 && index[Int(codes[i])] < 0 {
                index[Int(codes[i])] = names.count
                names.append(dictionary.values[Int(codes[i])])
            }
            // A total category last.
            if let t = names.firstIndex(of: totalCode), t != names.count - 1 {
                let moved = names.remove(at: t)
                names.append(moved)
                for c in index.indices where index[c] >= 0 { index[c] = names.firstIndex(of: dictionary.values[c])! }
            }
            for i in 0..<n { if valid[i] && codes[i] >= 0 { xs[i] = Double(index[Int(codes[i])]) } else { valid[i] = false } }
            return (.categories(names), xs, valid)
        case .boolean(let b):
            var names: [String] = []
            for i in 0..<n where valid[i] { let s = b[i] ? "true" : "false"; if !names.contains(s) { names.append(s) } }
            for i in 0..<n where valid[i] { xs[i] = Double(names.firstIndex(of: b[i] ? "true" : "false")!) }
            return (.categories(names), xs, valid)
        }
    }

    /// Each row's series (-1 when its x is missing) as a number, and the first row of each series:
    /// the key columns' dense codes combined into one integer.
    static func seriesCodes(_ columns: [Column], rows n: Int, valid: [Bool]) -> ([Int32], [Int]) {
        var combined = [Int](repeating: 0, count: n)
        var cardinality = 1
        for c in columns {
            let (codes, card) = denseCodes(c)
            if cardinality.multipliedReportingOverflow(by: card).overflow || cardinality * card > 1 << 40 {
                // Renumber what is there so far (rare: many keys of many values).
                var ids: [Int: Int] = [:]
                for i in 0..<n { combined[i] = ids[combined[i]] ?? { ids[combined[i]] = ids.count; return ids.count - 1 }() }
                cardinality = max(1, ids.count)
            }
            for i in 0..<n { combined[i] = combined[i] * card + codes[i] }
            cardinality *= card
        }
        var firstRows: [Int] = []
        var out = [Int32](repeating: -1, count: n)
        // Few combinations (the usual case): an array from code to series, no hashing per row.
        if cardinality <= 1 << 22 {
            var slot = [Int32](repeating: -1, count: cardinality)
            for i in 0..<n where valid[i] {
                let c = combined[i]
                if slot[c] < 0 {
                    if firstRows.count > 10_000 { break }
                    slot[c] = Int32(firstRows.count)
                    firstRows.append(i)
                }
                out[i] = slot[c]
            }
            return (out, firstRows)
        }
        var ids: [Int: Int32] = [:]
        for i in 0..<n where valid[i] {
            if let id = ids[combined[i]] { out[i] = id } else {
                let id = Int32(firstRows.count)
                ids[combined[i]] = id
                firstRows.append(i)
                out[i] = id
                if firstRows.count > 10_000 { break }
            }
        }
        return (out, firstRows)
    }

    /// Codes 0 (missing) … card − 1 for one key column: dictionary codes, booleans, small ranges of
    /// whole numbers directly, anything else numbered.
    static func denseCodes(_ c: Column) -> ([Int], Int) {
        let n = c.count
        switch c.storage {
        case .text(let codes, let d):
            return ((0..<n).map { c.isValid($0) && codes[$0] >= 0 ? Int(codes[$0]) + 1 : 0 }, d.count + 1)
        case .boolean(let b):
            return ((0..<n).map { c.isValid($0) ? (b[$0] ? 2 : 1) : 0 }, 3)
        case .integer(let v), .period(let v):
            var lo = Int64.max, hi = Int64.min
            for i in 0..<n where c.isValid(i) { lo = min(lo, v[i]); hi = max(hi, v[i]) }
            if lo <= hi, hi.subtractingReportingOverflow(lo).partialValue < 1 << 20, !hi.subtractingReportingOverflow(lo).overflow {
                return ((0..<n).map { c.isValid($0) ? Int(v[$0] - lo) + 1 : 0 }, Int(hi - lo) + 2)
            }
            var ids: [Int64: Int] = [:]
            let codes = (0..<n).map { i -> Int in
                guard c.isValid(i) else { return 0 }
                if let id = ids[v[i]] { return id }
                ids[v[i]] = ids.count + 1
                return ids.count
            }
            return (codes, ids.count + 1)
        case .number(let v):
            var ids: [UInt64: Int] = [:]
            let codes = (0..<n).map { i -> Int in
                guard c.isValid(i), !v[i].isNaN else { return 0 }
                let bits = (v[i] == 0 ? 0.0 : v[i]).bitPattern
                if let id = ids[bits] { return id }
                ids[bits] = ids.count + 1
                return ids.count
            }
            return (codes, ids.count + 1)
        }
    }

    /// The column drawn: asked for, an indicator's `value`, or the one number column left.
    static func valueColumn(_ table: Table, _ request: ChartRequest) throws -> String {
        if let v = request.values {
            guard table.column(v) != nil else { throw Diagnostic.error("E012", v, hint: Suggestions.hint(for: v, in: table.names)) }
            return v
        }
        if table.column("value") != nil { return "value" }
        let candidates = zip(table.names, table.columns).filter { name, c in
            c.type.isNumeric && name != request.x && !request.by.contains(name)
        }.map(\.0)
        guard candidates.count == 1 else {
            throw Diagnostic.error("E188", candidates.count, MessageArgument.names(candidates), hint: Message("H188"))
        }
        return candidates[0]
    }

}

extension Chart.XAxis {
    var isCategories: Bool { if case .categories = self { return true } else { return false } }
}

/// Series ordered by the values of their key columns at their first row (numbers and periods).
enum RowOrderKeys {
    static func sorted(_ rows: [Int], _ columns: [Column]) -> [Int] {
        func key(_ row: Int, _ c: Column) -> Double {
            guard row >= 0, c.isValid(row) else { return .infinity }
            switch c.storage {
            case .integer(let v), .period(let v): return Double(v[row])
            case .number(let v): return v[row]
            default: return 0
            }
        }
        return rows.indices.sorted { a, b in
            for c in columns {
                let x = key(rows[a], c), y = key(rows[b], c)
                if x != y { return x < y }
            }
            return a < b
        }
    }
}

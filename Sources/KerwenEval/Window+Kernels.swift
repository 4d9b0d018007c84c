// The window kernels: each row reads rows of its group in the frame's order. Results are written
// into typed storage (`WindowResults`), never a boxed value per row.

import KerwenData
import KerwenDiagnostics
import KerwenSema

/// A window kernel's results: whole numbers while every result is one (an overflow or a fraction
/// makes the column numbers, as `Column.from` types a mix), with a validity bitmap.
struct WindowResults {
    private var integers: [Int64], numbers: [Double], valid: Bitmap
    private var sawNumber = false, sawAny = false

    init(rows n: Int) {
        integers = [Int64](repeating: 0, count: n)
        numbers = [Double](repeating: 0, count: n)
        valid = Bitmap(count: n, value: false)
    }

    mutating func set(_ row: Int, integer v: Int64) {
        integers[row] = v
        numbers[row] = Double(v)
        valid[row] = true
        sawAny = true
    }

    mutating func set(_ row: Int, number v: Double) {
        numbers[row] = v
        valid[row] = true
        sawNumber = true
        sawAny = true
    }

    /// The column: numbers unless every result is a whole number and `type` allows that; with no
    /// result at all, a column of na of `type` (numbers without one), as before any row was set.
    func column(_ type: ColumnType?) -> Column {
        guard sawAny else { return Column.from([Scalar](repeating: .na, count: numbers.count), type: type) }
        if !sawNumber && type != .number { return Column(.integer(integers), validity: valid) }
        return Column(.number(numbers), validity: valid)
    }
}

extension WindowFrame {
    /// The window kernels, one case per `WindowKernel`, no default. `values` hold every row;
    /// `count`: the second argument of `lag`, `lead` and `running_mean`.
    func apply(_ kernel: WindowKernel, _ values: [Column], count: Scalar?, order: Column, rows n: Int, span: Span) throws -> Value {
        let name = kernel.rawValue
        // The first argument read once (not for lag and lead, which gather it): its numbers as
        // doubles (integers widened), its whole numbers, which rows hold a number.
        var doubles: [Double]? = nil, integers: [Int64]? = nil, present = [Bool](repeating: false, count: kernel == .lag || kernel == .lead ? 0 : n)
        if kernel != .lag && kernel != .lead, let first = values.first, let d = first.asDoubles() {
            doubles = d
            if case .integer(let v) = first.storage { integers = v }
            if let validity = first.validity { for r in 0..<n { present[r] = validity[r] && !d[r].isNaN } } else { for r in 0..<n { present[r] = !d[r].isNaN } }
        }
        var out = WindowResults(rows: n)
        switch kernel {
        case .lag, .lead:
            var k = 1
            if let count {
                guard case .integer(let kk) = count, kk >= 0, kk < 1_000_000 else { throw Diagnostic(.error, Message("E061", name), at: span) }
                k = Int(kk)
            }
            // The earlier (later) row of each row's series, -1 (na) where there is none.
            let back = kernel == .lag ? k : -k
            return .column(values[0].gather((0..<n).map { row(frameRow: $0, back: back) }))
        case .diff, .growth:
            for r in 0..<n where present[r] {
                guard let other = row(r, back: 1), present[other], let doubles else { continue }
                if kernel == .growth {
                    if doubles[other] != 0 { out.set(r, number: (doubles[r] - doubles[other]) / doubles[other]) }
                } else if let integers {
                    let (d, overflow) = integers[r].subtractingReportingOverflow(integers[other])
                    if overflow { out.set(r, number: Double(integers[r]) - Double(integers[other])) } else { out.set(r, integer: d) }
                } else {
                    out.set(r, number: doubles[r] - doubles[other])
                }
            }
            return .column(out.column(kernel == .growth ? .number : values[0].type))
        case .cumsum:
            // Missing values are left out of the running sum, as `sum` leaves them out; before the
            // first value the sum is of nothing: na, as `sum` of nothing is.
            guard let doubles else { return .column(out.column(.number)) }
            for g in 0..<groupCount {
                var total = 0.0, whole: Int64 = 0, exact = integers != nil, seen = false
                for p in start[g]..<start[g + 1] {
                    let r = rows[p]
                    if present[r] {
                        seen = true
                        total += doubles[r]
                        if exact, let integers {
                            let (s, overflow) = whole.addingReportingOverflow(integers[r])
                            if overflow { exact = false } else { whole = s }
                        }
                    }
                    guard seen else { continue }
                    if exact { out.set(r, integer: whole) } else { out.set(r, number: total) }
                }
            }
            return .column(out.column(integers != nil ? nil : .number))
        case .running_mean:
            guard case .integer(let kk)? = count, kk >= 1, kk <= 10_000 else { throw Diagnostic(.error, Message("E061", name), at: span) }
            let k = Int(kk)
            if let doubles {
                for r in 0..<n where groupOf[r] >= 0 {
                    var sum = 0.0, count = 0
                    for back in 0..<k { if let other = row(r, back: back), present[other] { sum += doubles[other]; count += 1 } }
                    if count > 0 { out.set(r, number: sum / Double(count)) }
                }
            }
            return .column(out.column(.number))
        case .row_number, .rank, .dense_rank:
            // Ties by the order value: whole numbers and periods as they are, others by sort rank.
            let rank = WindowFrame.sortRank(order)
            let sameValue: (Int, Int) -> Bool = keys.map { keys in { keys[$0] == keys[$1] } } ?? { rank(rows[$0]) == rank(rows[$1]) }
            for g in 0..<groupCount {
                var rankHere = 0, dense = 0
                for p in start[g]..<start[g + 1] {
                    let i = p - start[g]
                    if i == 0 || !sameValue(p - 1, p) { rankHere = i + 1; dense += 1 }
                    out.set(rows[p], integer: Int64(kernel == .row_number ? i + 1 : kernel == .rank ? rankHere : dense))
                }
            }
            return .column(out.column(.integer))
        case .share_of_total:
            if let doubles {
                for g in 0..<groupCount {
                    var total = 0.0
                    for p in start[g]..<start[g + 1] where present[rows[p]] { total += doubles[rows[p]] }
                    guard total != 0 else { continue }
                    for p in start[g]..<start[g + 1] where present[rows[p]] { out.set(rows[p], number: doubles[rows[p]] / total) }
                }
            }
            return .column(out.column(.number))
        }
    }

    /// `row(_:back:)` as a gather index: -1 where there is none.
    private func row(frameRow r: Int, back k: Int) -> Int { row(r, back: k) ?? -1 }
}

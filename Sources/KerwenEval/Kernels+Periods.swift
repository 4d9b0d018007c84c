// Periods in comparisons and arithmetic: `p >= "2023-Q1"`, `p + 1` (the next period), `p - q`
// (periods between). Both sides must be of one frequency — a quarter is never compared with a
// month: which month of the quarter would it be? — and that is checked row by row.

import KerwenData
import KerwenDiagnostics
import KerwenSyntax

/// Period codes, one broadcast scalar (stride 0) or a column.
struct PeriodOperand {
    let codes: [Int64]
    let validity: Bitmap?
    let stride: Int

    init?(_ v: Vec) {
        switch v {
        case .scalar(.period(let p)): codes = [p.code]; validity = nil; stride = 0
        case .column(let c):
            guard case .period(let d) = c.storage else { return nil }
            codes = d; validity = c.validity; stride = 1
        default: return nil
        }
    }

    @inline(__always) func isValid(_ i: Int) -> Bool { validity?[i * stride] ?? true }
    @inline(__always) func code(_ i: Int) -> Int64 { codes[i * stride] }
}

extension Kernels {
    static func involvesPeriods(_ l: Vec, _ r: Vec) -> Bool { l.type == .period || r.type == .period }

    /// The other side of a comparison with a period, read as a period: a text literal in any
    /// period form (`"2023Q1"`), a whole number as a year.
    static func asPeriod(_ v: Vec, span: Span) throws -> Vec {
        switch v {
        case .scalar(.text(let s)):
            guard let p = Period(s) else { throw Diagnostic(.error, Message("E179", s), at: span, hint: Message("H179")) }
            return .scalar(.period(p))
        case .scalar(.integer(let y)):
            guard let p = Period.year(y) else { throw Diagnostic(.error, Message("E179", String(y)), at: span, hint: Message("H179")) }
            return .scalar(.period(p))
        default: return v
        }
    }

    static func comparePeriods(_ op: BinaryOp, _ l: Vec, _ r: Vec, count n: Int, scalar: Bool, span: Span) throws -> Value {
        let l = try asPeriod(l, span: span), r = try asPeriod(r, span: span)
        guard let a = PeriodOperand(l), let b = PeriodOperand(r) else {
            throw Diagnostic(.error, Message("E021", typeWord(l), typeWord(r)), at: span, hint: Message("H179"))
        }
        try sameFrequency(a, b, n, span: span)
        var out = [Bool](repeating: false, count: n)
        for i in 0..<n { out[i] = test(op, a.code(i), b.code(i)) }
        return wrap(Column(.boolean(out), validity: combineValidity(a.stride == 0 ? nil : a.validity, b.stride == 0 ? nil : b.validity)), scalar: scalar)
    }

    /// E178 at the first row whose two periods differ in frequency.
    private static func sameFrequency(_ a: PeriodOperand, _ b: PeriodOperand, _ n: Int, span: Span) throws {
        for i in 0..<n where a.isValid(i) && b.isValid(i) && a.code(i) >> Period.frequencyShift != b.code(i) >> Period.frequencyShift {
            guard let x = Period(code: a.code(i)), let y = Period(code: b.code(i)) else { continue }
            throw Diagnostic(.error, Message("E178", x.description, y.description, Message(x.frequency.wordKey), Message(y.frequency.wordKey)),
                             at: span, hint: Message("H178"))
        }
    }

    /// `p + k`, `k + p`, `p - k` (a period), `p - q` (an integer: periods from q to p).
    static func periodArithmetic(_ op: BinaryOp, _ l: Vec, _ r: Vec, count n: Int, scalar: Bool, span: Span) throws -> Value {
        if op == .subtract, let a = PeriodOperand(l), let b = PeriodOperand(try asPeriod(r, span: span)), r.type != .integer {
            try sameFrequency(a, b, n, span: span)
            var out = [Int64](repeating: 0, count: n)
            for i in 0..<n { out[i] = a.code(i) &- b.code(i) }
            return wrap(Column(.integer(out), validity: combineValidity(a.stride == 0 ? nil : a.validity, b.stride == 0 ? nil : b.validity)), scalar: scalar)
        }
        let shifted: (PeriodOperand, IntegerOperand, Int64)?
        switch op {
        case .add:
            if let a = PeriodOperand(l), let k = IntegerOperand(r) { shifted = (a, k, 1) }
            else if let a = PeriodOperand(r), let k = IntegerOperand(l) { shifted = (a, k, 1) }
            else { shifted = nil }
        case .subtract:
            if let a = PeriodOperand(l), let k = IntegerOperand(r) { shifted = (a, k, -1) } else { shifted = nil }
        default: shifted = nil
        }
        guard let (a, k, sign) = shifted else {
            throw Diagnostic(.error, Message("E181", op.rawValue, typeWord(l), typeWord(r)), at: span, hint: Message("H181"))
        }
        var out = [Int64](repeating: 0, count: n)
        var validity = combineValidity(a.stride == 0 ? nil : a.validity, k.stride == 0 ? nil : k.validity)
        var outOfRange: Period? = nil
        for i in 0..<n where validity?[i] ?? true {
            guard let p = Period(code: a.code(i)) else { continue }
            let step = k.values[i * k.stride]
            // Past year 9999 (or before 1) there is no period: na, and the first one said in an error.
            let small = step > -(1 << 36) && step < 1 << 36
            let q = Period(p.frequency, ordinal: p.ordinal + (small ? sign * step : 0))
            if !small || !Period.years.contains(q.year) {
                outOfRange = outOfRange ?? p
                if validity == nil { validity = Bitmap(count: n, value: true) }
                validity![i] = false
                continue
            }
            out[i] = q.code
        }
        if let p = outOfRange { throw Diagnostic(.error, Message("E182", p.description), at: span, hint: Message("H182")) }
        return wrap(Column(.period(out), validity: validity), scalar: scalar)
    }
}

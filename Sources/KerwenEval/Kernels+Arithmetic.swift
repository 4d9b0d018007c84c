// Arithmetic over columns: integers stay exact, `na` propagates, `x / 0` is `na` with one warning.

import Foundation
import KerwenData
import KerwenDiagnostics
import KerwenSyntax

extension Kernels {
    static func arithmetic(_ op: BinaryOp, _ l: Vec, _ r: Vec, count: Int, span: Span, context: KernelContext) throws -> Value {
        let scalar = isScalar(l) && isScalar(r)
        let n = scalar ? 1 : count
        if case .scalar(.na) = l { return naResult(scalar: scalar, n: n) }
        if case .scalar(.na) = r { return naResult(scalar: scalar, n: n) }
        if involvesPeriods(l, r) { return try periodArithmetic(op, l, r, count: n, scalar: scalar, span: span) }
        if op == .add || op == .subtract || op == .multiply, let a = IntegerOperand(l), let b = IntegerOperand(r) {
            if let result = integerArithmetic(op, a, b, n: n) { return wrap(result, scalar: scalar) }
            // Never a wrapped value: past Int64's range the whole result is computed in doubles, and said so.
            context.warn(Diagnostic(.note, Message("N002", op.rawValue), at: span))
        }
        guard let a = NumericOperand(l), let b = NumericOperand(r) else {
            let bad = NumericOperand(l) == nil ? l : r
            var hint: Message? = nil
            if op == .add, l.type == .text || r.type == .text { hint = Message("H046") }
            throw Diagnostic(.error, Message("E020", op.rawValue, typeWord(bad), Message("K.number")), at: span, hint: hint)
        }
        var validity = combineValidity(a.stride == 0 ? nil : a.validity, b.stride == 0 ? nil : b.validity)
        // One tight loop per operator over the whole column (the operator is not tested per row).
        var out: [Double] = a.values.withUnsafeBufferPointer { xb in
            b.values.withUnsafeBufferPointer { yb in
                let x = xb.baseAddress!, y = yb.baseAddress!, sx = a.stride, sy = b.stride
                return filledArray(n) { o in
                    // Element by element, so the rows are split over the cores.
                    forEachRange(n) { rows in
                        switch op {
                        case .add: for i in rows { o[i] = x[i &* sx] + y[i &* sy] }
                        case .subtract: for i in rows { o[i] = x[i &* sx] - y[i &* sy] }
                        case .multiply: for i in rows { o[i] = x[i &* sx] * y[i &* sy] }
                        case .divide: for i in rows { o[i] = x[i &* sx] / y[i &* sy] }
                        case .modulo:
                            for i in rows { let d = y[i &* sy]; o[i] = d == 0 ? 0 : x[i &* sx].truncatingRemainder(dividingBy: d) }
                        case .power: for i in rows { o[i] = Foundation.pow(x[i &* sx], y[i &* sy]) }
                        default: for i in rows { o[i] = .nan }
                        }
                    }
                }
            }
        }
        if op == .divide || op == .modulo {
            // Division by zero: na, and one warning counting the rows where both sides had a value.
            var zeroDivisions = 0, zeroByZero = 0
            // Over a table whose `where` was deferred, only the rows it kept are counted.
            let counted = context.activeRows.flatMap { $0.count == n ? $0 : nil }
            b.values.withUnsafeBufferPointer { y in
                let sy = b.stride
                for i in 0..<(sy == 0 ? min(n, 1) : n) where y[i &* sy] == 0 {
                    let rows = sy == 0 ? 0..<n : i..<(i + 1)
                    for r in rows {
                        if b.isValid(r) && a.isValid(r) && counted?[r] ?? true {
                            zeroDivisions += 1
                            // 0 / 0 (nothing over nothing: an empty cell) is told apart from x / 0.
                            if a.values[r &* a.stride] == 0 { zeroByZero += 1 }
                        }
                        if validity == nil { validity = Bitmap(count: n, value: true) }
                        validity![r] = false
                        out[r] = 0
                    }
                }
            }
            if zeroDivisions > 0 {
                context.warn(Diagnostic(.warning, Message("W001", zeroDivisions, zeroByZero, zeroDivisions - zeroByZero),
                                        at: span, hint: Message("H047")))
            }
        }
        // Results that are not numbers (0^-1, overflow to nan) become missing rather than poison sums.
        out.withUnsafeBufferPointer { o in
            for i in 0..<n where o[i].isNaN && (validity?[i] ?? true) {
                if validity == nil { validity = Bitmap(count: n, value: true) }
                validity![i] = false
            }
        }
        return wrap(Column(.number(out), validity: validity), scalar: scalar)
    }

    private static func naResult(scalar: Bool, n: Int) -> Value {
        scalar ? .scalar(.na) : .column(Column.repeating(.na, count: n))
    }

    /// Exact integer arithmetic; nil on overflow so the caller redoes it in doubles.
    private static func integerArithmetic(_ op: BinaryOp, _ a: IntegerOperand, _ b: IntegerOperand, n: Int) -> Column? {
        var out = [Int64](repeating: 0, count: n)
        for i in 0..<n {
            let x = a.values[i * a.stride], y = b.values[i * b.stride]
            let (v, overflow): (Int64, Bool)
            switch op {
            case .add: (v, overflow) = x.addingReportingOverflow(y)
            case .subtract: (v, overflow) = x.subtractingReportingOverflow(y)
            default: (v, overflow) = x.multipliedReportingOverflow(by: y)
            }
            if overflow { return nil }
            out[i] = v
        }
        return Column(.integer(out), validity: combineValidity(a.stride == 0 ? nil : a.validity, b.stride == 0 ? nil : b.validity))
    }
}

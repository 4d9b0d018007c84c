// Operand views shared by the kernels: a column or a broadcast scalar, read through one index.

import KerwenData
import KerwenDiagnostics
import KerwenSyntax

/// What a kernel may report, and which rows its counts are of: passed in, so kernels do not read
/// the interpreter.
struct KernelContext {
    let warn: (Diagnostic) -> Void
    /// The rows a deferred `where` kept while the kernel runs over every row (nil: all of them):
    /// row-counting warnings (division by zero) count these only.
    var activeRows: [Bool]? = nil
}

/// A numeric operand as contiguous doubles; a scalar is a one-element buffer read with stride 0.
struct NumericOperand {
    let values: [Double]
    let validity: Bitmap?
    let stride: Int
    let allMissing: Bool

    init?(_ v: Vec) {
        switch v {
        case .scalar(.na): values = [0]; validity = nil; stride = 0; allMissing = true
        case .scalar(.integer(let x)): values = [Double(x)]; validity = nil; stride = 0; allMissing = false
        case .scalar(.number(let x)): values = [x]; validity = nil; stride = 0; allMissing = false
        case .column(let c):
            guard let d = c.asDoubles() else { return nil }
            values = d; validity = c.validity; stride = 1; allMissing = false
        default: return nil
        }
    }

    @inline(__always) func isValid(_ i: Int) -> Bool {
        if allMissing { return false }
        guard let validity else { return true }
        return validity[i * stride]
    }
}

/// An integer operand, for arithmetic that stays exact on integers.
struct IntegerOperand {
    let values: [Int64]
    let validity: Bitmap?
    let stride: Int

    init?(_ v: Vec) {
        switch v {
        case .scalar(.integer(let x)): values = [x]; validity = nil; stride = 0
        case .column(let c):
            guard case .integer(let d) = c.storage else { return nil }
            values = d; validity = c.validity; stride = 1
        default: return nil
        }
    }
}

/// A boolean operand for `and`, `or`, `not`, `where` and `if`.
struct BooleanOperand {
    let values: [Bool]
    let validity: Bitmap?
    let stride: Int
    let allMissing: Bool

    init?(_ v: Vec) {
        switch v {
        case .scalar(.na): values = [false]; validity = nil; stride = 0; allMissing = true
        case .scalar(.boolean(let b)): values = [b]; validity = nil; stride = 0; allMissing = false
        case .column(let c):
            guard case .boolean(let d) = c.storage else {
                if c.missingCount == c.count { values = [false]; validity = nil; stride = 0; allMissing = true; return }
                return nil
            }
            values = d; validity = c.validity; stride = 1; allMissing = false
        default: return nil
        }
    }

    /// true / false / nil (na) at row i.
    @inline(__always) func at(_ i: Int) -> Bool? {
        if allMissing { return nil }
        if let validity, !validity[i * stride] { return nil }
        return values[i * stride]
    }
}

enum Kernels {
    /// Wraps kernel output: a scalar when every operand was a scalar, else a column.
    static func wrap(_ column: Column, scalar: Bool) -> Value {
        scalar ? .scalar(column.scalar(at: 0)) : .column(column)
    }

    static func isScalar(_ v: Vec) -> Bool { if case .scalar = v { return true } else { return false } }

    static func typeWord(_ v: Vec) -> Message {
        switch v {
        case .scalar(.na): return Message("K.na")
        default: return v.type.map(Message.typeName) ?? Message("K.na")
        }
    }

    static func unary(_ op: UnaryOp, _ x: Vec, count: Int, span: Span, warn: (Diagnostic) -> Void = { _ in }) throws -> Value {
        let scalar = isScalar(x)
        let n = scalar ? 1 : count
        switch op {
        case .negate:
            if let i = IntegerOperand(x) {
                var out = [Int64](repeating: 0, count: n)
                var overflow = false
                for k in 0..<n {
                    let (v, o) = Int64(0).subtractingReportingOverflow(i.values[k * i.stride])
                    out[k] = v
                    overflow = overflow || (o && (i.validity?[k * i.stride] ?? true))
                }
                if !overflow { return wrap(Column(.integer(out), validity: i.validity), scalar: scalar) }
                // -(-9223372036854775808) has no Int64: the column is negated as numbers, and said so.
                warn(Diagnostic(.note, Message("N002", "-"), at: span))
            }
            guard let d = NumericOperand(x) else { throw Diagnostic(.error, Message("E020", "-", typeWord(x), Message("K.number")), at: span) }
            if d.allMissing { return .scalar(.na) }
            var out = [Double](repeating: 0, count: n)
            for k in 0..<n { out[k] = -d.values[k * d.stride] }
            return wrap(Column(.number(out), validity: d.validity), scalar: scalar)
        case .not:
            guard let b = BooleanOperand(x) else { throw Diagnostic(.error, Message("E059", "not", typeWord(x)), at: span, hint: Message("H045")) }
            if b.allMissing { return .scalar(.na) }
            return wrap(Column(.boolean(b.values.map { !$0 }), validity: b.validity), scalar: scalar)
        }
    }
}

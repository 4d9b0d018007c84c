// Comparisons: numbers with numbers, text with text (once per dictionary entry), `na` is neither true nor false.

import KerwenData
import KerwenDiagnostics
import KerwenSyntax

extension Kernels {
    static func binary(_ op: BinaryOp, _ l: Vec, _ r: Vec, count: Int, span: Span, context: KernelContext) throws -> Value {
        if op.isArithmetic { return try arithmetic(op, l, r, count: count, span: span, context: context) }
        if op == .and || op == .or { return try logic(op, l, r, count: count, span: span) }
        return try compare(op, l, r, count: count, span: span, context: context)
    }

    @inline(__always)
    static func test<T: Comparable>(_ op: BinaryOp, _ a: T, _ b: T) -> Bool {
        switch op {
        case .equal: return a == b
        case .notEqual: return a != b
        case .less: return a < b
        case .lessEqual: return a <= b
        case .greater: return a > b
        default: return a >= b
        }
    }

    static func compare(_ op: BinaryOp, _ l: Vec, _ r: Vec, count: Int, span: Span, context: KernelContext) throws -> Value {
        let scalar = isScalar(l) && isScalar(r)
        let n = scalar ? 1 : count
        if case .scalar(.na) = l, true { return naComparison(scalar, n, span, context) }
        if case .scalar(.na) = r, true { return naComparison(scalar, n, span, context) }
        let lt = l.type, rt = r.type
        if involvesPeriods(l, r) { return try comparePeriods(op, l, r, count: n, scalar: scalar, span: span) }
        if lt?.isNumeric == true && rt?.isNumeric == true {
            // Integers against integers as they are (a year column is not widened to doubles first).
            if let a = IntegerOperand(l), let b = IntegerOperand(r) {
                let out = compareAll(op, a.values, a.stride, b.values, b.stride, n)
                return wrap(Column(.boolean(out), validity: combineValidity(a.stride == 0 ? nil : a.validity, b.stride == 0 ? nil : b.validity)), scalar: scalar)
            }
            let a = NumericOperand(l)!, b = NumericOperand(r)!
            let out = compareAll(op, a.values, a.stride, b.values, b.stride, n)
            return wrap(Column(.boolean(out), validity: combineValidity(a.stride == 0 ? nil : a.validity, b.stride == 0 ? nil : b.validity)), scalar: scalar)
        }
        if lt == .text && rt == .text { return compareText(op, l, r, n: n, scalar: scalar) }
        if lt == .boolean && rt == .boolean, op == .equal || op == .notEqual {
            let a = BooleanOperand(l)!, b = BooleanOperand(r)!
            var out = [Bool](repeating: false, count: n)
            var validity: Bitmap? = nil
            for i in 0..<n {
                guard let x = a.at(i), let y = b.at(i) else {
                    if validity == nil { validity = Bitmap(count: n, value: true) }
                    validity![i] = false
                    continue
                }
                out[i] = op == .equal ? x == y : x != y
            }
            return wrap(Column(.boolean(out), validity: validity), scalar: scalar)
        }
        // A column that is entirely missing compares as na whatever its stored type.
        if case .column(let c) = l, c.missingCount == c.count { return naComparison(scalar, n, span, context) }
        if case .column(let c) = r, c.missingCount == c.count { return naComparison(scalar, n, span, context) }
        var hint: Message? = nil
        if case .scalar(.text(let s)) = r, Double(s) != nil { hint = Message("H048", s) }
        if case .scalar(.text(let s)) = l, Double(s) != nil { hint = Message("H048", s) }
        throw Diagnostic(.error, Message("E021", typeWord(l), typeWord(r)), at: span, hint: hint)
    }

    /// `x[i] op y[i]` for every row, one loop per operator; stride 0 reads a broadcast scalar.
    private static func compareAll<T: Comparable>(_ op: BinaryOp, _ xs: [T], _ sx: Int, _ ys: [T], _ sy: Int, _ n: Int) -> [Bool] {
        xs.withUnsafeBufferPointer { xb in
            ys.withUnsafeBufferPointer { yb in
                let x = xb.baseAddress!, y = yb.baseAddress!
                return filledArray(n) { o in
                    forEachRange(n) { rows in
                        switch op {
                        case .equal: for i in rows { o[i] = x[i &* sx] == y[i &* sy] }
                        case .notEqual: for i in rows { o[i] = x[i &* sx] != y[i &* sy] }
                        case .less: for i in rows { o[i] = x[i &* sx] < y[i &* sy] }
                        case .lessEqual: for i in rows { o[i] = x[i &* sx] <= y[i &* sy] }
                        case .greater: for i in rows { o[i] = x[i &* sx] > y[i &* sy] }
                        default: for i in rows { o[i] = x[i &* sx] >= y[i &* sy] }
                        }
                    }
                }
            }
        }
    }

    private static func naComparison(_ scalar: Bool, _ n: Int, _ span: Span, _ context: KernelContext) -> Value {
        context.warn(Diagnostic(.warning, Message("W003"), at: span, hint: Message("H049")))
        return scalar ? .scalar(.na) : .column(Column(.boolean([Bool](repeating: false, count: n)), validity: Bitmap(count: n, value: false)))
    }

    /// Text comparison; a dictionary column against a constant is decided once per distinct value.
    private static func compareText(_ op: BinaryOp, _ l: Vec, _ r: Vec, n: Int, scalar: Bool) -> Value {
        switch (l, r) {
        case let (.scalar(.text(a)), .scalar(.text(b))):
            return .scalar(.boolean(test(op, a, b)))
        case let (.column(c), .scalar(.text(s))), let (.scalar(.text(s)), .column(c)):
            let flipped: Bool = { if case .scalar = l { return true }; return false }()
            guard case .text(let codes, let dict) = c.storage else { break }
            let perEntry = dict.values.map { flipped ? test(op, s, $0) : test(op, $0, s) }
            let out: [Bool] = codes.withUnsafeBufferPointer { k in
                perEntry.withUnsafeBufferPointer { e in
                    filledArray(n) { o in forEachRange(n) { rows in for i in rows { let code = k[i]; o[i] = code >= 0 && e[Int(code)] } } }
                }
            }
            return .column(Column(.boolean(out), validity: c.validity))
        case let (.column(a), .column(b)):
            guard case .text(let ca, let da) = a.storage, case .text(let cb, let db) = b.storage else { break }
            var out = [Bool](repeating: false, count: n)
            for i in 0..<n where ca[i] >= 0 && cb[i] >= 0 { out[i] = test(op, da[ca[i]], db[cb[i]]) }
            return .column(Column(.boolean(out), validity: combineValidity(a.validity, b.validity)))
        default: break
        }
        return .scalar(.na)
    }

    /// Kleene logic: `false and na` is false, `true or na` is true, otherwise na propagates.
    static func logic(_ op: BinaryOp, _ l: Vec, _ r: Vec, count: Int, span: Span) throws -> Value {
        guard let a = BooleanOperand(l) else { throw Diagnostic(.error, Message("E059", op.rawValue, typeWord(l)), at: span, hint: Message("H045")) }
        guard let b = BooleanOperand(r) else { throw Diagnostic(.error, Message("E059", op.rawValue, typeWord(r)), at: span, hint: Message("H045")) }
        let scalar = isScalar(l) && isScalar(r)
        let n = scalar ? 1 : count
        if !a.allMissing, !b.allMissing, a.validity == nil || a.stride == 0, b.validity == nil || b.stride == 0 {
            // No missing operand: plain boolean logic, one loop.
            let out: [Bool] = a.values.withUnsafeBufferPointer { xb in
                b.values.withUnsafeBufferPointer { yb in
                    let x = xb.baseAddress!, y = yb.baseAddress!, sx = a.stride, sy = b.stride
                    return filledArray(n) { o in
                        forEachRange(n) { rows in
                            if op == .and { for i in rows { o[i] = x[i &* sx] && y[i &* sy] } } else { for i in rows { o[i] = x[i &* sx] || y[i &* sy] } }
                        }
                    }
                }
            }
            return wrap(Column(.boolean(out)), scalar: scalar)
        }
        // With missing operands: each side is known (valid) or not; a known `false` decides `and`,
        // a known `true` decides `or`; otherwise the result is known only when both sides are.
        let isAnd = op == .and
        let known = { (o: BooleanOperand, i: Int) -> Bool in
            !o.allMissing && (o.validity.map { $0[i &* o.stride] } ?? true)
        }
        var out = [Bool](repeating: false, count: n)
        var anyMissing = false
        let valid = Bitmap(count: n) { i in
            let ka = known(a, i), kb = known(b, i)
            let va = a.values[i &* a.stride], vb = b.values[i &* b.stride]
            let decided = isAnd ? (ka && !va) || (kb && !vb) : (ka && va) || (kb && vb)
            if decided { out[i] = !isAnd; return true }
            if ka && kb { out[i] = isAnd ? (va && vb) : (va || vb); return true }
            anyMissing = true
            return false
        }
        return wrap(Column(.boolean(out), validity: anyMissing ? valid : nil), scalar: scalar)
    }

    /// `if c then a else b` over rows; a missing condition gives na.
    static func conditional(_ c: Vec, _ t: Vec, _ f: Vec, count: Int, span: Span) throws -> Value {
        guard let cond = BooleanOperand(c) else { throw Diagnostic(.error, Message("E059", "if", typeWord(c)), at: span, hint: Message("H045")) }
        let scalar = isScalar(c) && isScalar(t) && isScalar(f)
        if !scalar, let fast = numericConditional(cond, t, f, count: count) ?? textConditional(cond, t, f, count: count) {
            return .column(fast)
        }
        let n = scalar ? 1 : count
        let tc = t.materialize(n), fc = f.materialize(n)
        var cells: [Scalar] = []
        cells.reserveCapacity(n)
        for i in 0..<n {
            switch cond.at(i) {
            case true?: cells.append(tc.scalar(at: i))
            case false?: cells.append(fc.scalar(at: i))
            case nil: cells.append(.na)
            }
        }
        let types = Set([tc.type, fc.type].filter { _ in true })
        if types.contains(.text) && types.count > 1, tc.missingCount < n, fc.missingCount < n {
            throw Diagnostic(.error, Message("E060", Message.typeName(tc.type), Message.typeName(fc.type)), at: span)
        }
        return wrap(Column.from(cells), scalar: scalar)
    }

    /// `if c then "young" else "older"`: text branches (or `na`) chosen by code, the branches'
    /// dictionaries merged once; nil when a branch is not text.
    private static func textConditional(_ cond: BooleanOperand, _ t: Vec, _ f: Vec, count n: Int) -> Column? {
        func isNA(_ v: Vec) -> Bool { if case .scalar(.na) = v { return true } else { return false } }
        guard t.type == .text || isNA(t), f.type == .text || isNA(f), t.type == .text || f.type == .text else { return nil }
        var dict = TextDictionary()
        // Per branch: each row's code in the merged dictionary (-1 = missing), read through a map per entry.
        func branch(_ v: Vec) -> (codes: [Int32], map: [Int32], validity: Bitmap?)? {
            if isNA(v) { return nil }
            let c = v.materialize(n)
            guard case .text(let codes, let d) = c.storage else { return nil }
            return (codes, d.values.map { dict.encode($0) }, c.validity)
        }
        let yes = branch(t), no = branch(f)
        var codes = [Int32](repeating: -1, count: n)
        for i in 0..<n {
            guard let c = cond.at(i), let side = c ? yes : no else { continue }
            let k = side.codes[i]
            if k >= 0, side.validity?[i] ?? true { codes[i] = side.map[Int(k)] }
        }
        return Column(.text(codes: codes, dictionary: dict), validity: Bitmap(count: n) { codes[$0] >= 0 })
    }

    /// `if c then x else y` over numbers without a value per row: integers stay integers,
    /// a number on either side gives numbers; a missing condition or branch gives `na`.
    private static func numericConditional(_ cond: BooleanOperand, _ t: Vec, _ f: Vec, count n: Int) -> Column? {
        let numericOrNA: (Vec) -> Bool = { v in
            if case .scalar(.na) = v { return true }
            return v.type?.isNumeric ?? false
        }
        guard numericOrNA(t), numericOrNA(f), t.type != nil || f.type != nil else { return nil }
        var valid = Bitmap(count: n, value: true)
        if t.type != .number && f.type != .number {
            let ti = IntegerOperand(t), fi = IntegerOperand(f)
            var out = [Int64](repeating: 0, count: n)
            for i in 0..<n {
                switch cond.at(i) {
                case true?: if let ti, ti.validity?[i * ti.stride] ?? true { out[i] = ti.values[i * ti.stride] } else { valid[i] = false }
                case false?: if let fi, fi.validity?[i * fi.stride] ?? true { out[i] = fi.values[i * fi.stride] } else { valid[i] = false }
                case nil: valid[i] = false
                }
            }
            return Column(.integer(out), validity: valid)
        }
        guard let tn = NumericOperand(t), let fn = NumericOperand(f) else { return nil }
        if !cond.allMissing, !tn.allMissing, !fn.allMissing, cond.validity == nil || cond.stride == 0,
           tn.validity == nil || tn.stride == 0, fn.validity == nil || fn.stride == 0 {
            // Nothing missing: a choice per row, split over the cores.
            let out: [Double] = cond.values.withUnsafeBufferPointer { c in
                tn.values.withUnsafeBufferPointer { x in
                    fn.values.withUnsafeBufferPointer { y in
                        let sc = cond.stride, sx = tn.stride, sy = fn.stride
                        return filledArray(n) { o in
                            forEachRange(n) { rows in for i in rows { o[i] = c[i &* sc] ? x[i &* sx] : y[i &* sy] } }
                        }
                    }
                }
            }
            return Column(.number(out))
        }
        var out = [Double](repeating: 0, count: n)
        for i in 0..<n {
            switch cond.at(i) {
            case true?: if tn.isValid(i) { out[i] = tn.values[i * tn.stride] } else { valid[i] = false }
            case false?: if fn.isValid(i) { out[i] = fn.values[i * fn.stride] } else { valid[i] = false }
            case nil: valid[i] = false
            }
        }
        return Column(.number(out), validity: valid)
    }
}

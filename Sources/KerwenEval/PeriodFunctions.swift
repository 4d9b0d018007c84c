// Functions of periods: making one (`period("2023-Q1")`), reading its parts (`year`, `quarter`,
// `month`, `week`, `frequency`), its first and last day, and moving it to a coarser frequency
// (`to_year`, `to_half`, `to_quarter`, `to_month`). Over a column they run on the period codes.

import KerwenData
import KerwenDiagnostics
import KerwenSema
import KerwenSyntax

extension ScalarFunctions {
    static func periodFunction(_ kernel: ScalarKernel, _ arg: Vec, n: Int, scalar: Bool, span: Span, warn: (Diagnostic) -> Void) throws -> Value {
        let name = kernel.rawValue
        if case .scalar(.na) = arg { return .scalar(.na) }
        let periods = try periodCodes(arg, n: n, name: name, span: span, warn: warn)
        if kernel == .period { return Kernels.wrap(periods, scalar: scalar) }
        guard case .period(let codes) = periods.storage else { return .scalar(.na) }
        var validity = periods.validity
        func fail(_ p: Period, _ target: Frequency) -> Diagnostic {
            Diagnostic(.error, Message("E180", name, p.description, Message(p.frequency.wordKey), Message(target.wordKey)),
                       at: span, hint: Message("H180", name, Message(target.wordKey)))
        }
        /// Each row's answer from its period; nil for a period the function has no answer for.
        func each<T>(_ zero: T, _ f: (Period) -> T?, failing target: Frequency) throws -> [T] {
            var out = [T](repeating: zero, count: codes.count)
            var memo: (code: Int64, value: T)? = nil
            for i in 0..<codes.count where validity?[i] ?? true {
                if let m = memo, m.code == codes[i] { out[i] = m.value; continue }
                guard let p = Period(code: codes[i]) else { validity = validity ?? Bitmap(count: codes.count, value: true); validity![i] = false; continue }
                guard let v = f(p) else { throw fail(p, target) }
                out[i] = v
                memo = (codes[i], v)
            }
            return out
        }
        let column: Column
        switch kernel {
        case .year: column = Column(.integer(try each(0, { $0.year }, failing: .annual)), validity: validity)
        case .quarter: column = Column(.integer(try each(0, { $0.converted(to: .quarterly)?.number }, failing: .quarterly)), validity: validity)
        case .month: column = Column(.integer(try each(0, { $0.converted(to: .monthly)?.number }, failing: .monthly)), validity: validity)
        case .week:
            column = Column(.integer(try each(0, { p -> Int64? in
                switch p.frequency {
                case .weekly: return p.number
                case .daily: return Period(.weekly, ordinal: floorDivision(p.ordinal + 3, 7)).number
                default: return nil
                }
            }, failing: .weekly)), validity: validity)
        case .frequency:
            let letters = Frequency.allCases.map(\.rawValue)
            let index = try each(Int32(0), { p in Int32(Frequency.allCases.firstIndex(of: p.frequency)!) }, failing: .annual)
            column = Column(.text(codes: index.enumerated().map { validity?[$0.offset] ?? true ? $0.element : -1 }, dictionary: TextDictionary(letters)), validity: validity)
        case .start_date: column = Column(.period(try each(0, { Period(.daily, ordinal: $0.firstDay).code }, failing: .daily)), validity: validity)
        case .end_date: column = Column(.period(try each(0, { Period(.daily, ordinal: $0.lastDay).code }, failing: .daily)), validity: validity)
        case .to_year, .to_half, .to_quarter, .to_month:
            let target: Frequency = kernel == .to_year ? .annual : kernel == .to_half ? .halfYear : kernel == .to_quarter ? .quarterly : .monthly
            column = Column(.period(try each(0, { $0.converted(to: target)?.code }, failing: target)), validity: validity)
        default:
            // `period` returned above; the other scalar kernels do not come here (`ScalarFunctions.apply`).
            throw Diagnostic(.error, Message("E014", name), at: span)
        }
        return Kernels.wrap(column, scalar: scalar)
    }

    @inline(__always) private static func floorDivision(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// The argument as a period column: periods as they are, text in any period form (once per
    /// distinct value), whole numbers as years. A literal that is no period is an error (E179); cells
    /// of a column that are none become na, counted in one warning (W010) with the first of them.
    static func periodCodes(_ arg: Vec, n: Int, name: String, span: Span, warn: (Diagnostic) -> Void) throws -> Column {
        switch arg {
        case .scalar(.period(let p)): return Column(.period([p.code]))
        case .scalar(.text(let s)):
            guard let p = Period(s) else { throw Diagnostic(.error, Message("E179", s), at: span, hint: Message("H179")) }
            return Column(.period([p.code]))
        case .scalar(.integer(let y)):
            guard let p = Period.year(y) else { throw Diagnostic(.error, Message("E179", String(y)), at: span, hint: Message("H179")) }
            return Column(.period([p.code]))
        case .column(let c):
            var bad = 0
            var firstBad: String? = nil
            var validity = c.validity ?? Bitmap(count: c.count, value: true)
            var out = [Int64](repeating: 0, count: c.count)
            switch c.storage {
            case .period: return c
            case .text(let codes, let dict):
                let entries = dict.values.map { Period($0)?.code }
                for i in 0..<codes.count where validity[i] {
                    guard codes[i] >= 0, let code = entries[Int(codes[i])] else {
                        validity[i] = false
                        bad += 1
                        if firstBad == nil, codes[i] >= 0 { firstBad = dict.values[Int(codes[i])] }
                        continue
                    }
                    out[i] = code
                }
            case .integer(let v):
                for i in 0..<v.count where validity[i] {
                    guard let p = Period.year(v[i]) else { validity[i] = false; bad += 1; firstBad = firstBad ?? String(v[i]); continue }
                    out[i] = p.code
                }
            default:
                throw Diagnostic(.error, Message("E020", name, Kernels.typeWord(arg), Message("K.period")), at: span, hint: Message("H179"))
            }
            if bad > 0 { warn(Diagnostic(.warning, Message("W010", bad, firstBad ?? ""), at: span, hint: Message("H179"))) }
            return Column(.period(out), validity: validity)
        default:
            throw Diagnostic(.error, Message("E020", name, Kernels.typeWord(arg), Message("K.period")), at: span, hint: Message("H179"))
        }
    }
}

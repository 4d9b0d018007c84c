// Builtin scalar functions, each written once and run over whole columns (text ones once per dictionary entry).

import Foundation
import KerwenData
import KerwenDiagnostics
import KerwenSema
import KerwenSyntax

enum ScalarFunctions {
    /// Runs a scalar builtin's kernel: one case per `ScalarKernel`, no default, so a new entry in the
    /// builtin table does not compile until it has its kernel here.
    static func apply(_ kernel: ScalarKernel, _ args: [Vec], count: Int, span: Span, warn: (Diagnostic) -> Void = { _ in }) throws -> Value {
        let scalar = args.allSatisfy { Kernels.isScalar($0) }
        let n = scalar ? 1 : count
        let name = kernel.rawValue
        switch kernel {
        case .period, .year, .quarter, .month, .week, .frequency, .start_date, .end_date, .to_year, .to_half, .to_quarter, .to_month:
            return try periodFunction(kernel, args[0], n: n, scalar: scalar, span: span, warn: warn)
        case .m49, .iso2, .iso3, .country_name:
            // Read through the session's country crosswalk (`Interpreter.countryFunction`).
            throw Diagnostic(.error, Message("E014", name), at: span)
        case .abs: return try math(args[0], n, scalar, span, name) { Swift.abs($0) }
        case .floor: return try math(args[0], n, scalar, span, name) { $0.rounded(.down) }
        case .ceil: return try math(args[0], n, scalar, span, name) { $0.rounded(.up) }
        case .sqrt: return try math(args[0], n, scalar, span, name) { $0 < 0 ? .nan : $0.squareRoot() }
        case .log: return try math(args[0], n, scalar, span, name) { $0 <= 0 ? .nan : Foundation.log($0) }
        case .log10: return try math(args[0], n, scalar, span, name) { $0 <= 0 ? .nan : Foundation.log10($0) }
        case .exp: return try math(args[0], n, scalar, span, name) { Foundation.exp($0) }
        case .round:
            // Digits that differ by row (`round(x, d)` with a column d): rounded row by row.
            if args.count > 1, case .column = args[1] { return try roundPerRow(args, n, span, name) }
            var digits = 0
            if args.count > 1 {
                guard case .scalar(let d) = args[1], let dv = d.doubleValue else { throw Diagnostic(.error, Message("E061", name), at: span) }
                // Past ±400 digits every double is already exact (or rounds to 0), so the count is held there.
                digits = Swift.max(-400, Swift.min(400, Int(saturating: dv)))
            }
            let f = Foundation.pow(10.0, Double(digits))
            // Half away from zero, as statistical offices publish. Where x · 10^digits is past a double's
            // range, x has no digits left to round at that place: it is its own value (or 0 for 10^digits = 0).
            let rounded = try math(args[0], n, scalar, span, name) { x in
                if f == 0 { return x.isFinite ? 0 * x : x }
                let scaled = x * f
                return scaled.isFinite && f.isFinite ? scaled.rounded(.toNearestOrAwayFromZero) / f : x
            }
            // The digits asked for are kept on screen and in files: round(49.1, 2) is written 49.10.
            if case .column(var c) = rounded, c.type == .number, (1...15).contains(digits) {
                c.decimals = digits
                return .column(c)
            }
            return rounded
        case .least, .greatest:
            let cols = args.map { $0.materialize(n) }
            var cells: [Scalar] = []
            for i in 0..<n {
                let vals = cols.compactMap { $0.scalar(at: i).doubleValue }
                cells.append(vals.isEmpty ? .na : .number(name == "least" ? vals.min()! : vals.max()!))
            }
            return Kernels.wrap(Column.from(cells, type: .number), scalar: scalar)
        case .coalesce:
            if !scalar, let fast = numericCoalesce(args, n) { return .column(fast) }
            let cols = args.map { $0.materialize(n) }
            var cells: [Scalar] = []
            for i in 0..<n { cells.append(cols.lazy.map { $0.scalar(at: i) }.first { !$0.isNA } ?? .na) }
            return Kernels.wrap(Column.from(cells), scalar: scalar)
        case .is_na:
            let c = args[0].materialize(n)
            if case .scalar(.na) = args[0] { return Kernels.wrap(Column(.boolean([Bool](repeating: true, count: n))), scalar: scalar) }
            guard let validity = c.validity else { return Kernels.wrap(Column(.boolean([Bool](repeating: false, count: n))), scalar: scalar) }
            return Kernels.wrap(Column(.boolean(validity.words.withUnsafeBufferPointer { w in
                filledArray(n) { o in forEachRange(n) { rows in for i in rows { o[i] = w[i >> 6] & (1 << UInt64(i & 63)) == 0 } } }
            })), scalar: scalar)
        case .lower: return try text(args[0], n, scalar, span, name) { .text($0.lowercased()) }
        case .upper: return try text(args[0], n, scalar, span, name) { .text($0.uppercased()) }
        case .trim: return try text(args[0], n, scalar, span, name) { .text($0.trimmingCharacters(in: .whitespaces)) }
        case .length: return try text(args[0], n, scalar, span, name) { .integer(Int64($0.count)) }
        case .contains, .starts_with, .ends_with:
            guard case .scalar(.text(let part)) = args[1] else { throw Diagnostic(.error, Message("E062", name), at: span) }
            return try text(args[0], n, scalar, span, name) { s in
                .boolean(name == "contains" ? s.contains(part) : name == "starts_with" ? s.hasPrefix(part) : s.hasSuffix(part))
            }
        case .replace:
            guard case .scalar(.text(let old)) = args[1], case .scalar(.text(let new)) = args[2] else { throw Diagnostic(.error, Message("E062", name), at: span) }
            return try text(args[0], n, scalar, span, name) { .text($0.replacingOccurrences(of: old, with: new)) }
        case .substr:
            if args.dropFirst().contains(where: { if case .column = $0 { return true } else { return false } }) {
                return try substrPerRow(args, n, span, name)
            }
            guard case .scalar(let st) = args[1], let start = st.doubleValue else { throw Diagnostic(.error, Message("E061", name), at: span) }
            var length = Int.max  // no length: to the end
            if args.count > 2 { guard case .scalar(let l) = args[2], let lv = l.doubleValue else { throw Diagnostic(.error, Message("E061", name), at: span) }; length = max(0, Int(saturating: lv)) }
            return try text(args[0], n, scalar, span, name) { s in
                let chars = Array(s)
                let from = max(0, Int(saturating: start) - 1)
                guard from < chars.count else { return .text("") }
                let to = length == Int.max ? chars.count : min(chars.count, from + length)
                return .text(String(chars[from..<to]))
            }
        case .format:
            let (decimals, grouped) = try formatPattern(args[1], span)
            let f = Foundation.pow(10.0, Double(decimals))
            guard let a = NumericOperand(args[0]) else {
                if case .scalar(.na) = args[0] { return .scalar(.na) }
                throw Diagnostic(.error, Message("E020", name, Kernels.typeWord(args[0]), Message("K.number")), at: span)
            }
            var cells: [Scalar] = []
            cells.reserveCapacity(n)
            for i in 0..<n {
                guard a.isValid(i) else { cells.append(.na); continue }
                let x = a.values[i * a.stride]
                let scaled = x * f
                let rounded = scaled.isFinite ? scaled.rounded(.toNearestOrAwayFromZero) / f : x
                cells.append(.text(Self.formatted(rounded, decimals: decimals, grouped: grouped)))
            }
            return Kernels.wrap(Column.from(cells, type: .text), scalar: scalar)
        case .concat:
            if !scalar, let fast = textConcat(args, n) { return .column(fast) }
            let cols = args.map { $0.materialize(n) }
            var cells: [Scalar] = []
            for i in 0..<n {
                let parts = cols.map { $0.scalar(at: i) }
                cells.append(parts.contains { $0.isNA } ? .na : .text(parts.map(ScalarFormat.plain).joined()))
            }
            return Kernels.wrap(Column.from(cells, type: .text), scalar: scalar)
        case .text:
            if case .column(let c) = args[0], let fast = textOfValues(c) { return .column(fast) }
            let c = args[0].materialize(n)
            return Kernels.wrap(Column.from((0..<n).map { i in c.scalar(at: i).isNA ? .na : .text(ScalarFormat.plain(c.scalar(at: i))) }, type: .text), scalar: scalar)
        case .number, .integer:
            // A whole number past Int64's range has no integer: na, counted in one warning (W004).
            var outOfRange = 0
            defer { if outOfRange > 0 { warn(Diagnostic(.warning, Message("W004", outOfRange), at: span, hint: Message("H070"))) } }
            func converted(_ d: Double) -> Scalar {
                guard name == "integer" else { return .number(d) }
                guard let v = Int64(towardZero: d) else { outOfRange += 1; return .na }
                return .integer(v)
            }
            if case .column(let c) = args[0], case .text(let codes, let dict) = c.storage {
                // Text read as numbers once per distinct value.
                let entries = dict.values.map { s -> Scalar in
                    guard let d = Double(s.trimmingCharacters(in: .whitespaces)), d.isFinite else { return .na }
                    return converted(d)
                }
                return .column(spread(entries, codes: codes, validity: c.validity, type: name == "integer" ? .integer : .number))
            }
            let c = args[0].materialize(n)
            let cells: [Scalar] = (0..<n).map { i in
                let v = c.scalar(at: i)
                let d: Double?
                switch v {
                case .text(let s): d = Double(s.trimmingCharacters(in: .whitespaces))
                case .boolean(let b): d = b ? 1 : 0
                default: d = v.doubleValue
                }
                guard let d, d.isFinite else { return .na }
                return converted(d)
            }
            return Kernels.wrap(Column.from(cells, type: name == "integer" ? .integer : .number), scalar: scalar)
        }
    }

    /// `format`'s second argument: a count of decimals (0–15), or a pattern of `0`s after a point,
    /// with `,` for thousands groups (`"#,##0.00"`).
    private static func formatPattern(_ v: Vec, _ span: Span) throws -> (decimals: Int, grouped: Bool) {
        switch v {
        case .scalar(.integer(let d)) where (0...15).contains(d): return (Int(d), false)
        case .scalar(.text(let p)):
            // `#,##0.00`: digits (`#`, `0`) and thousands commas before an optional point, only `0`s after it.
            let parts = p.split(separator: ".", omittingEmptySubsequences: false)
            let whole = parts[0], fraction = parts.count > 1 ? parts[1] : ""
            guard parts.count <= 2, !whole.isEmpty, whole.allSatisfy({ "#0,".contains($0) }), whole.last != ",", whole.first != ",",
                  fraction.allSatisfy({ $0 == "0" }), parts.count == 1 || !fraction.isEmpty, fraction.count <= 15 else {
                throw Diagnostic(.error, Message("E138", p), at: span, hint: Message("H107"))
            }
            return (fraction.count, whole.contains(","))
        default:
            throw Diagnostic(.error, Message("E061", "format"), at: span, hint: Message("H107"))
        }
    }

    static func formatted(_ x: Double, decimals: Int, grouped: Bool) -> String {
        if x.isNaN { return "na" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        let text = String(format: "%.\(decimals)f", x)
        guard grouped else { return text }
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1)
        var digits = Array(parts[0]), out: [Character] = []
        while digits.count > 3 { out.insert(contentsOf: [","] + digits.suffix(3), at: 0); digits.removeLast(3) }
        out.insert(contentsOf: digits, at: 0)
        return (negative ? "-" : "") + String(out) + (parts.count > 1 ? "." + parts[1] : "")
    }

    private static func math(_ x: Vec, _ n: Int, _ scalar: Bool, _ span: Span, _ name: String, _ f: (Double) -> Double) throws -> Value {
        if case .scalar(.na) = x { return .scalar(.na) }
        guard let a = NumericOperand(x) else { throw Diagnostic(.error, Message("E020", name, Kernels.typeWord(x), Message("K.number")), at: span) }
        var out = [Double](repeating: 0, count: n)
        var validity = a.stride == 0 ? nil : a.validity
        for i in 0..<n {
            let v = f(a.values[i * a.stride])
            out[i] = v
            if v.isNaN {
                if validity == nil { validity = Bitmap(count: n, value: true) }
                validity![i] = false
            }
        }
        return Kernels.wrap(Column(.number(out), validity: validity), scalar: scalar)
    }

    /// Applies a text function once per distinct value, then maps the codes.
    private static func text(_ x: Vec, _ n: Int, _ scalar: Bool, _ span: Span, _ name: String, _ f: (String) -> Scalar) throws -> Value {
        switch x {
        case .scalar(.na): return .scalar(.na)
        case .scalar(.text(let s)): return .scalar(f(s))
        case .column(let c):
            guard case .text(let codes, let dict) = c.storage else { break }
            return .column(spread(dict.values.map(f), codes: codes, validity: c.validity, type: nil))
        default: break
        }
        throw Diagnostic(.error, Message("E020", name, Kernels.typeWord(x), Message("K.text")), at: span, hint: Message("H050", name))
    }

    /// A column whose row i is `entries[codes[i]]` (na where the code is -1 or the cell is missing):
    /// a function computed once per dictionary entry, spread over the rows by code — no value per row.
    private static func spread(_ entries: [Scalar], codes: [Int32], validity: Bitmap?, type: ColumnType?) -> Column {
        let perEntry = Column.from(entries, type: type ?? entries.lazy.compactMap(\.type).first)
        let rows: [Int] = codes.withUnsafeBufferPointer { k in
            filledArray(k.count) { o in
                for i in 0..<k.count { o[i] = k[i] >= 0 && (validity?[i] ?? true) ? Int(k[i]) : -1 }
            }
        }
        return perEntry.gather(rows)
    }

    /// `coalesce` over numbers: each row's first value, integers kept when every argument is an
    /// integer; nil for other types (the general path).
    private static func numericCoalesce(_ args: [Vec], _ n: Int) -> Column? {
        func isNA(_ v: Vec) -> Bool { if case .scalar(.na) = v { return true } else { return false } }
        guard args.allSatisfy({ isNA($0) || $0.type?.isNumeric == true }), !args.allSatisfy(isNA) else { return nil }
        let integers = args.allSatisfy { isNA($0) || $0.type == .integer }
        var valid = Bitmap(count: n, value: false)
        if integers {
            let ops = args.compactMap(IntegerOperand.init)
            var out = [Int64](repeating: 0, count: n)
            for i in 0..<n {
                for op in ops where op.validity?[i &* op.stride] ?? true { out[i] = op.values[i &* op.stride]; valid[i] = true; break }
            }
            return Column(.integer(out), validity: valid)
        }
        let ops = args.compactMap(NumericOperand.init).filter { !$0.allMissing }
        var out = [Double](repeating: 0, count: n)
        for i in 0..<n {
            for op in ops where op.isValid(i) { out[i] = op.values[i &* op.stride]; valid[i] = true; break }
        }
        return Column(.number(out), validity: valid)
    }

    /// `concat` of text columns and constants: each distinct combination of the columns' codes is
    /// joined once; nil for other arguments (the general path formats row by row).
    private static func textConcat(_ args: [Vec], _ n: Int) -> Column? {
        var parts: [(codes: [Int32], dict: TextDictionary, validity: Bitmap?)?] = []
        var cardinality = 1
        for a in args {
            switch a {
            case .scalar(.text), .scalar(.integer), .scalar(.number), .scalar(.boolean): parts.append(nil)
            case .column(let c):
                guard case .text(let codes, let dict) = c.storage else { return nil }
                let (product, overflow) = cardinality.multipliedReportingOverflow(by: dict.count + 1)
                guard !overflow, product <= 1 << 22 else { return nil }
                cardinality = product
                parts.append((codes, dict, c.validity))
            default: return nil
            }
        }
        // Per row: the combination's code (0 for a part that is missing), then its text once.
        var resultOf = [Int32](repeating: -2, count: cardinality)
        var dict = TextDictionary()
        var codes = [Int32](repeating: -1, count: n)
        for i in 0..<n {
            var combo = 0, missing = false
            for p in parts {
                guard let p else { continue }
                let k = p.codes[i]
                if k < 0 || !(p.validity?[i] ?? true) { missing = true; break }
                combo = combo * (p.dict.count + 1) + Int(k) + 1
            }
            if missing { continue }
            if resultOf[combo] == -2 {
                var text = ""
                for (a, p) in zip(args, parts) {
                    if let p { text += p.dict[p.codes[i]] } else if case .scalar(let v) = a { text += ScalarFormat.plain(v) }
                }
                resultOf[combo] = dict.encode(text)
            }
            codes[i] = resultOf[combo]
        }
        let valid = Bitmap(count: n) { codes[$0] >= 0 }
        return Column(.text(codes: codes, dictionary: dict), validity: valid)
    }

    /// `text(x)` of a number, integer or boolean column: each distinct value formatted once (years,
    /// codes and flags have few), the rows given its code.
    private static func textOfValues(_ c: Column) -> Column? {
        let n = c.count
        var dict = TextDictionary()
        var codes = [Int32](repeating: -1, count: n)
        switch c.storage {
        case .integer(let v):
            var seen: [Int64: Int32] = [:]
            for i in 0..<n where c.isValid(i) {
                if let k = seen[v[i]] { codes[i] = k } else { let k = dict.encode(String(v[i])); seen[v[i]] = k; codes[i] = k }
            }
        case .number(let v):
            var seen: [UInt64: Int32] = [:]
            for i in 0..<n where c.isValid(i) {
                let bits = (v[i] == 0 ? 0.0 : v[i]).bitPattern
                if let k = seen[bits] { codes[i] = k } else { let k = dict.encode(ScalarFormat.number(v[i])); seen[bits] = k; codes[i] = k }
            }
        case .boolean(let v):
            for i in 0..<n where c.isValid(i) { codes[i] = dict.encode(v[i] ? "true" : "false") }
        case .period(let v):
            var seen: [Int64: Int32] = [:]
            for i in 0..<n where c.isValid(i) {
                if let k = seen[v[i]] { codes[i] = k } else { let k = dict.encode(Period(code: v[i])?.description ?? ""); seen[v[i]] = k; codes[i] = k }
            }
        case .text:
            return c
        }
        return Column(.text(codes: codes, dictionary: dict), validity: c.validity)
    }
}

extension ScalarFunctions {
    /// `round(x, d)` where d is a column: each row's digits (na digits give na).
    static func roundPerRow(_ args: [Vec], _ n: Int, _ span: Span, _ name: String) throws -> Value {
        guard let x = NumericOperand(args[0]) else { throw Diagnostic(.error, Message("E020", name, Kernels.typeWord(args[0]), Message("K.number")), at: span) }
        guard let d = NumericOperand(args[1]) else { throw Diagnostic(.error, Message("E020", name, Kernels.typeWord(args[1]), Message("K.number")), at: span) }
        var out = [Double](repeating: 0, count: n)
        var valid = Bitmap(count: n, value: true)
        for i in 0..<n {
            guard x.isValid(i), d.isValid(i) else { valid[i] = false; continue }
            let v = x.values[i * x.stride]
            let f = Foundation.pow(10.0, Double(Swift.max(-400, Swift.min(400, Int(saturating: d.values[i * d.stride])))))
            let scaled = v * f
            out[i] = f == 0 ? (v.isFinite ? 0 * v : v) : (scaled.isFinite && f.isFinite ? scaled.rounded(.toNearestOrAwayFromZero) / f : v)
        }
        return .column(Column(.number(out), validity: valid.setCount == n ? nil : valid))
    }

    /// `substr(text, start, length)` where start or length is a column: each row's own.
    static func substrPerRow(_ args: [Vec], _ n: Int, _ span: Span, _ name: String) throws -> Value {
        let texts = args[0].materialize(n)
        guard texts.type == .text || args[0].type == nil else { throw Diagnostic(.error, Message("E020", name, Kernels.typeWord(args[0]), Message("K.text")), at: span, hint: Message("H050", name)) }
        guard let start = NumericOperand(args[1]) else { throw Diagnostic(.error, Message("E061", name), at: span) }
        let length = args.count > 2 ? NumericOperand(args[2]) : nil
        if args.count > 2, length == nil { throw Diagnostic(.error, Message("E061", name), at: span) }
        var cells: [Scalar] = []
        cells.reserveCapacity(n)
        for i in 0..<n {
            guard case .text(let s) = texts.scalar(at: i), start.isValid(i), length.map({ $0.isValid(i) }) ?? true else { cells.append(.na); continue }
            let chars = Array(s)
            let from = Swift.max(0, Int(saturating: start.values[i * start.stride]) - 1)
            let count = length.map { Swift.max(0, Int(saturating: $0.values[i * $0.stride])) } ?? Int.max
            guard from < chars.count else { cells.append(.text("")); continue }
            let to = count >= chars.count - from ? chars.count : from + count
            cells.append(.text(String(chars[from..<to])))
        }
        return .column(Column.from(cells, type: .text))
    }
}

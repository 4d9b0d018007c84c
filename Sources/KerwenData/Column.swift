// A typed column: contiguous storage plus an optional validity bitmap (nil = no missing cells).

public enum ColumnType: String, Sendable, CaseIterable {
    case integer, number, text, boolean, period

    public var isNumeric: Bool { self == .integer || self == .number }
}

public struct Column: Sendable {
    public enum Storage: Sendable {
        case integer([Int64])
        case number([Double])
        case text(codes: [Int32], dictionary: TextDictionary)
        case boolean([Bool])
        /// `Period.code`s: frequency-major, consecutive within a frequency.
        case period([Int64])
    }

    public var storage: Storage
    public var validity: Bitmap?
    /// How many decimals a number column is shown and written with, when the script fixed it
    /// (`round(x, 2)`, an indicator's `decimals:`), so 49.10 stays 49.10 in a file; nil: the
    /// shortest text that reads back as the same number. Kept by row selection and stacking.
    public var decimals: Int?

    public init(_ storage: Storage, validity: Bitmap? = nil) {
        self.storage = storage
        self.validity = validity.flatMap { $0.allSet ? nil : $0 }
    }

    public var type: ColumnType {
        switch storage {
        case .integer: return .integer
        case .number: return .number
        case .text: return .text
        case .boolean: return .boolean
        case .period: return .period
        }
    }

    public var count: Int {
        switch storage {
        case .integer(let v): return v.count
        case .number(let v): return v.count
        case .text(let c, _): return c.count
        case .boolean(let v): return v.count
        case .period(let v): return v.count
        }
    }

    @inline(__always) public func isValid(_ i: Int) -> Bool { validity?[i] ?? true }

    public var missingCount: Int { validity.map { $0.count - $0.setCount } ?? 0 }

    /// One cell as a scalar (for rendering and scalar contexts, not hot loops).
    public func scalar(at i: Int) -> Scalar {
        guard isValid(i) else { return .na }
        switch storage {
        case .integer(let v): return .integer(v[i])
        case .number(let v): return v[i].isNaN ? .na : .number(v[i])
        case .text(let c, let d): return .text(d[c[i]])
        case .boolean(let v): return .boolean(v[i])
        case .period(let v): return Period(code: v[i]).map(Scalar.period) ?? .na
        }
    }

    /// The column as doubles (integers widened), with its validity.
    public func asDoubles() -> [Double]? {
        switch storage {
        case .number(let v): return v
        case .integer(let v): return v.map { Double($0) }
        default: return nil
        }
    }

    /// A column of `count` copies of a scalar.
    public static func repeating(_ value: Scalar, count: Int) -> Column {
        switch value {
        case .na: return Column(.number([Double](repeating: 0, count: count)), validity: Bitmap(count: count, value: false))
        case .integer(let v): return Column(.integer([Int64](repeating: v, count: count)))
        case .number(let v): return Column(.number([Double](repeating: v, count: count)))
        case .boolean(let v): return Column(.boolean([Bool](repeating: v, count: count)))
        case .period(let p): return Column(.period([Int64](repeating: p.code, count: count)))
        case .text(let s): return Column(.text(codes: [Int32](repeating: 0, count: count), dictionary: TextDictionary([s])))
        }
    }

    /// Builds a column from scalars (for small results: summaries, indicator tables).
    public static func from(_ values: [Scalar], type hint: ColumnType? = nil) -> Column {
        let n = values.count
        var validity = Bitmap(count: n, value: true)
        var type = hint
        for v in values {
            guard let t = v.type else { continue }
            if type == nil { type = t } else if type == .integer && t == .number { type = .number } else if type != t && !(type == .number && t == .integer) { type = .text }
        }
        for (i, v) in values.enumerated() where v.isNA { validity[i] = false }
        switch type ?? .number {
        case .integer:
            return Column(.integer(values.map { if case .integer(let x) = $0 { return x }; return 0 }), validity: validity)
        case .number:
            return Column(.number(values.map { $0.doubleValue ?? 0 }), validity: validity)
        case .boolean:
            return Column(.boolean(values.map { if case .boolean(let x) = $0 { return x }; return false }), validity: validity)
        case .period:
            return Column(.period(values.map { if case .period(let p) = $0 { return p.code }; return 0 }), validity: validity)
        case .text:
            var dict = TextDictionary()
            let codes = values.map { v -> Int32 in
                switch v {
                case .na: return -1
                case .text(let s): return dict.encode(s)
                default: return dict.encode(ScalarFormat.plain(v))
                }
            }
            return Column(.text(codes: codes, dictionary: dict), validity: validity)
        }
    }
}

/// Plain text of a scalar (exports, text conversion); numbers in shortest round-trip form.
public enum ScalarFormat {
    public static func plain(_ v: Scalar) -> String {
        switch v {
        case .na: return ""
        case .integer(let x): return String(x)
        case .number(let x): return number(x)
        case .text(let s): return s
        case .boolean(let b): return b ? "true" : "false"
        case .period(let p): return p.description
        }
    }

    /// Shortest text that reads back as the same double; integral values without ".0".
    public static func number(_ x: Double) -> String {
        if x.isNaN { return "" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }
}

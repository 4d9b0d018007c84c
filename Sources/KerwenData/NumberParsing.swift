// Parses numbers straight from CSV bytes, without making a String per field.

enum ParsedNumber {
    case integer(Int64)
    case number(Double)
    case invalid
}

/// Powers of ten that are exact in a Double (Clinger's fast path).
private let exactPowersOfTen: [Double] = (0...22).map { e in
    var p = 1.0
    for _ in 0..<e { p *= 10 }
    return p
}

enum NumberParser {
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 }

    /// Trims ASCII spaces and tabs from both ends of a field.
    @inline(__always)
    static func trim(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        var s = start, e = end
        while s < e, isSpace(p[s]) { s += 1 }
        while e > s, isSpace(p[e - 1]) { e -= 1 }
        return (s, e)
    }

    /// `[+-]digits[.digits][(e|E)[+-]digits]`; integers without point or exponent that fit Int64.
    /// Exact for up to 15 significant digits and small exponents; otherwise falls back to the
    /// correctly rounded standard-library parser.
    static func parse(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> ParsedNumber {
        var i = start
        guard i < end else { return .invalid }
        var negative = false
        if p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") { negative = p[i] == UInt8(ascii: "-"); i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0, significant = 0
        var intDigits = 0
        var fracExp = 0
        var overflow = false
        while i < end, p[i] &- 48 < 10 {
            let d = UInt64(p[i] &- 48)
            if significant < 19 {
                mantissa = mantissa * 10 + d
                if mantissa > 0 { significant += 1 }
            } else { overflow = true; fracExp += 1 }
            digits += 1; intDigits += 1; i += 1
        }
        var isInteger = true
        if i < end, p[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            while i < end, p[i] &- 48 < 10 {
                if significant < 19 {
                    mantissa = mantissa * 10 + UInt64(p[i] &- 48)
                    if mantissa > 0 { significant += 1 }
                    fracExp -= 1
                } else { overflow = true }
                digits += 1; i += 1
            }
        }
        guard digits > 0 else { return .invalid }
        var exp = 0
        if i < end, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
            isInteger = false
            i += 1
            var expNegative = false
            if i < end, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") { expNegative = p[i] == UInt8(ascii: "-"); i += 1 }
            var expDigits = 0
            while i < end, p[i] &- 48 < 10 {
                if exp < 100_000 { exp = exp * 10 + Int(p[i] &- 48) }
                expDigits += 1; i += 1
            }
            guard expDigits > 0 else { return .invalid }
            if expNegative { exp = -exp }
        }
        guard i == end else { return .invalid }
        if isInteger, !overflow, intDigits <= 18 {
            let v = Int64(mantissa)
            return .integer(negative ? -v : v)
        }
        let totalExp = exp + fracExp
        if !overflow, significant <= 15, abs(totalExp) <= 22 {
            var v = Double(mantissa)
            v = totalExp < 0 ? v / exactPowersOfTen[-totalExp] : v * exactPowersOfTen[totalExp]
            return .number(negative ? -v : v)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self)
        if let v = Double(text) { return .number(v) }
        return .invalid
    }
}

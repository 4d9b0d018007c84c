// Parses numbers straight from CSV bytes, without making a String per field.

enum ParsedNumber {
    case integer(Int64)
    case number(Double)
    /// Integer syntax past Int64: a column of such cells is read as text, so no digit is lost
    /// (unless the column is forced to numbers, where this is the nearest double).
    case hugeInteger(Double)
    case invalid
}

/// Powers of ten that are exact in a Double (Clinger's fast path), 0…22. A switch, not a global
/// array: a global is initialised lazily and every read would pay for the check.
@inline(__always)
private func exactPowerOfTen(_ e: Int) -> Double {
    switch e {
    case 0: 1e0; case 1: 1e1; case 2: 1e2; case 3: 1e3; case 4: 1e4; case 5: 1e5; case 6: 1e6; case 7: 1e7
    case 8: 1e8; case 9: 1e9; case 10: 1e10; case 11: 1e11; case 12: 1e12; case 13: 1e13; case 14: 1e14
    case 15: 1e15; case 16: 1e16; case 17: 1e17; case 18: 1e18; case 19: 1e19; case 20: 1e20; case 21: 1e21
    default: 1e22
    }
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
    @inline(__always)
    static func parse(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> ParsedNumber {
        if end > start, end - start <= 16, let base = p.baseAddress, let fast = parseShort(base, start, end) { return fast }
        return parseGeneral(p, start, end)
    }

    /// The common cell: `[-]digits[.digits]`, at most 16 bytes, and nothing after it.
    @inline(__always)
    private static func parseShort(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> ParsedNumber? {
        guard let (value, stop) = scanShort(base, start, end), stop == end else { return nil }
        return value
    }

    /// Reads a cell of the form `[-]digits[.digits]` (at most 15 digits) in the same pass that finds
    /// where the field ends: the byte after it must be the delimiter, a line end or the end of the
    /// buffer. Returns the value and that position, or nil — nothing consumed — for any other cell
    /// (empty, spaces, exponent, long, marker), which the caller then scans the general way.
    @inline(__always)
    static func scanShortField(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, delimiter: UInt8) -> (ParsedNumber, Int)? {
        guard let (value, i) = scanShort(base, start, end) else { return nil }
        guard i == end || base[i] == delimiter || base[i] == 10 || (base[i] == 13 && i + 1 < end && base[i + 1] == 10) else { return nil }
        return (value, i)
    }

    /// `[-]digits[.digits]` from `start`, stopping at the first other byte: the value and where it
    /// stopped. At most 15 digits — exact in a Double's mantissa, and divided by an exact power of
    /// ten it is correctly rounded (Clinger); more, or no digit at all, gives nil.
    @inline(__always)
    private static func scanShort(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> (ParsedNumber, Int)? {
        var i = start
        let negative = i < end && base[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var mantissa: UInt64 = 0
        let digitsStart = i
        while i < end {
            let d = base[i] &- 48
            if d >= 10 { break }
            mantissa = mantissa &* 10 &+ UInt64(d)
            i += 1
        }
        let intDigits = i - digitsStart
        var fracDigits = 0, isInteger = true
        if i < end, base[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            let fracStart = i
            while i < end {
                let d = base[i] &- 48
                if d >= 10 { break }
                mantissa = mantissa &* 10 &+ UInt64(d)
                i += 1
            }
            fracDigits = i - fracStart
        }
        // More than 15 digits may have wrapped the mantissa: the general parser reads those.
        guard intDigits + fracDigits > 0, intDigits + fracDigits <= 15 else { return nil }
        if isInteger {
            let v = Int64(mantissa)
            return (.integer(negative ? -v : v), i)
        }
        let v = Double(mantissa) / exactPowerOfTen(fracDigits)
        return (.number(negative ? -v : v), i)
    }

    static func parseGeneral(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> ParsedNumber {
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
        guard digits > 0 else { return infinity(p, i, end, negative: negative) }
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
        if isInteger {
            // Up to 19 significant digits fit the mantissa (< 10^19 < 2^64); Int64 decides the rest.
            if !overflow, mantissa <= UInt64(Int64.max) {
                let v = Int64(mantissa)
                return .integer(negative ? -v : v)
            }
            if !overflow, negative, mantissa == UInt64(Int64.max) + 1 { return .integer(.min) }
            let text = String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self)
            return .hugeInteger(Double(text) ?? (negative ? -.infinity : .infinity))
        }
        let totalExp = exp + fracExp
        if !overflow, significant <= 15, abs(totalExp) <= 22 {
            var v = Double(mantissa)
            v = totalExp < 0 ? v / exactPowerOfTen(-totalExp) : v * exactPowerOfTen(totalExp)
            return .number(negative ? -v : v)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self)
        if let v = Double(text) { return .number(v) }
        return .invalid
    }

    /// `inf`, `infinity` in any case, after the sign already read: what Kerwen, R and DuckDB
    /// write for an infinite number, so an exported file reads back as the numbers it holds.
    private static func infinity(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, negative: Bool) -> ParsedNumber {
        let n = end - i
        guard n == 3 || n == 8 else { return .invalid }
        let word = Array("infinity".utf8)
        for k in 0..<n where p[i + k] | 0x20 != word[k] { return .invalid }
        return .number(negative ? -.infinity : .infinity)
    }
}

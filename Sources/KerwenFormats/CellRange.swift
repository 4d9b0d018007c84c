// Spreadsheet cell references: `B7` ↔ (column 1, row 6), ranges `A5:H200`, and Excel's date serials.

import KerwenData

public struct CellReference: Equatable, Sendable {
    /// Zero-based.
    public var column: Int, row: Int

    public init(column: Int, row: Int) { self.column = column; self.row = row }

    /// `AB12`: letters for the column, digits for the row (`$` marks of absolute references ignored).
    public init?(_ text: String) {
        var column = 0, row = 0, letters = 0, digits = 0
        for c in text.unicodeScalars where c != "$" {
            if c.value >= 65 && c.value <= 90 || c.value >= 97 && c.value <= 122, digits == 0 {
                column = column * 26 + Int((c.value & ~0x20) - 64)
                letters += 1
                if letters > 3 { return nil }
            } else if c.value >= 48 && c.value <= 57, letters > 0 {
                row = row * 10 + Int(c.value - 48)
                digits += 1
                if digits > 7 { return nil }
            } else { return nil }
        }
        guard letters > 0, digits > 0, row >= 1 else { return nil }
        self.column = column - 1
        self.row = row - 1
    }

    /// The letters of a zero-based column: 0 → A, 26 → AA.
    public static func letters(_ column: Int) -> String {
        var n = column + 1, out: [Character] = []
        while n > 0 { n -= 1; out.insert(Character(Unicode.Scalar(UInt8(65 + n % 26))), at: 0); n /= 26 }
        return String(out)
    }

    public var text: String { Self.letters(column) + String(row + 1) }
}

public struct CellRange: Equatable, Sendable {
    public var first: CellReference, last: CellReference

    public init(first: CellReference, last: CellReference) {
        self.first = CellReference(column: min(first.column, last.column), row: min(first.row, last.row))
        self.last = CellReference(column: max(first.column, last.column), row: max(first.row, last.row))
    }

    /// `A5:H200`, or one cell `B2`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let a = CellReference(String(parts[0])), let b = CellReference(String(parts.last!)) else { return nil }
        self.init(first: a, last: b)
    }

    public func contains(column: Int, row: Int) -> Bool {
        (first.column...last.column).contains(column) && (first.row...last.row).contains(row)
    }
}

/// Excel stores dates as days since 1899-12-30 (the 1900 system, whose day 60 is the 29 February 1900
/// that never was) or since 1904-01-01.
enum ExcelDate {
    /// `yyyy-mm-dd`, with ` hh:mm:ss` when the serial has a time of day.
    static func text(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        let seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if !date1904, days < 61 { days += 1 }  // before the phantom 29 February 1900
        // Days from 1970-01-01 of the epoch, then the civil date (Howard Hinnant's algorithm).
        let fromUnix = days + (date1904 ? -24_107 : -25_569)
        let (y, m, d) = civil(fromUnix)
        var out = String(format: "%04d-%02d-%02d", y, m, d)
        if seconds > 0, seconds < 86_400 { out += String(format: " %02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60) }
        return out
    }

    static func civil(_ days: Int) -> (Int, Int, Int) {
        let d = CivilDate.civil(Int64(days))
        return (Int(d.year), Int(d.month), Int(d.day))
    }

    /// The days from 1899-12-30 of a civil date (for the writer's tests and dates written back).
    static func serial(year: Int, month: Int, day: Int) -> Int {
        Int(CivilDate.days(year: Int64(year), month: Int64(month), day: Int64(day))) + 25_569
    }

    /// Whether a number format shows a date: Excel's built-in date formats, or a code with a day or
    /// a year in it (outside quoted text and `[…]` sections).
    static func isDateFormat(id: Int, code: String?) -> Bool {
        // Built in: 14–17 and 22 are dates (22 with a time), 27–36 and 50–58 East Asian dates;
        // 18–21 and 45–47 are times of day only, which stay numbers.
        if (14...17).contains(id) || id == 22 || (27...36).contains(id) || (50...58).contains(id) { return true }
        if (18...21).contains(id) || (45...47).contains(id) || id < 164 && code == nil { return false }
        guard let code else { return false }
        var plain = "", inQuote = false, inBracket = false
        for c in code {
            if c == "\"" { inQuote.toggle(); continue }
            if !inQuote && c == "[" { inBracket = true; continue }
            if inBracket { if c == "]" { inBracket = false }; continue }
            if !inQuote && c != "\\" { plain.append(c) }
        }
        let lower = plain.lowercased()
        return lower.contains("y") || lower.contains("d")
    }

    /// Whether the format shows only a year (`yyyy`): such cells are years, not dates.
    static func isYearOnly(code: String?) -> Bool {
        guard let code else { return false }
        let lower = code.lowercased().filter { $0 != "\"" }
        return lower == "yyyy" || lower == "yy"
    }
}

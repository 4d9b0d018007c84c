// Numbers as Russian-locale Excel writes them in its CSV: `;` between fields, a decimal comma
// (`6,2`) and spaces between thousands (`1 250`). The reader reads such a column as text; here a
// text column whose every value is such a number becomes a number column, once per distinct value.

import Foundation

public enum DecimalComma {
    /// How numbers are written in a file: the decimal mark, and what separates thousands (nil:
    /// any kind of space, as Russian-locale Excel writes them).
    public struct Format: Sendable, Equatable {
        public var decimal: Character
        public var thousands: Character?
        public init(decimal: Character = ",", thousands: Character? = nil) { self.decimal = decimal; self.thousands = thousands }
    }

    /// The number a cell means in `format`, or nil. A stated thousands separator must group the
    /// integer part by threes (`1,250.5`), so `1,25` is never read as 125.
    static func number(_ text: String, format: Format) -> Double? {
        guard let thousands = format.thousands else {
            return format.decimal == "," ? number(text) : Double(text.trimmingCharacters(in: .whitespaces))
        }
        var s = text.trimmingCharacters(in: .whitespaces)
        let sign = s.hasPrefix("-") ? "-" : ""
        if s.hasPrefix("-") || s.hasPrefix("+") { s.removeFirst() }
        let parts = s.split(separator: format.decimal, maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty else { return nil }
        let isSpace = { (c: Character) in c == " " || c == "\u{00A0}" || c == "\u{202F}" }
        let groups = whole.split(omittingEmptySubsequences: false) { thousands == " " ? isSpace($0) : $0 == thousands }
        guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        let digits = groups.joined()
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var plain = sign + digits
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            plain += "." + parts[1]
        }
        return Double(plain)
    }

    /// The number a cell means with a decimal comma and space-grouped thousands, or nil.
    static func number(_ text: String) -> Double? {
        var s = text.trimmingCharacters(in: .whitespaces)
        // Thousands separated by a space, a no-break or a narrow no-break space.
        s = s.replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: "\u{202F}", with: "").replacingOccurrences(of: " ", with: "")
        guard !s.isEmpty, s.filter({ $0 == "," }).count <= 1, !s.contains(".") else { return nil }
        let body = s.hasPrefix("-") || s.hasPrefix("+") ? s.dropFirst() : Substring(s)
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ",") }), body.first != ",", body.last != "," else { return nil }
        return Double(s.replacingOccurrences(of: ",", with: "."))
    }

    /// `table` with each text column (not in `keepText`) whose every value is such a number read as
    /// numbers; `needComma`: only columns where some value has a decimal comma (the proof, when the
    /// format was not stated). Also the names of the columns converted.
    public static func converted(_ table: Table, keepText: Set<String>, needComma: Bool, format: Format = Format()) -> (table: Table, columns: [String]) {
        var out = table
        var changed: [String] = []
        for (index, (name, column)) in zip(table.names, table.columns).enumerated() where !keepText.contains(name) {
            guard case .text(let codes, let dictionary) = column.storage, !dictionary.values.isEmpty else { continue }
            var values: [Double] = []
            values.reserveCapacity(dictionary.values.count)
            var sawComma = false, sawDecimal = false
            let isSpace = { (c: Character) in c == " " || c == "\u{00A0}" || c == "\u{202F}" }
            for v in dictionary.values {
                guard let d = number(v, format: format) else { values = []; break }
                if v.contains(format.decimal) { sawComma = true; sawDecimal = true }
                if format.thousands.map({ v.contains($0) }) == true { sawComma = true }
                // Spaces between thousands prove the format too (`1 250` in a `;` file), but only
                // when they group by threes: `1 25` stays text.
                if format.thousands == nil, v.trimmingCharacters(in: .whitespaces).contains(where: isSpace) {
                    guard number(v, format: Format(decimal: format.decimal, thousands: " ")) != nil else { values = []; break }
                    sawComma = true
                }
                values.append(d)
            }
            guard values.count == dictionary.values.count, sawComma || !needComma else { continue }
            var validity = column.validity ?? Bitmap(count: codes.count, value: true)
            // Whole numbers written without a decimal mark (`1 250` people) stay integers.
            if !sawDecimal, values.allSatisfy({ $0 == $0.rounded() && Swift.abs($0) < 9e15 }) {
                var whole = [Int64](repeating: 0, count: codes.count)
                for (r, code) in codes.enumerated() {
                    if code >= 0 { whole[r] = Int64(values[Int(code)]) } else { validity[r] = false }
                }
                out.replaceColumn(at: index, with: Column(.integer(whole), validity: validity))
                changed.append(name)
                continue
            }
            var cells = [Double](repeating: 0, count: codes.count)
            for (r, code) in codes.enumerated() {
                if code >= 0 { cells[r] = values[Int(code)] } else { validity[r] = false }
            }
            out.replaceColumn(at: index, with: Column(.number(cells), validity: validity))
            changed.append(name)
        }
        return (out, changed)
    }
}

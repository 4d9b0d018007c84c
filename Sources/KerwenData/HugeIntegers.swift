// A column of integers some of which are past Int64 is read as text, so that no digit is lost
// (as a double, 9007199254740993 would become 9007199254740992). This finds such columns after a
// load, so the user is told why a column of digits is text and how to get numbers instead.

import Foundation

extension Table {
    /// Text columns whose every value is written as an integer and at least one is past Int64:
    /// the column's name and its first such value.
    public func hugeIntegerColumns() -> [(name: String, example: String)] {
        var found: [(name: String, example: String)] = []
        for (name, column) in zip(names, columns) {
            guard case .text(_, let dictionary) = column.storage, !dictionary.values.isEmpty else { continue }
            var example: String?
            var allIntegers = true
            for value in dictionary.values {
                let bytes = Array(value.utf8)
                let parsed = bytes.withUnsafeBufferPointer { p -> ParsedNumber in
                    let (s, e) = NumberParser.trim(p, 0, p.count)
                    return NumberParser.parse(p, s, e)
                }
                switch parsed {
                case .integer: continue
                case .hugeInteger: if example == nil { example = value.trimmingCharacters(in: .whitespaces) }
                case .number, .invalid: allIntegers = false
                }
                if !allIntegers { break }
            }
            if allIntegers, let example { found.append((name, example)) }
        }
        return found
    }
}

// A column of integers some of which are past Int64 is read as text, so that no digit is lost
// (as a double, 9007199254740993 would become 9007199254740992); the reader names such columns
// (`CSVReader.Result.hugeIntegerColumns`). This finds the value a warning quotes as an example.

import Foundation

extension Table {
    /// The first value of text column `name` that is an integer past Int64.
    public func firstHugeInteger(in name: String) -> String? {
        guard case .text(_, let dictionary)? = column(name)?.storage else { return nil }
        for value in dictionary.values {
            let bytes = Array(value.utf8)
            let parsed = bytes.withUnsafeBufferPointer { p -> ParsedNumber in
                let (s, e) = NumberParser.trim(p, 0, p.count)
                return NumberParser.parse(p, s, e)
            }
            if case .hugeInteger = parsed { return value.trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }
}

// Hash joins on one or more keys; text keys are matched by value across different dictionaries.

import KerwenData
import KerwenDiagnostics
import KerwenSyntax

enum Join {
    /// A hashable key per row of both tables, comparable across them.
    private static func keyCodes(_ l: Column, _ r: Column, name: String, span: Span) throws -> ([Int64?], [Int64?]) {
        switch (l.storage, r.storage) {
        case let (.text(lc, ld), .text(rc, rd)):
            var map: [String: Int64] = [:]
            for (i, s) in ld.values.enumerated() { map[s] = Int64(i) }
            let rightToLeft = rd.values.map { map[$0] ?? -1 }
            return ((0..<l.count).map { l.isValid($0) ? Int64(lc[$0]) : nil },
                    (0..<r.count).map { r.isValid($0) ? rightToLeft[Int(rc[$0])] : nil })
        case let (.integer(a), .integer(b)):
            return ((0..<l.count).map { l.isValid($0) ? a[$0] : nil }, (0..<r.count).map { r.isValid($0) ? b[$0] : nil })
        case (.integer, .number), (.number, .integer), (.number, .number):
            let a = l.asDoubles()!, b = r.asDoubles()!
            return ((0..<l.count).map { l.isValid($0) ? Int64(bitPattern: a[$0].bitPattern) : nil },
                    (0..<r.count).map { r.isValid($0) ? Int64(bitPattern: b[$0].bitPattern) : nil })
        case let (.boolean(a), .boolean(b)):
            return ((0..<l.count).map { l.isValid($0) ? (a[$0] ? 1 : 0) : nil }, (0..<r.count).map { r.isValid($0) ? (b[$0] ? 1 : 0) : nil })
        default:
            throw Diagnostic(.error, Message("E066", name, l.type.rawValue, r.type.rawValue), at: span, hint: Message("H056"))
        }
    }

    static func run(_ kind: JoinKind, _ left: Table, _ right: Table, keys: [JoinKey], span: Span) throws -> Table {
        var leftKeys: [[Int64?]] = [], rightKeys: [[Int64?]] = []
        for k in keys {
            let (a, b) = try keyCodes(left.column(k.left.text)!, right.column(k.right.text)!, name: k.left.text, span: span)
            leftKeys.append(a)
            rightKeys.append(b)
        }
        // Build on the right side; rows with a missing key never match (as in SQL).
        var index: [[Int64]: [Int]] = [:]
        for j in 0..<right.rowCount {
            var key: [Int64] = []
            var complete = true
            for kc in rightKeys { if let v = kc[j] { key.append(v) } else { complete = false; break } }
            if complete { index[key, default: []].append(j) }
        }
        var leftRows: [Int] = [], rightRows: [Int] = []
        for i in 0..<left.rowCount {
            try Interrupt.check()
            var key: [Int64] = []
            var complete = true
            for kc in leftKeys { if let v = kc[i] { key.append(v) } else { complete = false; break } }
            if complete, let matches = index[key] {
                for j in matches { leftRows.append(i); rightRows.append(j) }
            } else if kind == .left {
                leftRows.append(i); rightRows.append(-1)
            }
        }
        // Column by column, polling Ctrl-C between them: a join's output can be very large.
        var out = Table(names: [], columns: [], rowCount: leftRows.count)
        for (name, column) in zip(left.names, left.columns) {
            try Interrupt.check()
            out.set(name, column.gather(leftRows))
        }
        let rightKeyNames = Set(keys.map(\.right.text))
        for (name, column) in zip(right.names, right.columns) where !rightKeyNames.contains(name) {
            try Interrupt.check()
            out.set(left.column(name) == nil ? name : name + "_right", column.gather(rightRows))
        }
        return out
    }
}

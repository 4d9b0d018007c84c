// Consistency checks (VTL's datapoint and hierarchy rules): rules on each row, unique keys,
// totals equal to the sum of their parts, and gaps in time series.

import Foundation
import KerwenData
import KerwenDiagnostics
import KerwenSyntax

extension Interpreter {
    /// Runs every rule of a `check` block on a table.
    func runCheckRules(_ rules: [CheckRule], on table: Table) throws -> [CheckOutcome] {
        try rules.map { rule in
            var outcome: CheckOutcome
            switch rule.kind {
            case .row(let e): outcome = try rowRule(e, fatal: rule.fatal, on: table, keys: [])
            case .unique(let keys): outcome = try uniqueRule(keys, on: table)
            case .gaps(let time, let by): outcome = try gapsRule(time, by: by, on: table)
            case .total(let code, let parts, let dim, let measure, let by, let tol):
                outcome = try totalRule(code: code, parts: parts, dimension: dim, measure: measure, by: by, tolerance: tol, on: table)
            }
            outcome.rule = ExprPrinter.rule(rule)
            outcome.fatal = rule.fatal
            return outcome
        }
    }

    /// Evaluates rules on each row; a false row is a failure, a missing result is undecided.
    func runChecks(_ rules: [(expr: Expr, fatal: Bool)], on table: Table, keys: [String]) throws -> [CheckOutcome] {
        try rules.map { try rowRule($0.expr, fatal: $0.fatal, on: table, keys: keys) }
    }

    /// A rule on each row. A failing row is shown with its keys, the columns the rule reads and,
    /// for a comparison between computed sides, the value of each side.
    func rowRule(_ e: Expr, fatal: Bool, on table: Table, keys: [String]) throws -> CheckOutcome {
        let v = try stepVec(e, .rows(table))
        guard let b = BooleanOperand(v) else {
            throw Diagnostic(.error, Message("E064", Kernels.typeWord(v)), at: e.span, hint: Message("H054"))
        }
        let read = columnsRead(e, in: table)
        // A narrow table is shown whole; a wide one by row number, its first two columns (usually
        // what identifies a row) and the columns the rule reads.
        let wide = keys.isEmpty && table.names.count > 6
        let context = keys.isEmpty ? (wide ? Array(table.names.prefix(2)) : table.names) : keys
        var shown = context
        for c in table.names where read.contains(c) && !shown.contains(c) { shown.append(c) }
        var sides: [(String, Vec)] = []
        if case .binary(let op, let l, let r) = e.kind, op.isComparison {
            for side in [l, r] where !Self.isPlain(side) { sides.append((ExprPrinter.text(side), try stepVec(side, .rows(table)))) }
        }
        var failures: [[CheckCell]] = []
        var findings: [Finding] = []
        var failed = 0, undecided = 0
        for i in 0..<table.rowCount {
            switch b.at(i) {
            case false?:
                failed += 1
                // Every failing row is counted; only the first ones are described.
                guard failures.count < CheckOutcome.listed else { continue }
                var row: [CheckCell] = shown.map { (.text($0), .text(Self.cellText(table.column($0)!.scalar(at: i)))) }
                if wide { row.insert((.message(Message("C.row")), .text(String(i + 1))), at: 0) }
                for (label, side) in sides { row.append((.text(label), .text(Self.cellText(side.cell(i))))) }
                failures.append(row)
                let values = sides.map { $0.1.cell(i).doubleValue }
                findings.append(Finding(row: i + 1, keys: context.map { ($0, Self.cellText(table.column($0)!.scalar(at: i))) },
                                        left: values.first ?? nil, right: values.count > 1 ? values[1] : nil))
            case nil: undecided += 1
            default: break
            }
        }
        var outcome = CheckOutcome(rule: ExprPrinter.text(e), fatal: fatal, failures: failures, failureCount: failed,
                                   checked: table.rowCount, undecided: undecided)
        outcome.findings = findings
        return outcome
    }

    private static func isPlain(_ e: Expr) -> Bool {
        switch e.kind {
        case .name, .column, .variable, .integer, .number, .string, .bool, .na: return true
        case .unary(.negate, let x): return isPlain(x)
        default: return false
        }
    }

    /// No two rows share the keys. Each repeated key is shown with how many rows have it and whether
    /// they are exact copies (a file appended twice) or conflict (two different values for one key).
    func uniqueRule(_ keys: [Name], on table: Table) throws -> CheckOutcome {
        try requireColumns(keys, in: table)
        let grouping = try Grouping.make(table, keys: keys.map(\.text))
        // Rows per key counted first; only the repeated keys get their list of rows.
        var counts = [Int32](repeating: 0, count: grouping.count)
        for g in grouping.groupOf { counts[Int(g)] += 1 }
        var rows: [Int: [Int]] = [:]
        for i in 0..<table.rowCount where counts[Int(grouping.groupOf[i])] > 1 { rows[Int(grouping.groupOf[i]), default: []].append(i) }
        var failures: [[CheckCell]] = []
        var findings: [Finding] = []
        var identicalKeys = 0
        for g in 0..<grouping.count where counts[g] > 1 {
            let rows = rows[g]!
            let first = rows[0]
            let identical = rows.dropFirst().allSatisfy { r in table.columns.allSatisfy { $0.scalar(at: r) == $0.scalar(at: first) } }
            if identical { identicalKeys += 1 }
            var row: [CheckCell] = keys.enumerated().map { (.text($1.text), .text(Self.cellText(grouping.keyColumns[$0].scalar(at: g)))) }
            row.append((.message(Message("C.rows")), .text(String(rows.count))))
            row.append((.message(Message("C.copies")), .message(Message(identical ? "C.exact" : "C.conflicting"))))
            failures.append(row)
            findings.append(Finding(keys: keys.enumerated().map { ($1.text, Self.cellText(grouping.keyColumns[$0].scalar(at: g))) },
                                    copies: rows.count, identical: identical))
        }
        var outcome = CheckOutcome(rule: "", fatal: false, failures: failures, checked: grouping.count, undecided: 0, unit: "keys")
        outcome.identicalRepeats = identicalKeys
        outcome.findings = findings
        outcome.kind = "unique"
        return outcome
    }

    /// The total row equals the sum of its parts, among rows that agree on the other columns.
    func totalRule(code: Expr, parts: [Expr]?, dimension: Name, measure: Name, by: [Name], tolerance: Expr?, on table: Table) throws -> CheckOutcome {
        try requireColumns([dimension, measure] + by, in: table)
        let values = table.column(measure.text)!
        guard values.type.isNumeric else {
            throw Diagnostic(.error, Message("E078", measure.text, Message.typeName(values.type)), at: measure.span)
        }
        var tol = 0.0
        if let tolerance {
            guard case .scalar(let s) = try evalValue(tolerance), let d = s.doubleValue else { throw Diagnostic(.error, Message("E077"), at: tolerance.span) }
            tol = d
        }
        func codeText(_ e: Expr) throws -> String {
            guard case .scalar(let s) = try evalValue(e) else { throw Diagnostic(.error, Message("E057"), at: e.span) }
            return ScalarFormat.plain(s)
        }
        let totalCode = try codeText(code)
        let partCodes = try parts.map { try $0.map(codeText) }
        let keys = by.isEmpty ? table.names.filter { $0 != dimension.text && $0 != measure.text } : by.map(\.text)
        let grouping = try Grouping.make(table, keys: keys)
        let dim = table.column(dimension.text)!
        let g = grouping.count
        var total = [Double](repeating: 0, count: g), partSum = [Double](repeating: 0, count: g)
        var totalRows = [Int](repeating: 0, count: g), partRows = [Int](repeating: 0, count: g)
        var undecidable = [Bool](repeating: false, count: g)
        var seenParts = [Set<String>](repeating: [], count: g)
        for i in 0..<table.rowCount {
            let group = Int(grouping.groupOf[i])
            let label = Self.cellText(dim.scalar(at: i))
            let isTotal = label == totalCode
            guard isTotal || (partCodes?.contains(label) ?? true) else { continue }
            let v = values.scalar(at: i).doubleValue
            if v == nil { undecidable[group] = true; continue }
            if isTotal { total[group] += v!; totalRows[group] += 1; continue }
            partSum[group] += v!
            partRows[group] += 1
            // A part given twice would be counted twice: leave the group undecided (`unique:` finds the copy).
            if !seenParts[group].insert(label).inserted { undecidable[group] = true }
        }
        var failures: [[CheckCell]] = []
        var findings: [Finding] = []
        var checked = 0, undecided = 0
        for k in 0..<g where totalRows[k] > 0 || partRows[k] > 0 {
            // Only a group with one total and every part present can be compared without a false alarm.
            let complete = totalRows[k] == 1 && partRows[k] > 0 && !undecidable[k]
                && (partCodes.map { Set($0).isSubset(of: seenParts[k]) } ?? true)
            guard complete else { undecided += 1; continue }
            checked += 1
            let difference = total[k] - partSum[k]
            let allowed = max(tol, 1e-9 * max(1, abs(total[k])))
            if abs(difference) > allowed {
                var row: [CheckCell] = keys.enumerated().map { (.text($1), .text(Self.cellText(grouping.keyColumns[$0].scalar(at: k)))) }
                row.append((.text(totalCode), .text(ScalarFormat.number(total[k]))))
                row.append((.message(Message("C.parts")), .text(ScalarFormat.number(partSum[k]))))
                row.append((.message(Message("C.difference")), .text(ScalarFormat.number(difference))))
                failures.append(row)
                findings.append(Finding(keys: keys.enumerated().map { ($1, Self.cellText(grouping.keyColumns[$0].scalar(at: k))) },
                                        left: total[k], right: partSum[k]))
            }
        }
        var outcome = CheckOutcome(rule: "", fatal: false, failures: failures, checked: checked + undecided, undecided: undecided, unit: "totals")
        outcome.findings = findings
        outcome.kind = "total"
        return outcome
    }

    /// No time point missing between a series' first and last one.
    func gapsRule(_ time: Name, by: [Name], on table: Table) throws -> CheckOutcome {
        try requireColumns([time] + by, in: table)
        let column = table.column(time.text)!
        guard column.type.isNumeric else { throw Diagnostic(.error, Message("E078", time.text, Message.typeName(column.type)), at: time.span) }
        let grouping = try Grouping.make(table, keys: by.map(\.text))
        var present = [Set<Int64>](repeating: [], count: grouping.count)
        for i in 0..<table.rowCount {
            // Only whole time points that an Int64 holds exactly (a year of 1e19 is no time point).
            guard let d = column.scalar(at: i).doubleValue, let t = Int64(exactly: d) else { continue }
            present[Int(grouping.groupOf[i])].insert(t)
        }
        var failures: [[CheckCell]] = []
        var findings: [Finding] = []
        for k in 0..<grouping.count {
            // The gaps are found between neighbours in order, never by listing every point from the
            // first to the last (years 1 … 9e18 would be 9e18 points).
            let points = present[k].sorted()
            guard let lo = points.first, let hi = points.last else { continue }
            var missing: [ClosedRange<Int64>] = []
            for (a, b) in zip(points, points.dropFirst()) where b != a + 1 {  // a < b, so a + 1 cannot overflow
                missing.append((a + 1)...(b - 1))
            }
            if missing.isEmpty { continue }
            var row: [CheckCell] = by.enumerated().map { (.text($1.text), .text(Self.cellText(grouping.keyColumns[$0].scalar(at: k)))) }
            row.append((.message(Message("C.first")), .text(String(lo))))
            row.append((.message(Message("C.last")), .text(String(hi))))
            row.append((.message(Message("C.missing")), .text(Self.ranges(missing))))
            failures.append(row)
            findings.append(Finding(keys: by.enumerated().map { ($1.text, Self.cellText(grouping.keyColumns[$0].scalar(at: k))) },
                                    missing: Self.ranges(missing)))
        }
        var outcome = CheckOutcome(rule: "", fatal: false, failures: failures, checked: grouping.count, undecided: 0, unit: "series")
        outcome.findings = findings
        outcome.kind = "gaps"
        return outcome
    }

    /// `2012, 2015–2017` for the missing ranges 2012…2012 and 2015…2017.
    static func ranges(_ missing: [ClosedRange<Int64>]) -> String {
        missing.map { $0.lowerBound == $0.upperBound ? String($0.lowerBound) : "\($0.lowerBound)–\($0.upperBound)" }
            .joined(separator: ", ")
    }

    /// A cell in a report: numbers to 10 significant digits, so 0.08 × 284.8 reads 22.784, not 22.784000000000002.
    static func cellText(_ s: Scalar) -> String {
        switch s {
        case .na: return "na"
        case .number(let x): return ScalarFormat.number(Double(String(format: "%.10g", x)) ?? x)
        default: return ScalarFormat.plain(s)
        }
    }
}

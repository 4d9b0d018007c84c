// `pivot wider` and `pivot longer`: a long table made wide (one column per value of the names
// columns, missing combinations `na`) and a wide one made long (columns become name and value rows).

import KerwenData
import KerwenDiagnostics
import KerwenSyntax

extension Interpreter {
    /// At most this many new columns: a pivot on an identifier would make a table nobody can read,
    /// and a million columns would not fit in memory.
    static let pivotColumnLimit = 10_000

    func pivotWider(_ t: Table, names: [String], values: String, span: Span) throws -> Table {
        let ids = t.names.filter { !names.contains($0) && $0 != values }
        // Rows by their identifying columns and by their names (both ordered by value).
        let rowsOf = try Grouping.make(t, keys: ids)
        let nameOf = try Grouping.make(t, keys: names)
        guard nameOf.count <= Self.pivotColumnLimit else {
            throw Diagnostic(.error, Message("E164", nameOf.count, Self.pivotColumnLimit), at: span, hint: Message("H167", names.joined(separator: ", ")))
        }
        // Each name group's label: its values joined by `_` (`F`, `F_2020`).
        var labels = [String](repeating: "", count: nameOf.count)
        var labelled = [Bool](repeating: false, count: nameOf.count)
        let nameColumns = names.map { t.column($0)! }
        for (row, g) in nameOf.groupOf.enumerated() where g >= 0 && !labelled[Int(g)] {
            labels[Int(g)] = nameColumns.map { c in c.isValid(row) ? ScalarFormat.plain(c.scalar(at: row)) : "na" }.joined(separator: "_")
            labelled[Int(g)] = true
        }
        // cell[name group][row group] = the source row; a second row for the same pair is an error.
        var cell = [[Int]](repeating: [Int](repeating: -1, count: rowsOf.count), count: nameOf.count)
        var repeated: [Int] = []
        for row in 0..<t.rowCount {
            let r = Int(rowsOf.groupOf[row]), n = Int(nameOf.groupOf[row])
            guard r >= 0, n >= 0 else { continue }
            if cell[n][r] >= 0 { repeated.append(row) } else { cell[n][r] = row }
        }
        if !repeated.isEmpty {
            let examples = repeated.prefix(3).map { row in
                (ids + names).map { name -> String in
                    let cell = ScalarFormat.plain(t.column(name)!.scalar(at: row))
                    return name + "=" + cell
                }.joined(separator: ", ")
            }
            throw Diagnostic(.error, Message("E163", repeated.count, examples.joined(separator: "; ")), at: span, hint: Message("H168", values))
        }
        // Rows in the order their first record comes in the table.
        var firstRow = [Int](repeating: Int.max, count: rowsOf.count)
        for (row, g) in rowsOf.groupOf.enumerated() where g >= 0 { firstRow[Int(g)] = min(firstRow[Int(g)], row) }
        let order = firstRow.indices.sorted { firstRow[$0] < firstRow[$1] }
        var out = t.selecting(ids).gather(order.map { firstRow[$0] })
        let valueColumn = t.column(values)!
        for n in 0..<nameOf.count {
            var name = labels[n]
            if out.names.contains(name) { name = values + "_" + name }
            out.set(name, valueColumn.gather(order.map { cell[n][$0] }))
        }
        return out
    }

    func pivotLonger(_ t: Table, columns: [String], except: Bool, into: String, value: String, span: Span) throws -> Table {
        let listed = Set(columns)
        let gathered = t.names.filter { except ? !listed.contains($0) : listed.contains($0) }
        let ids = t.names.filter { except ? listed.contains($0) : !listed.contains($0) }
        guard !gathered.isEmpty else { throw Diagnostic(.error, Message("E165"), at: span, hint: Message("H166")) }
        let k = gathered.count, n = t.rowCount
        let repeatedRows = (0..<(n * k)).map { $0 / k }
        var out = t.selecting(ids).gather(repeatedRows)
        let dictionary = TextDictionary(gathered)
        out.set(into, Column(.text(codes: (0..<(n * k)).map { Int32($0 % k) }, dictionary: dictionary)))
        let sources = gathered.map { t.column($0)! }
        let types = Set(sources.map(\.type))
        var validity = Bitmap(count: n * k, value: true)
        for (j, c) in sources.enumerated() where c.validity != nil {
            for i in 0..<n where !c.isValid(i) { validity[i * k + j] = false }
        }
        if types.isSubset(of: [.integer, .number]) {
            if types == [.integer] {
                var cells = [Int64](repeating: 0, count: n * k)
                for (j, c) in sources.enumerated() { if case .integer(let v) = c.storage { for i in 0..<n { cells[i * k + j] = v[i] } } }
                out.set(value, Column(.integer(cells), validity: validity))
            } else {
                var cells = [Double](repeating: 0, count: n * k)
                for (j, c) in sources.enumerated() {
                    switch c.storage {
                    case .integer(let v): for i in 0..<n { cells[i * k + j] = Double(v[i]) }
                    case .number(let v): for i in 0..<n { cells[i * k + j] = v[i] }
                    default: break
                    }
                }
                out.set(value, Column(.number(cells), validity: validity))
            }
        } else {
            // Mixed kinds: the value column is text, each cell as it is written.
            var cells = [Scalar](repeating: .na, count: n * k)
            for (j, c) in sources.enumerated() {
                for i in 0..<n where c.isValid(i) { cells[i * k + j] = types.count == 1 ? c.scalar(at: i) : .text(ScalarFormat.plain(c.scalar(at: i))) }
            }
            out.set(value, Column.from(cells, type: types.count == 1 ? types.first : .text))
        }
        return out
    }
}

extension Interpreter {
    /// At most this many periods per group in `complete` (a year column of ids would make billions).
    static let completePeriodLimit: Int64 = 100_000

    /// `complete year from 2015 to 2023 by country`: every group gets a row for every year of the
    /// range (the data's first to last when no range is given); the added rows have the group's
    /// values and the year, and `na` in every other column. Rows already there are kept as they are,
    /// years outside the range too; groups in order of their first row, years ascending.
    func complete(_ t: Table, column: String, from: Int64?, to: Int64?, by: [String], span: Span) throws -> Table {
        let periodColumn = t.column(column)!
        // Whole years, or period codes (consecutive within a frequency, so the grid is first...last).
        let years: [Int64], isPeriod: Bool
        switch periodColumn.storage {
        case .integer(let v): years = v; isPeriod = false
        case .period(let v): years = v; isPeriod = true
        default: throw Diagnostic(.error, Message("E169", column, Message("K." + periodColumn.type.rawValue)), at: span, hint: Message("H171"))
        }
        let valid = (0..<t.rowCount).filter { periodColumn.isValid($0) }
        guard let first = from ?? valid.map({ years[$0] }).min(), let last = to ?? valid.map({ years[$0] }).max() else { return t }
        func shown(_ v: Int64) -> String { isPeriod ? Period(code: v)?.description ?? String(v) : String(v) }
        if isPeriod {
            // One frequency throughout: a grid of quarters cannot hold a month.
            let frequency = first >> Period.frequencyShift
            for v in [last] + valid.map({ years[$0] }) where v >> Period.frequencyShift != frequency {
                guard let a = Period(code: first), let b = Period(code: v) else { break }
                throw Diagnostic(.error, Message("E178", a.description, b.description, Message(a.frequency.wordKey), Message(b.frequency.wordKey)),
                                 at: span, hint: Message("H178"))
            }
        }
        guard last >= first else {
            throw Diagnostic(.error, Message("E171", shown(first), shown(last)), at: span, hint: Message("H171"))
        }
        guard last - first < Self.completePeriodLimit else {
            throw Diagnostic(.error, Message("E170", shown(first), shown(last), Int(Self.completePeriodLimit)), at: span, hint: Message("H171"))
        }
        let groups = try Grouping.make(t, keys: by)
        var firstRow = [Int](repeating: Int.max, count: groups.count)
        var rowsAt: [[Int64: [Int]]] = Array(repeating: [:], count: groups.count)
        var undated: [Int] = []
        for row in 0..<t.rowCount {
            let g = Int(groups.groupOf[row])
            guard g >= 0, periodColumn.isValid(row) else { undated.append(row); continue }
            firstRow[g] = min(firstRow[g], row)
            rowsAt[g][years[row], default: []].append(row)
        }
        // The rows out: a source row, or -1 for an added one (its group's first row and its year beside).
        var source: [Int] = [], groupRow: [Int] = [], year: [Int64] = []
        for g in firstRow.indices.sorted(by: { firstRow[$0] < firstRow[$1] }) where firstRow[g] != Int.max {
            let present = rowsAt[g]
            let periods = Set(present.keys).union(first...last).sorted()
            for y in periods {
                if let rows = present[y] {
                    for row in rows { source.append(row); groupRow.append(row); year.append(y) }
                } else {
                    source.append(-1); groupRow.append(firstRow[g]); year.append(y)
                }
            }
        }
        for row in undated { source.append(row); groupRow.append(row); year.append(years[row]) }
        var out = t.gather(source)
        for name in by { out.set(name, t.column(name)!.gather(groupRow)) }
        var yearValidity = Bitmap(count: source.count, value: true)
        for (i, row) in source.enumerated() where row >= 0 && !periodColumn.isValid(row) { yearValidity[i] = false }
        out.set(column, Column(isPeriod ? .period(year) : .integer(year), validity: yearValidity))
        return out
    }
}

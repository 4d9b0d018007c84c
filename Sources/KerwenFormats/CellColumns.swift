// Columns assembled from the cells a structured reader (SDMX-ML, xlsx) meets one by one: each
// column keeps typed arrays as it goes (text dictionary-encoded, numbers as doubles), never a boxed
// value per cell, and its type is decided once at the end.

import KerwenData

/// One cell as a reader found it.
public enum Cell: Sendable {
    case missing
    case text(String)
    case number(Double)
    case boolean(Bool)
}

struct CellColumn {
    var numbers: [Double] = []
    var codes: [Int32] = []
    var booleans: [Bool] = []
    var dictionary = TextDictionary()
    var valid: [Bool] = []
    var sawText = false, sawNumber = false, sawBoolean = false
    /// Cells written as text that are numbers (`"2023"` in SDMX attributes): kept as text unless asked.
    var count: Int { valid.count }

    mutating func append(_ cell: Cell) {
        switch cell {
        case .missing:
            numbers.append(0); codes.append(-1); booleans.append(false); valid.append(false)
        case .text(let s):
            sawText = true
            numbers.append(0); codes.append(dictionary.encode(s)); booleans.append(false); valid.append(true)
        case .number(let x):
            sawNumber = true
            numbers.append(x); codes.append(-2); booleans.append(false); valid.append(true)
        case .boolean(let b):
            sawBoolean = true
            numbers.append(b ? 1 : 0); codes.append(-3); booleans.append(b); valid.append(true)
        }
    }

    mutating func pad(to n: Int) { while count < n { append(.missing) } }

    /// The column: numbers (integers when every one is whole), booleans, or text when kinds mix
    /// (a number among text is written as its shortest text).
    func column() -> Column {
        let validity: Bitmap? = valid.allSatisfy { $0 } ? nil : {
            var b = Bitmap(count: valid.count, value: true)
            for (i, v) in valid.enumerated() where !v { b[i] = false }
            return b
        }()
        if sawText || (sawNumber && sawBoolean) {
            var dict = dictionary
            var out = codes
            // A number or a yes/no among text is written as it would be shown.
            for i in out.indices where out[i] == -2 { out[i] = dict.encode(ScalarFormat.plain(.number(numbers[i]))) }
            for i in out.indices where out[i] == -3 { out[i] = dict.encode(String(booleans[i])) }
            return Column(.text(codes: out, dictionary: dict), validity: validity)
        }
        if sawBoolean { return Column(.boolean(booleans), validity: validity) }
        if numbers.indices.allSatisfy({ !valid[$0] || (numbers[$0] == numbers[$0].rounded() && Swift.abs(numbers[$0]) < 9.0e15) }) {
            return Column(.integer(numbers.map { Int64(exactly: $0) ?? 0 }), validity: validity)
        }
        return Column(.number(numbers), validity: validity)
    }
}

/// Rows whose columns are met by name as the reader goes (SDMX series carry their own attributes).
struct NamedRows {
    private(set) var names: [String] = []
    private var index: [String: Int] = [:]
    private var columns: [CellColumn] = []
    private(set) var rowCount = 0

    /// Adds a row: the cells by column name; columns not named in it are missing.
    mutating func append(_ cells: [(String, Cell)]) {
        for (name, cell) in cells {
            let j: Int
            if let known = index[name] { j = known } else {
                j = names.count
                index[name] = j
                names.append(name)
                var fresh = CellColumn()
                fresh.pad(to: rowCount)
                columns.append(fresh)
            }
            if columns[j].count == rowCount + 1 { continue }  // a name twice in one row: the first wins
            columns[j].append(cell)
        }
        rowCount += 1
        for j in columns.indices where columns[j].count < rowCount { columns[j].append(.missing) }
    }

    func table(order: [String] = []) -> Table {
        let ordered = order.filter { index[$0] != nil } + names.filter { !order.contains($0) }
        return Table(names: ordered, columns: ordered.map { columns[index[$0]!].column() }, rowCount: rowCount)
    }
}

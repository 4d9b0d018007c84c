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
    /// Which cells hold a value, a bit per cell (bit i of word i / 64), as the column's validity.
    private var validWords: [UInt64] = []
    private(set) var count = 0
    private var validCount = 0
    var sawText = false, sawNumber = false, sawBoolean = false
    /// Whether every number met is whole and below 9e15 (so the column is integers): decided as
    /// cells arrive, so that making the column never walks a sheet's empty cells again.
    private var numbersWhole = true

    init() {}

    /// `count` missing cells, to be `set` where a sheet has values.
    init(missing count: Int) {
        self.count = count
        numbers = Array(repeating: 0, count: count)
        codes = Array(repeating: -1, count: count)
        booleans = Array(repeating: false, count: count)
        validWords = Array(repeating: 0, count: (count + 63) / 64)
    }

    mutating func append(_ cell: Cell) {
        numbers.append(0); codes.append(-1); booleans.append(false)
        if count & 63 == 0 { validWords.append(0) }
        count += 1
        set(cell, at: count - 1)
    }

    mutating func pad(to n: Int) { while count < n { append(.missing) } }

    /// Puts a value where a missing cell is (each cell is set once).
    mutating func set(_ cell: Cell, at i: Int) {
        switch cell {
        case .missing:
            return
        case .text(let s):
            sawText = true
            codes[i] = dictionary.encode(s)
        case .number(let x):
            sawNumber = true
            numbers[i] = x; codes[i] = -2
            if numbersWhole, !(x == x.rounded() && Swift.abs(x) < 9.0e15) { numbersWhole = false }
        case .boolean(let b):
            sawBoolean = true
            numbers[i] = b ? 1 : 0; codes[i] = -3; booleans[i] = b
        }
        validWords[i >> 6] |= 1 << UInt64(i & 63)
        validCount += 1
    }

    /// The column: numbers (integers when every one is whole), booleans, or text when kinds mix
    /// (a number among text is written as its shortest text).
    func column() -> Column {
        let validity: Bitmap? = validCount == count ? nil : Bitmap(words: validWords, count: count)
        if sawText || (sawNumber && sawBoolean) {
            var dict = dictionary
            var out = codes
            // A number or a yes/no among text is written as it would be shown.
            for i in out.indices where out[i] == -2 { out[i] = dict.encode(ScalarFormat.plain(.number(numbers[i]))) }
            for i in out.indices where out[i] == -3 { out[i] = dict.encode(String(booleans[i])) }
            return Column(.text(codes: out, dictionary: dict), validity: validity)
        }
        if sawBoolean { return Column(.boolean(booleans), validity: validity) }
        // Every value is whole and below 9e15 (missing cells hold 0): the conversion cannot trap.
        if numbersWhole { return Column(.integer(numbers.map { Int64($0) }), validity: validity) }
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

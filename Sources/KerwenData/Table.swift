// A table: named, equal-length typed columns.

public struct Table: Sendable {
    public private(set) var names: [String]
    public private(set) var columns: [Column]
    public let rowCount: Int

    public init(names: [String], columns: [Column], rowCount: Int? = nil) {
        self.names = names
        self.columns = columns
        self.rowCount = rowCount ?? columns.first?.count ?? 0
    }

    public static let empty = Table(names: [], columns: [], rowCount: 0)

    public func index(of name: String) -> Int? { names.firstIndex(of: name) }

    public func column(_ name: String) -> Column? { index(of: name).map { columns[$0] } }

    /// Adds a column or replaces the one with that name.
    public mutating func set(_ name: String, _ column: Column) {
        if let i = index(of: name) { columns[i] = column } else { names.append(name); columns.append(column) }
    }

    /// Replaces the column at a position (same length), keeping its name.
    public mutating func replaceColumn(at index: Int, with column: Column) { columns[index] = column }

    public mutating func rename(_ old: String, to new: String) {
        if let i = index(of: old) { names[i] = new }
    }

    /// Renames several columns at once: each old name is looked up before any is changed.
    public mutating func renameAll(_ pairs: [(String, String)]) {
        let positions = pairs.map { (index(of: $0.0), $0.1) }
        for case let (i?, new) in positions { names[i] = new }
    }

    public func selecting(_ wanted: [String]) -> Table {
        if wanted.count < 16 { return Table(names: wanted, columns: wanted.map { column($0)! }, rowCount: rowCount) }
        // Many columns (an Open SDG file has thousands): one dictionary, not a search per name.
        var position: [String: Int] = [:]
        for (i, n) in names.enumerated() where position[n] == nil { position[n] = i }
        return Table(names: wanted, columns: wanted.map { columns[position[$0]!] }, rowCount: rowCount)
    }

    public func gather(_ indices: [Int]) -> Table {
        Table(names: names, columns: Self.eachColumn(columns, rows: indices.count) { $0.gather(indices) }, rowCount: indices.count)
    }

    /// Applies `transform` to every column, on all cores when the table is big enough to repay it
    /// (filters and gathers copy column after column, independently).
    static func eachColumn(_ columns: [Column], rows: Int, _ transform: @escaping @Sendable (Column) -> Column) -> [Column] {
        guard rows >= 200_000, columns.count > 1 else { return columns.map(transform) }
        return Parallel.values(columns.count) { j in transform(columns[j]) }
    }

    /// How many rows a mask keeps.
    public static func keptCount(_ mask: [Bool]) -> Int {
        mask.withUnsafeBufferPointer { m in
            var kept = 0
            for i in 0..<m.count { kept &+= m[i] ? 1 : 0 }
            return kept
        }
    }

    public func filter(_ mask: [Bool]) -> Table {
        let total = Self.keptCount(mask)
        return Table(names: names, columns: Self.eachColumn(columns, rows: rowCount) { $0.filter(mask, kept: total) }, rowCount: total)
    }

    public func prefix(_ n: Int) -> Table { gather(Array(0..<min(max(0, n), rowCount))) }
}

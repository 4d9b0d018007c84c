// Sums kept per (cell, stratum) pair for a sampled indicator's variance. Dense, a slot for every
// stratum of every cell, when cells × strata is small, as in the usual survey (tens of strata);
// otherwise only the pairs that occur, numbered through a hash. With as many strata as records
// (`strata: household` by `id`), cells × strata slots do not fit in memory: 30,000 of each made
// two 7.2 GB arrays, and the failed allocation aborted Kerwen.

struct CellStrataSums {
    /// Cells × strata up to which every pair has a slot (two 32 MB arrays of sums).
    static let denseLimit = 1 << 22

    let strata: Int
    private let dense: Bool
    /// Per slot: the sum and the sum of squares of the unit totals added to it.
    private(set) var sum: [Double], squares: [Double]
    /// Dense slots: whether a unit was added (a pair with no unit has no slot when sparse).
    private var used: [Bool]
    /// Sparse slots: numbered in order of first use, with their cell and stratum.
    private var slotOf: [Int: Int] = [:]
    private var cellOfSlot: [Int32] = [], stratumOfSlot: [Int32] = []

    /// `denseLimit`: given by tests, to compare both layouts on the same sums.
    init(cells: Int, strata: Int, denseLimit: Int = CellStrataSums.denseLimit) {
        self.strata = strata
        let (slots, overflow) = cells.multipliedReportingOverflow(by: strata)
        dense = !overflow && slots <= denseLimit
        sum = dense ? [Double](repeating: 0, count: slots) : []
        squares = sum
        used = dense ? [Bool](repeating: false, count: slots) : []
    }

    /// Adds a unit's total `t` to the pair; true when it is the pair's first unit.
    @discardableResult
    mutating func add(_ t: Double, cell c: Int, stratum h: Int) -> Bool {
        let key = c * strata + h
        if dense {
            sum[key] += t
            squares[key] += t * t
            if used[key] { return false }
            used[key] = true
            return true
        }
        if let slot = slotOf[key] {
            sum[slot] += t
            squares[slot] += t * t
            return false
        }
        slotOf[key] = sum.count
        sum.append(t)
        squares.append(t * t)
        cellOfSlot.append(Int32(c))
        stratumOfSlot.append(Int32(h))
        return true
    }

    /// Calls `body(cell, stratum, sum, squares)` for every pair with a unit, cell by cell and in
    /// stratum order within a cell, so that a cell's variance adds up in the same order either way.
    func forEachPair(cells g: Int, _ body: (_ cell: Int, _ stratum: Int, _ sum: Double, _ squares: Double) -> Void) {
        if dense {
            for c in 0..<g {
                for h in 0..<strata where used[c * strata + h] { body(c, h, sum[c * strata + h], squares[c * strata + h]) }
            }
            return
        }
        let order = sum.indices.sorted { (cellOfSlot[$0], stratumOfSlot[$0]) < (cellOfSlot[$1], stratumOfSlot[$1]) }
        for slot in order { body(Int(cellOfSlot[slot]), Int(stratumOfSlot[slot]), sum[slot], squares[slot]) }
    }
}

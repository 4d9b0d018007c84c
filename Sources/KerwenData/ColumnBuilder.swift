// Builds one column while a CSV is read, inferring its type over the whole column.

import KerwenDiagnostics

/// Type inference ladder: (all missing) → boolean | integer → number → text.
/// Integer widens to number in place; any other widening re-reads the column as text once.
struct ColumnBuilder {
    enum Kind { case unknown, boolean, integer, number, text }

    let name: String
    let forced: ColumnType?
    private(set) var kind: Kind = .unknown
    private(set) var needsTextReread = false
    /// An integer past Int64 was read (as a double), and a number not written as an integer was:
    /// a column of integers only, some huge, is read as text at the end (`settleHugeIntegers`).
    private(set) var sawHugeInteger = false, sawNonInteger = false
    private var ints: [Int64] = []
    private var doubles: [Double] = []
    private var bools: [Bool] = []
    private var codes: [Int32] = []
    private var dictionary = ByteDictionaryBuilder()
    private var shortCells = ShortCellCache()
    /// Cells appended so far, and which of them were missing (rare, so a list beats a flag per cell).
    private var rows = 0
    private var missingRows: [Int] = []

    /// Expected rows, reserved once the column's type is known (no regrowth copies on big files).
    private let capacity: Int
    /// Rows this builder itself is expected to append (its part of the file), whose memory is mapped
    /// in up front; the rest of the capacity is for the parts merged into it.
    private let ownRows: Int

    init(name: String, forced: ColumnType?, capacity: Int, ownRows: Int? = nil) {
        self.name = name
        self.forced = forced
        self.capacity = capacity
        self.ownRows = min(capacity, ownRows ?? capacity)
        switch forced {
        case .text?: kind = .text; Self.reserve(&codes, capacity, populating: self.ownRows)
        case .integer?: kind = .integer; Self.reserve(&ints, capacity, populating: self.ownRows)
        case .number?: kind = .number; Self.reserve(&doubles, capacity, populating: self.ownRows)
        case .boolean?: kind = .boolean; Self.reserve(&bools, capacity, populating: self.ownRows)
        // Periods are read as text, each new value checked as it comes (so a bad cell is found at
        // its line), and the dictionary turned into period codes at the end.
        case .period?: kind = .text; Self.reserve(&codes, capacity, populating: self.ownRows)
        case nil: break
        }
    }

    /// Appends one cell; returns false when a forced type cannot hold the value.
    mutating func append(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, isMissing: Bool) -> Bool {
        if needsTextReread { return true }
        if isMissing {
            appendMissing()
            return true
        }
        switch kind {
        case .text:
            let known = dictionary.count
            codes.append(dictionary.encode(UnsafeBufferPointer(rebasing: p[start..<end])))
            rows += 1
            if forced == .period, dictionary.count > known { return Self.isPeriod(p, start, end) }
            return true
        case .unknown:
            let (s, e) = NumberParser.trim(p, start, end)
            if let b = Self.boolean(p, s, e) { becomeBoolean(); bools.append(b); rows += 1; return true }
            switch NumberParser.parse(p, s, e) {
            case .integer(let v): becomeInteger(); ints.append(v)
            case .number(let v): becomeNumber(); doubles.append(v); sawNonInteger = true
            case .hugeInteger(let v): becomeNumber(); doubles.append(v); sawHugeInteger = true
            case .invalid: becomeText(); codes.append(dictionary.encode(UnsafeBufferPointer(rebasing: p[start..<end])))
            }
            rows += 1
            return true
        case .boolean:
            let (s, e) = NumberParser.trim(p, start, end)
            if let b = Self.boolean(p, s, e) { bools.append(b); rows += 1; return true }
            return widenToText()
        case .integer:
            let (s, e) = NumberParser.trim(p, start, end)
            switch NumberParser.parse(p, s, e) {
            case .integer(let v): ints.append(v)
            case .number(let v):
                if forced == .integer { return false }
                becomeNumber(); doubles.append(v); sawNonInteger = true
            case .hugeInteger(let v):
                if forced == .integer { return false }
                becomeNumber(); doubles.append(v); sawHugeInteger = true
            case .invalid: return widenToText()
            }
            rows += 1
            return true
        case .number:
            let (s, e) = NumberParser.trim(p, start, end)
            switch NumberParser.parse(p, s, e) {
            case .integer(let v): doubles.append(Double(v))
            case .number(let v): doubles.append(v); sawNonInteger = true
            case .hugeInteger(let v): doubles.append(v); sawHugeInteger = true
            case .invalid: return widenToText()
            }
            rows += 1
            return true
        }
    }

    /// Whether a cell that reads as a short number can be appended without looking at it again.
    @inline(__always)
    func takesShortNumbers(_ markers: MissingMarkers) -> Bool {
        (kind == .number || kind == .integer) && !needsTextReread && !markers.numericMarker
    }

    /// Appends a number read by `NumberParser.scanShortField` from `p[start..<end]`.
    @inline(__always)
    mutating func appendNumber(_ value: ParsedNumber, _ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        switch (kind, value) {
        case (.number, .number(let v)): doubles.append(v); sawNonInteger = true
        case (.number, .integer(let v)): doubles.append(Double(v))
        case (.integer, .integer(let v)): ints.append(v)
        default: return append(p, start, end, isMissing: false)
        }
        rows += 1
        return true
    }

    /// Appends one unquoted cell (the common case), testing it against the missing markers only
    /// when it does not read as the column's type. Other cases go through `append`.
    @inline(__always)
    mutating func appendPlain(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ markers: MissingMarkers) -> Bool {
        switch kind {
        case .text where !needsTextReread:
            let n = end - start
            guard n <= ShortCellCache.maxLength else { break }
            if !shortCells.isReady { shortCells.prepare() }
            let (w0, w1) = ShortCellCache.words(p, start, n)
            if let code = shortCells.lookup(w0, w1, n) {
                if code < 0 { missingRows.append(rows) }
                codes.append(code)
                rows += 1
                return true
            }
            let (ts, te) = NumberParser.trim(p, start, end)
            let known = dictionary.count
            let code = ts == te || markers.contains(p, ts, te) ? -1 : dictionary.encode(UnsafeBufferPointer(rebasing: p[start..<end]))
            if forced == .period, dictionary.count > known, !Self.isPeriod(p, start, end) { return false }
            shortCells.store(w0, w1, n, code: code)
            if code < 0 { missingRows.append(rows) }
            codes.append(code)
            rows += 1
            return true
        case .number where !markers.numericMarker && !needsTextReread:
            let (s, e) = NumberParser.trim(p, start, end)
            switch NumberParser.parse(p, s, e) {
            case .number(let v): doubles.append(v); sawNonInteger = true
            case .integer(let v): doubles.append(Double(v))
            case .hugeInteger(let v): doubles.append(v); sawHugeInteger = true
            case .invalid: return append(p, start, end, isMissing: s == e || markers.contains(p, s, e))
            }
            rows += 1
            return true
        case .integer where !markers.numericMarker && !needsTextReread:
            let (s, e) = NumberParser.trim(p, start, end)
            if case .integer(let v) = NumberParser.parse(p, s, e) {
                ints.append(v)
                rows += 1
                return true
            }
            return append(p, start, end, isMissing: s == e || markers.contains(p, s, e))
        default: break
        }
        let (s, e) = NumberParser.trim(p, start, end)
        return append(p, start, end, isMissing: s == e || markers.contains(p, s, e))
    }

    @inline(never)
    private static func isPeriod(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let (s, e) = NumberParser.trim(p, start, end)
        return Period.parse(p, s, e) != nil
    }

    /// `true`/`false` in any case, compared in place (no allocation per cell).
    private static func boolean(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool? {
        func matches(_ word: StaticString) -> Bool {
            guard e - s == word.utf8CodeUnitCount else { return false }
            let w = word.utf8Start
            for i in 0..<(e - s) where p[s + i] | 0x20 != w[i] { return false }
            return true
        }
        if matches("true") { return true }
        if matches("false") { return false }
        return nil
    }

    private mutating func appendMissing() {
        missingRows.append(rows)
        rows += 1
        switch kind {
        case .unknown: break
        case .boolean: bools.append(false)
        case .integer: ints.append(0)
        case .number: doubles.append(0)
        case .text: codes.append(-1)
        }
    }

    private mutating func becomeBoolean() { kind = .boolean; bools = [Bool](repeating: false, count: rows); Self.reserve(&bools, capacity, populating: ownRows) }
    private mutating func becomeInteger() { kind = .integer; ints = [Int64](repeating: 0, count: rows); Self.reserve(&ints, capacity, populating: ownRows) }
    private mutating func becomeText() { kind = .text; codes = [Int32](repeating: -1, count: rows); Self.reserve(&codes, capacity, populating: ownRows) }

    /// Reserves room for `capacity` rows and maps in the memory of the first `rows` of them at once:
    /// one system call instead of a page fault every 4 KB as the rows are appended.
    private static func reserve<T>(_ array: inout [T], _ capacity: Int, populating rows: Int) {
        array.reserveCapacity(capacity)
        populate(&array, from: array.count, rows: rows - array.count)
    }

    /// Maps in the memory of `rows` elements from `from` (within the array's capacity).
    private static func populate<T>(_ array: inout [T], from: Int, rows: Int) {
        let bytes = min(rows, array.capacity - from) * MemoryLayout<T>.stride
        guard bytes >= 1 << 20 else { return }
        array.withUnsafeMutableBufferPointer { b in
            guard let base = b.baseAddress else { return }
            MemoryPages.populate(UnsafeMutableRawPointer(base + from), bytes: bytes)
        }
    }

    private mutating func becomeNumber() {
        if kind == .integer { doubles = ints.map { Double($0) }; ints = [] } else { doubles = [Double](repeating: 0, count: rows) }
        Self.reserve(&doubles, capacity, populating: ownRows)
        kind = .number
    }

    private mutating func widenToText() -> Bool {
        if forced != nil { return false }
        needsTextReread = true
        return true
    }

    /// Appends the rows another builder read from the next part of the file, reconciling the types
    /// each part inferred: integer and number give number; a missing-only part takes the other's type;
    /// any other disagreement means text, read again once.
    mutating func absorb(_ other: inout ColumnBuilder, rowsBefore: Int) {
        // The other part's storage is released as soon as it is copied, to keep the peak low.
        defer { other = ColumnBuilder(name: other.name, forced: other.forced, capacity: 0) }
        if other.needsTextReread { needsTextReread = true }
        sawHugeInteger = sawHugeInteger || other.sawHugeInteger
        sawNonInteger = sawNonInteger || other.sawNonInteger
        if needsTextReread { rows += other.rows; return }
        if other.kind == .unknown {
            for _ in 0..<other.rows { appendMissing() }
            return
        }
        if kind == .unknown {
            switch other.kind {
            case .boolean: becomeBoolean()
            case .integer: becomeInteger()
            case .number: becomeNumber()
            case .text: becomeText()
            case .unknown: break
            }
        }
        if kind == .integer && other.kind == .number { becomeNumber() }
        if kind == .number && other.kind == .integer { other.becomeNumber() }
        guard kind == other.kind else { needsTextReread = true; rows += other.rows; return }
        // Reserve the exact total once: appending past the capacity would double it.
        // The copy's destination is mapped in first (see `reserve`).
        switch kind {
        case .boolean: Self.reserve(&bools, rows + other.rows, populating: rows + other.rows); bools += other.bools
        case .integer: Self.reserve(&ints, rows + other.rows, populating: rows + other.rows); ints += other.ints
        case .number: Self.reserve(&doubles, rows + other.rows, populating: rows + other.rows); doubles += other.doubles
        case .text:
            let map = dictionary.absorb(other.dictionary)
            let start = codes.count
            Self.reserve(&codes, start + other.codes.count, populating: start + other.codes.count)
            codes += other.codes
            // Parts usually meet the same values in the same order: then the codes already agree.
            if map.indices.contains(where: { map[$0] != Int32($0) }) {
                codes.withUnsafeMutableBufferPointer { c in
                    for i in start..<c.count where c[i] >= 0 { c[i] = map[Int(c[i])] }
                }
            }
        case .unknown: break
        }
        missingRows += other.missingRows.map { $0 + rows }
        rows += other.rows
    }

    /// Once every part is in: a column of integers only, some past Int64, is read again as text,
    /// so that no digit is lost (as doubles, 9007199254740993 would be 9007199254740992).
    /// True when this decided it.
    mutating func settleHugeIntegers() -> Bool {
        guard forced == nil, kind == .number, !needsTextReread, sawHugeInteger, !sawNonInteger else { return false }
        needsTextReread = true
        return true
    }

    /// Restarts this column as text, to be fed again from the first row.
    mutating func restartAsText() {
        self = ColumnBuilder(name: name, forced: .text, capacity: rows)
    }

    func build(rowCount: Int) -> Column {
        var bm = Bitmap(count: rowCount, value: true)
        for i in missingRows { bm[i] = false }
        switch kind {
        case .unknown:
            // A column with no values at all: typed as text, every cell missing.
            return Column(.text(codes: [Int32](repeating: -1, count: rowCount), dictionary: TextDictionary()), validity: Bitmap(count: rowCount, value: false))
        case .boolean: return Column(.boolean(bools), validity: bm)
        case .integer: return Column(.integer(ints), validity: bm)
        case .number: return Column(.number(doubles), validity: bm)
        case .text where forced == .period:
            let periods = dictionary.build().values.map { Period($0)?.code ?? 0 }
            return Column(.period(codes.map { $0 >= 0 ? periods[Int($0)] : 0 }), validity: bm)
        case .text: return Column(.text(codes: codes, dictionary: dictionary.build()), validity: bm)
        }
    }
}

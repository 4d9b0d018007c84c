// Time periods as SDMX writes them: years, half-years, quarters, months, ISO weeks and days.
// A period is stored as one Int64 code (frequency in the high bits, the period's ordinal below),
// so a period column sorts, groups and joins as integers do, `p + 1` is `code + 1` and `p - q`
// is `code - code` within a frequency.

/// How often a period recurs; the raw values are SDMX's FREQ codes.
public enum Frequency: String, Sendable, CaseIterable, Comparable {
    case annual = "A", halfYear = "S", quarterly = "Q", monthly = "M", weekly = "W", daily = "D"

    /// Coarse to fine: A < S < Q < M < W < D (the order of `Comparable`).
    var rank: Int64 {
        switch self {
        case .annual: return 1
        case .halfYear: return 2
        case .quarterly: return 3
        case .monthly: return 4
        case .weekly: return 5
        case .daily: return 6
        }
    }

    public static func < (a: Frequency, b: Frequency) -> Bool { a.rank < b.rank }

    /// Periods of this frequency in a year (weeks and days vary: nil).
    public var perYear: Int64? {
        switch self {
        case .annual: return 1
        case .halfYear: return 2
        case .quarterly: return 4
        case .monthly: return 12
        case .weekly, .daily: return nil
        }
    }

    /// A catalog word for messages (`K.freq.Q` → "quarter").
    public var wordKey: String { "K.freq.\(rawValue)" }
}

public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let frequency: Frequency
    /// Years, half-years, quarters or months counted from year 0; ISO weeks and days from 1970.
    public let ordinal: Int64

    /// Years a period may fall in: SDMX's four-digit years.
    public static let years: ClosedRange<Int64> = 1...9999

    static let ordinalBias: Int64 = 1 << 39
    public static let frequencyShift: Int64 = 40

    public init(_ frequency: Frequency, ordinal: Int64) {
        self.frequency = frequency
        self.ordinal = ordinal
    }

    /// The stored form: frequency-major, so one frequency's periods are consecutive integers.
    public var code: Int64 { frequency.rank << Self.frequencyShift + ordinal + Self.ordinalBias }

    public init?(code: Int64) {
        let rank = code >> Self.frequencyShift
        guard let f = Frequency.allCases.first(where: { $0.rank == rank }) else { return nil }
        self.init(f, ordinal: code - rank << Self.frequencyShift - Self.ordinalBias)
    }

    public static func < (a: Period, b: Period) -> Bool { a.code < b.code }

    // MARK: Making periods

    public static func year(_ y: Int64) -> Period? { years.contains(y) ? Period(.annual, ordinal: y) : nil }

    public static func within(_ f: Frequency, year y: Int64, _ k: Int64) -> Period? {
        guard years.contains(y), let per = f.perYear, (1...per).contains(k) else { return nil }
        return Period(f, ordinal: y * per + k - 1)
    }

    public static func day(year y: Int64, month m: Int64, day d: Int64) -> Period? {
        guard years.contains(y), (1...12).contains(m), (1...CivilDate.daysIn(month: m, year: y)).contains(d) else { return nil }
        return Period(.daily, ordinal: CivilDate.days(year: y, month: m, day: d))
    }

    /// ISO week `w` of ISO year `y` (week 1 holds the year's first Thursday).
    public static func week(year y: Int64, _ w: Int64) -> Period? {
        guard years.contains(y), w >= 1, w <= CivilDate.isoWeeks(in: y) else { return nil }
        let monday = CivilDate.isoWeekOneMonday(y) + (w - 1) * 7
        return Period(.weekly, ordinal: (monday + 3) / 7)
    }

    // MARK: Reading it

    /// Calendar (for weeks: ISO) year.
    public var year: Int64 {
        switch frequency {
        case .annual: return ordinal
        case .halfYear, .quarterly, .monthly: return floorDiv(ordinal, frequency.perYear!)
        case .weekly: return CivilDate.civil(thursday).year
        case .daily: return CivilDate.civil(ordinal).year
        }
    }

    /// The number within the year: half, quarter, month or ISO week (1-based); the day of the
    /// month for days; 1 for years.
    public var number: Int64 {
        switch frequency {
        case .annual: return 1
        case .halfYear, .quarterly, .monthly: return floorMod(ordinal, frequency.perYear!) + 1
        case .weekly: return (thursday - CivilDate.isoWeekOneMonday(year) - 3) / 7 + 1
        case .daily: return CivilDate.civil(ordinal).day
        }
    }

    /// The Thursday of an ISO week, in days from 1970 (it decides the week's year).
    private var thursday: Int64 { ordinal * 7 - 3 + 3 }

    /// First and last day, in days from 1970-01-01.
    public var firstDay: Int64 {
        switch frequency {
        case .annual: return CivilDate.days(year: ordinal, month: 1, day: 1)
        case .halfYear, .quarterly, .monthly:
            let months = 12 / frequency.perYear!
            return CivilDate.days(year: year, month: (number - 1) * months + 1, day: 1)
        case .weekly: return ordinal * 7 - 3
        case .daily: return ordinal
        }
    }

    public var lastDay: Int64 {
        switch frequency {
        case .weekly: return firstDay + 6
        case .daily: return ordinal
        default: return Period(frequency, ordinal: ordinal + 1).firstDay - 1
        }
    }

    /// The month (1–12) a period falls in when it lies within one month, else nil.
    public var month: Int64? {
        switch frequency {
        case .monthly: return number
        case .daily: return CivilDate.civil(ordinal).month
        default: return nil
        }
    }

    /// The period of a coarser frequency that holds this one (a week goes with its Thursday,
    /// as ISO 8601 does); nil when `f` is finer, or a week into months, halves or quarters whose
    /// boundary it may cross — there, its Thursday decides.
    public func converted(to f: Frequency) -> Period? {
        if f == frequency { return self }
        guard f < frequency else { return nil }
        if f == .weekly { return nil }
        let day = frequency == .weekly ? thursday : firstDay
        let d = CivilDate.civil(day)
        if f == .annual { return Period(.annual, ordinal: frequency == .weekly ? year : d.year) }
        let months = 12 / f.perYear!
        return Period.within(f, year: d.year, (d.month - 1) / months + 1)
    }

    // MARK: Text

    /// SDMX TIME_PERIOD form: 2023, 2023-S1, 2023-Q1, 2023-01, 2023-W05, 2023-01-15.
    public var description: String {
        var out: [UInt8] = []
        appendDescription(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The SDMX form's bytes appended to `out` (exports write millions of periods: no String each).
    public func appendDescription(to out: inout [UInt8]) {
        func digits(_ v: Int64, _ width: Int) {
            if v < 0 { out.append(45) }
            let start = out.count
            var m = v.magnitude
            repeat { out.append(UInt8(48 + m % 10)); m /= 10 } while m > 0
            while out.count - start < width { out.append(48) }
            out[start...].reverse()
        }
        switch frequency {
        case .annual: digits(ordinal, 4)
        case .halfYear: digits(year, 4); out += [45, 83]; digits(number, 1)
        case .quarterly: digits(year, 4); out += [45, 81]; digits(number, 1)
        case .monthly: digits(year, 4); out.append(45); digits(number, 2)
        case .weekly: digits(year, 4); out += [45, 87]; digits(number, 2)
        case .daily:
            let d = CivilDate.civil(ordinal)
            digits(d.year, 4); out.append(45); digits(d.month, 2); out.append(45); digits(d.day, 2)
        }
    }

    /// Reads every form SDMX and national spreadsheets write: `2023`, `2023-A1`, `2023-S1`/`2023S1`,
    /// `2023Q1`/`2023-Q1`, `2023-01`/`2023M01`/`2023-M01`/`2023M1`, `2023-W05`/`2023W05`, `2023-01-15`.
    /// Surrounding spaces are allowed; anything else is nil.
    public init?(_ text: String) {
        var bytes = Array(text.utf8)
        while let f = bytes.first, f == 32 || f == 9 { bytes.removeFirst() }
        while let l = bytes.last, l == 32 || l == 9 || l == 13 { bytes.removeLast() }
        guard let p = bytes.withUnsafeBufferPointer({ Period.parse($0, 0, $0.count) }) else { return nil }
        self = p
    }

    /// The period written in `p[s..<e]` (already trimmed), or nil.
    public static func parse(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Period? {
        let n = e - s
        guard n >= 4, let y = digits(p, s, 4) else { return nil }
        if n == 4 { return year(y) }
        var i = s + 4
        var dashed = false
        if p[i] == UInt8(ascii: "-") { dashed = true; i += 1 }
        guard i < e else { return nil }
        let letter = p[i] | 0x20
        switch letter {
        case UInt8(ascii: "a"), UInt8(ascii: "s"), UInt8(ascii: "q"), UInt8(ascii: "m"), UInt8(ascii: "w"):
            let rest = e - i - 1
            guard rest == 1 || rest == 2, let k = digits(p, i + 1, rest) else { return nil }
            switch letter {
            case UInt8(ascii: "a"): return k == 1 ? year(y) : nil
            case UInt8(ascii: "s"): return within(.halfYear, year: y, k)
            case UInt8(ascii: "q"): return within(.quarterly, year: y, k)
            case UInt8(ascii: "m"): return within(.monthly, year: y, k)
            default: return week(year: y, k)
            }
        default:
            // 2023-01 (a month) or 2023-01-15 (a day): digits only after a dash.
            guard dashed, e - i >= 2, let m = digits(p, i, 2) else { return nil }
            if e - i == 2 { return within(.monthly, year: y, m) }
            guard e - i == 5, p[i + 2] == UInt8(ascii: "-"), let d = digits(p, i + 3, 2) else { return nil }
            return day(year: y, month: m, day: d)
        }
    }

    private static func digits(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ n: Int) -> Int64? {
        var v: Int64 = 0
        for i in s..<(s + n) {
            let d = p[i] &- 48
            guard d < 10 else { return nil }
            v = v * 10 + Int64(d)
        }
        return v
    }
}

@inline(__always) func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
@inline(__always) func floorMod(_ a: Int64, _ b: Int64) -> Int64 { a - floorDiv(a, b) * b }

/// Proleptic Gregorian dates as days from 1970-01-01 (H. Hinnant's days_from_civil and back).
public enum CivilDate {
    public static func days(year y0: Int64, month m: Int64, day d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public static func civil(_ z0: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = z0 + 719468
        let era = floorDiv(z, 146097)
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func isLeap(_ y: Int64) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }

    static func daysIn(month m: Int64, year y: Int64) -> Int64 {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Monday = 1 … Sunday = 7 (1970-01-01 was a Thursday).
    static func isoWeekday(_ days: Int64) -> Int64 { floorMod(days + 3, 7) + 1 }

    /// The Monday of ISO week 1 of `y`: the week holding 4 January.
    static func isoWeekOneMonday(_ y: Int64) -> Int64 {
        let jan4 = days(year: y, month: 1, day: 4)
        return jan4 - (isoWeekday(jan4) - 1)
    }

    static func isoWeeks(in y: Int64) -> Int64 { (isoWeekOneMonday(y + 1) - isoWeekOneMonday(y)) / 7 }
}

extension Period {
    /// `table` with each text column whose every value is a period of one frequency read as periods
    /// (`2023-Q1`, `2023-01`, `2023-01-15`), once per distinct value; columns in `keepText` stay
    /// text. Whole-number years are integers already and stay so (`period: [year]` makes them
    /// periods). Also the names of the columns converted.
    public static func inferred(_ table: Table, keepText: Set<String>) -> (table: Table, columns: [String]) {
        var out = table
        var changed: [String] = []
        for (index, (name, column)) in zip(table.names, table.columns).enumerated() where !keepText.contains(name) {
            guard case .text(let codes, let dictionary) = column.storage, !dictionary.values.isEmpty else { continue }
            var periods: [Int64] = []
            periods.reserveCapacity(dictionary.values.count)
            var frequency: Frequency? = nil
            for v in dictionary.values {
                guard let p = Period(v), frequency == nil || frequency == p.frequency else { periods = []; break }
                frequency = p.frequency
                periods.append(p.code)
            }
            guard periods.count == dictionary.values.count else { continue }
            var validity = column.validity ?? Bitmap(count: codes.count, value: true)
            var cells = [Int64](repeating: 0, count: codes.count)
            for (r, code) in codes.enumerated() {
                if code >= 0 { cells[r] = periods[Int(code)] } else { validity[r] = false }
            }
            out.replaceColumn(at: index, with: Column(.period(cells), validity: validity))
            changed.append(name)
        }
        return (out, changed)
    }
}

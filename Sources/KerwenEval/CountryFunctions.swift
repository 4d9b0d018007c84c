// m49(x), iso2(x), iso3(x), country_name(x [, language]): the standard library's crosswalk applied
// once per distinct value of a text column (any name, ISO code or M49 number), or per row of a
// number column; what is not a country or area Kerwen knows is na and said in one warning.

import Foundation
import KerwenData
import KerwenDiagnostics

extension Interpreter {

    /// The crosswalk, read from `stdlib/data/countries.csv` the first time a session needs it.
    func countryCrosswalk(at span: Span) throws -> CountryCrosswalk {
        if let cached = countryCrosswalkCache { return cached }
        guard let dir = standardLibrary else { throw Diagnostic(.error, Message("E073", "data/countries.csv"), at: span) }
        let path = dir.appendingPathComponent("data/countries.csv").path
        try files.allow(path, shownAs: path, for: .read)
        var options = CSVOptions(missingMarkers: [""])
        for column in ["m49", "iso2", "iso3", "kind", "name", "world_bank", "other_names"] + CountryCrosswalk.languages.map({ "name_" + $0 }) {
            options.forcedTypes[column] = .text
        }
        let crosswalk = CountryCrosswalk(table: try CSVReader.read(path: path, shownAs: path, options: options, files: files))
        countryCrosswalkCache = crosswalk
        return crosswalk
    }

    func countryFunction(_ name: String, _ args: [Vec], count n: Int, span: Span) throws -> Value {
        let crosswalk = try countryCrosswalk(at: span)
        var language = "en"
        if name == "country_name", args.count > 1 {
            guard case .scalar(.text(let l)) = args[1], CountryCrosswalk.languages.contains(l) else {
                throw Diagnostic(.error, Message("E136"), at: span, hint: Message("H127", MessageArgument.names(CountryCrosswalk.languages)))
            }
            language = l
        }
        var unknown: [String: Int] = [:]
        func result(_ entry: CountryCrosswalk.Entry?, written: String) -> Scalar {
            guard let entry else { unknown[written, default: 0] += 1; return .na }
            switch name {
            case "m49": return .integer(entry.m49)
            case "iso2": return entry.iso2.isEmpty ? .na : .text(entry.iso2)
            case "iso3": return entry.iso3.isEmpty ? .na : .text(entry.iso3)
            default: return .text(entry.names[language] ?? entry.names["en"] ?? "")
            }
        }
        func one(_ s: Scalar) -> Scalar {
            switch s {
            case .na: return .na
            case .integer(let m): return result(crosswalk.find(m49: m), written: String(m))
            case .number(let x):
                guard let m = Int64(exactly: x) else { return result(nil, written: ScalarFormat.plain(s)) }
                return result(crosswalk.find(m49: m), written: String(m))
            case .text(let t): return result(crosswalk.find(t), written: t)
            default: return result(nil, written: ScalarFormat.plain(s))
            }
        }
        let type: ColumnType = name == "m49" ? .integer : .text
        let value: Value
        switch args[0] {
        case .scalar(let s): value = .scalar(one(s))
        case .column(let c):
            if case .text(let codes, let dict) = c.storage {
                // Once per distinct value; rows that repeat a value are counted for the warning.
                let perEntry = dict.values.map { one(.text($0)) }
                var rowsOf = [Int](repeating: 0, count: dict.values.count)
                for (i, code) in codes.enumerated() where code >= 0 && (c.validity?[i] ?? true) { rowsOf[Int(code)] += 1 }
                for (k, entry) in perEntry.enumerated() where entry.isNA && unknown[dict.values[k]] != nil { unknown[dict.values[k]] = rowsOf[k] }
                unknown = unknown.filter { $0.value > 0 }
                let rows = codes.enumerated().map { i, code in code >= 0 && (c.validity?[i] ?? true) ? Int(code) : -1 }
                value = .column(Column.from(perEntry, type: type).gather(rows))
            } else {
                value = .column(Column.from((0..<n).map { one(c.scalar(at: $0)) }, type: type))
            }
        }
        if !unknown.isEmpty { warn(unknownCountries(name, unknown, crosswalk, span)) }
        return value
    }

    /// W008: the values that are not countries, the most frequent first, with the nearest spelling.
    private func unknownCountries(_ name: String, _ unknown: [String: Int], _ crosswalk: CountryCrosswalk, _ span: Span) -> Diagnostic {
        let ordered = unknown.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        var shown = ordered.prefix(5).map { "`\($0.key)`" }.joined(separator: ", ")
        if ordered.count > 5 { shown += ", …" }
        let rows = unknown.values.reduce(0, +)
        let hint = ordered.lazy.compactMap { value -> Message? in
            guard let near = Suggestions.nearest(to: value.key, in: crosswalk.spellings, limit: 1).first else { return nil }
            return Message("H125", value.key, near)
        }.first ?? Message("H126")
        return Diagnostic(.warning, Message("W008", name, ordered.count, rows, shown), at: span, hint: hint)
    }
}

// The country and area crosswalk of the standard library (`stdlib/data/countries.csv`): UN M49
// numbers, ISO 3166 alpha-2 and alpha-3 codes, and the names the UN, the World Bank, ISO and the
// national offices write, in English, Russian, Turkmen, Uzbek, Kazakh and Kyrgyz — so that
// "Kyrgyzstan", "Kyrgyz Republic", "Кыргызстан", "Киргизия", KG, KGZ and 417 are one country.

import Foundation

public struct CountryCrosswalk: Sendable {
    public struct Entry: Sendable {
        public let m49: Int64
        public let iso2: String
        public let iso3: String
        /// The name in each language the file has ("en", "ru", "tk", "uz", "kk", "ky"); "en" is the UN M49 name.
        public let names: [String: String]
    }

    public let entries: [Entry]
    /// Folded name or code → entry; a key two entries share is left out (never a guess).
    private let index: [String: Int]
    private let byM49: [Int64: Int]
    /// Every name and code as written in the file, for "did you mean".
    public let spellings: [String]

    public static let languages = ["en", "ru", "tk", "uz", "kk", "ky"]

    /// Reads the crosswalk from its table (columns m49, iso2, iso3, kind, name, name_ru, …, world_bank, other_names).
    public init(table: Table) {
        func text(_ column: String, _ row: Int) -> String {
            guard let c = table.column(column), !c.scalar(at: row).isNA else { return "" }
            return ScalarFormat.plain(c.scalar(at: row))
        }
        var entries: [Entry] = [], keys: [String: Int] = [:], ambiguous: Set<String> = [], spellings: [String] = []
        var byM49: [Int64: Int] = [:]
        for row in 0..<table.rowCount {
            guard let m49 = Int64(text("m49", row)) else { continue }
            var names: [String: String] = ["en": text("name", row)]
            for language in Self.languages.dropFirst() where !text("name_" + language, row).isEmpty {
                names[language] = text("name_" + language, row)
            }
            let entry = Entry(m49: m49, iso2: text("iso2", row), iso3: text("iso3", row), names: names)
            let id = entries.count
            entries.append(entry)
            byM49[m49] = id
            var all = Array(names.values) + [entry.iso2, entry.iso3, text("world_bank", row)]
            all += text("other_names", row).split(separator: "|").map(String.init)
            // M49 regions are also written without their "(M49)" mark ("Central Asia").
            if let en = names["en"], en.hasSuffix(" (M49)") { all.append(String(en.dropLast(6))) }
            for spelling in all where !spelling.isEmpty {
                spellings.append(spelling)
                let key = Self.fold(spelling)
                if let other = keys[key], other != id { ambiguous.insert(key) } else { keys[key] = id }
            }
        }
        for key in ambiguous { keys[key] = nil }
        self.entries = entries
        self.index = keys
        self.byM49 = byM49
        self.spellings = Array(Set(spellings)).sorted()
    }

    /// The entry a name, an ISO code or an M49 number written as text stands for.
    public func find(_ written: String) -> Entry? {
        let trimmed = written.trimmingCharacters(in: .whitespaces)
        if let number = Int64(trimmed) { return find(m49: number) }
        return index[Self.fold(trimmed)].map { entries[$0] }
    }

    public func find(m49: Int64) -> Entry? { byM49[m49].map { entries[$0] } }

    /// The form names are compared in: case and accents folded, every apostrophe one, `&` as "and",
    /// punctuation as spaces ("Korea, Rep." = "korea rep"; "O'zbekiston" = "Oʻzbekiston").
    static func fold(_ s: String) -> String {
        var out = ""
        for scalar in s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars {
            switch scalar {
            case "'", "\u{2BB}", "\u{2BC}", "\u{2018}", "\u{2019}", "`", "\u{B4}": out.append("'")
            case "&": out.append(" and ")
            case ",", ".", "(", ")", "-", "\u{A0}": out.append(" ")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out.split(separator: " ").joined(separator: " ")
    }
}

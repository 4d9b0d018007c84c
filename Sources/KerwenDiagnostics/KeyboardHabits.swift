// Two slips of people who type Russian, Kazakh, Turkmen or Uzbek all day: a Latin word typed with
// the keyboard still on the Russian layout (`ырщц` for `show`), and a Cyrillic letter that looks
// Latin inside a Latin name (`sеx` with a Cyrillic е). Both are found before edit distance is
// tried, because for them the edit distance says nothing (every letter of `ырщц` differs).

public enum KeyboardHabits {
    /// The Latin key under each letter of the Russian ЙЦУКЕН layout (Windows, macOS and X11 agree).
    static let russianLayout: [Character: Character] = {
        let cyrillic = Array("йцукенгшщзхъфывапролджэячсмитьбюё")
        let latin = Array("qwertyuiop[]asdfghjkl;'zxcvbnm,.`")
        var map: [Character: Character] = [:]
        for (c, l) in zip(cyrillic, latin) {
            map[c] = l
            if let upper = String(c).uppercased().first, let latinUpper = String(l).uppercased().first { map[upper] = latinUpper }
        }
        return map
    }()

    /// The word the same keys give on the Latin layout, when every letter is a Cyrillic key
    /// (nil for a word that is not all Cyrillic, or gives punctuation).
    public static func latinFromRussianLayout(_ word: String) -> String? {
        guard !word.isEmpty else { return nil }
        var out = ""
        for c in word {
            guard let l = russianLayout[c], l.isLetter else { return nil }
            out.append(l)
        }
        return out
    }

    /// Cyrillic letters that look like Latin ones in most fonts, and the Latin letter each looks like.
    static let lookAlikes: [Character: Character] = [
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "к": "k", "і": "i", "ј": "j", "ѕ": "s", "һ": "h",
        "ԁ": "d", "ԛ": "q", "ԝ": "w", "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
        "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
    ]

    /// A name with its Cyrillic look-alikes made Latin, and the letters replaced; nil when the name
    /// has none, or is Cyrillic throughout (a Russian name is a name, not a slip).
    public static func latinLookAlikes(_ name: String) -> (fixed: String, replaced: [Character])? {
        let cyrillic = name.filter { $0.unicodeScalars.contains { (0x0400...0x052F).contains($0.value) } }
        let latin = name.filter { $0.isASCII && $0.isLetter }
        guard !cyrillic.isEmpty, !latin.isEmpty || cyrillic.allSatisfy({ lookAlikes[$0] != nil }) else { return nil }
        guard cyrillic.allSatisfy({ lookAlikes[$0] != nil }) else { return nil }
        var replaced: [Character] = []
        let fixed = String(name.map { c -> Character in
            guard let l = lookAlikes[c] else { return c }
            if !replaced.contains(c) { replaced.append(c) }
            return l
        })
        return (fixed, replaced)
    }

    /// "the Cyrillic `е` (U+0435) where the Latin `e` is meant" for each replaced letter.
    public static func describe(_ replaced: [Character]) -> [String] {
        replaced.map { c in
            var code = String(c.unicodeScalars.first!.value, radix: 16, uppercase: true)
            while code.count < 4 { code = "0" + code }
            return "`\(c)` (U+\(code)) → `\(lookAlikes[c]!)`"
        }
    }

    /// The hint for a name that is not known, when one of the two slips explains it.
    public static func hint(for name: String, in candidates: [String]) -> Message? {
        if let (fixed, replaced) = latinLookAlikes(name), candidates.contains(fixed) {
            return Message("H113", name, fixed, describe(replaced).joined(separator: ", "))
        }
        if let latin = latinFromRussianLayout(name) {
            if let match = candidates.first(where: { $0 == latin }) ?? candidates.first(where: { $0.lowercased() == latin.lowercased() }) {
                return Message("H114", name, match)
            }
        }
        return nil
    }
}

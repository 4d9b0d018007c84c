// The languages Kerwen speaks, how one is chosen, and the two grammar facts its messages need:
// which plural form follows a number, and how a count's digits are grouped.

public enum Language: String, CaseIterable, Sendable {
    case en, ru, tk, uz

    /// A language from a code as users and locales write it: `ru`, `ru_RU.UTF-8`, `tk_TM`,
    /// `uz_UZ`, `uz_Latn`, `uz-Latn-UZ`, `RU`. `C` and `POSIX` (and anything else) give nil.
    public init?(code: String) {
        let lower = code.lowercased()
        let base = lower.prefix { $0.isLetter }
        guard let language = Language(rawValue: String(base)) else { return nil }
        self = language
    }

    /// The choice of language: the `--lang` option, else `KERWEN_LANG`, else the locale
    /// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX orders them), else English.
    /// A variable that is set but names another language stops the search, as it does for
    /// the C library: `LC_ALL=de_DE` means German, which Kerwen does not have, so English.
    public static func resolve(option: String?, environment: [String: String]) -> Language {
        if let option, let language = Language(code: option) { return language }
        if let value = environment["KERWEN_LANG"], !value.isEmpty, let language = Language(code: value) { return language }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return Language(code: value) ?? .en
        }
        return .en
    }

    /// The index of the word form that follows the number `n` in a plural placeholder
    /// `{count|form0|form1|…}`. English: one, other. Russian: one (1, 21, 101), few (2–4, 22–24),
    /// many (0, 5–20, 25–30, 111). Turkmen and Uzbek keep the singular after a numeral.
    public func pluralForm(_ n: Int) -> Int {
        let m = n.magnitude
        switch self {
        case .en: return m == 1 ? 0 : 1
        case .ru:
            let last = m % 10, lastTwo = m % 100
            if last == 1 && lastTwo != 11 { return 0 }
            if (2...4).contains(last) && !(12...14).contains(lastTwo) { return 1 }
            return 2
        case .tk, .uz: return 0
        }
    }

    /// What separates groups of three digits in a count: a comma in English; a no-break space in
    /// Russian, Turkmen and Uzbek, as their standards write 4 100 000.
    public var groupSeparator: String { self == .en ? "," : "\u{00A0}" }

    /// A count with its digits grouped: `4,100,000` or `4 100 000`.
    public func grouped(_ n: Int) -> String {
        var digits = Array(String(n.magnitude)), out: [Character] = []
        let separator = Array(groupSeparator)
        while digits.count > 3 { out = separator + digits.suffix(3) + out; digits.removeLast(3) }
        return (n < 0 ? "-" : "") + String(digits + out)
    }
}

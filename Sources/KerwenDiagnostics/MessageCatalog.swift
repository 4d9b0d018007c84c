// Words messages in one language. Each Session holds its own catalog value, so two sessions in one
// process (a workshop server) can speak different languages; the tables themselves are constants.
//
// Template syntax (docs/i18n/README.md):
//   {name}              the argument called `name`
//   {0:name}            in the English source only: declares that argument 0 is called `name`
//   {name|form|form…}   the word form that follows the count `name` (English: one|other;
//                       Russian: one|few|many; Turkmen and Uzbek: one form)
// A `{` not followed by a name and `}`, `:` or `|` is text, so `{ … }` in a hint stays as written.

/// Message templates by language and code. The English table is the source; a code missing from
/// another language's table falls back to English for that message only.
let messageTables: [Language: [String: String]] = [
    .en: englishMessages.merging(englishHelp) { a, _ in a }.merging(englishSeriesMessages) { a, _ in a },
    .ru: russianMessages.merging(russianHelp) { a, _ in a }.merging(russianSeriesMessages) { a, _ in a },
    .tk: turkmenMessages.merging(turkmenHelp) { a, _ in a }.merging(turkmenSeriesMessages) { a, _ in a },
    .uz: uzbekMessages.merging(uzbekHelp) { a, _ in a }.merging(uzbekSeriesMessages) { a, _ in a },
]

/// For each code, the argument index of each placeholder name, read from the English source.
let argumentNames: [String: [String: Int]] = {
    var out: [String: [String: Int]] = [:]
    for (code, template) in messageTables[.en]! {
        var names: [String: Int] = [:]
        for piece in Template.parse(template) {
            if case .argument(let name, let index?, _) = piece { names[name] = index }
        }
        if !names.isEmpty { out[code] = names }
    }
    return out
}()

public struct MessageCatalog: Hashable, Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    public static let english = MessageCatalog(.en)

    /// The template for a code: the catalog's language first, English as the fallback.
    public func template(for code: String) -> String {
        messageTables[language]?[code] ?? messageTables[.en]?[code] ?? code
    }

    /// The message worded in this catalog's language.
    public func format(_ message: Message) -> String {
        let template = template(for: message.code)
        let names = argumentNames[message.code] ?? [:]
        var text = ""
        for piece in Template.parse(template) {
            switch piece {
            case .text(let s): text += s
            case .argument(let name, let declared, let forms):
                guard let index = declared ?? names[name] ?? Int(name), index < message.args.count else {
                    text += "{\(name)}"
                    continue
                }
                let argument = message.args[index]
                if forms.isEmpty { text += render(argument) } else { text += form(of: forms, for: argument) }
            }
        }
        return text
    }

    /// Shorthand for words used by renderers ("row", "error", a footer).
    public func word(_ code: String, _ args: any MessageArgumentConvertible...) -> String {
        format(Message(code: code, args: args))
    }

    public func hasCode(_ code: String) -> Bool { messageTables[.en]?[code] != nil }

    /// A count grouped as this language writes it.
    public func grouped(_ n: Int) -> String { language.grouped(n) }

    private func render(_ argument: MessageArgument) -> String {
        switch argument {
        case .text(let s): return s
        case .count(let n): return language.grouped(n)
        case .message(let m): return format(m)
        case .names(let names):
            return names.map { "`\($0)`" }.joined(separator: word("W.or"))
        }
    }

    private func form(of forms: [String], for argument: MessageArgument) -> String {
        var n = 0
        switch argument {
        case .count(let c): n = c
        case .text(let s): n = Int(s.filter { $0.isNumber || $0 == "-" }) ?? 0
        default: break
        }
        return forms[min(language.pluralForm(n), forms.count - 1)]
    }
}

/// A parsed message template: text and placeholders.
enum Template {
    enum Piece: Equatable {
        case text(String)
        /// A placeholder: its name, the index the English source declares for it, and plural forms.
        case argument(name: String, index: Int?, forms: [String])
    }

    static func parse(_ template: String) -> [Piece] {
        var pieces: [Piece] = []
        var text = ""
        let chars = Array(template)
        var i = 0
        while i < chars.count {
            if chars[i] == "{", let (piece, next) = placeholder(chars, from: i) {
                if !text.isEmpty { pieces.append(.text(text)); text = "" }
                pieces.append(piece)
                i = next
            } else {
                text.append(chars[i])
                i += 1
            }
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        return pieces
    }

    /// `{name}`, `{0:name}` or `{name|a|b}` starting at `start`, and the index after it.
    private static func placeholder(_ chars: [Character], from start: Int) -> (Piece, Int)? {
        func isNameChar(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "_") }
        var i = start + 1
        var first = ""
        while i < chars.count, isNameChar(chars[i]) { first.append(chars[i]); i += 1 }
        guard !first.isEmpty, i < chars.count else { return nil }
        var name = first, index: Int?
        if chars[i] == ":" {
            guard let n = Int(first) else { return nil }
            i += 1
            var declared = ""
            while i < chars.count, isNameChar(chars[i]) { declared.append(chars[i]); i += 1 }
            guard !declared.isEmpty, i < chars.count else { return nil }
            name = declared
            index = n
        }
        var forms: [String] = []
        if chars[i] == "|" {
            var current = ""
            i += 1
            while i < chars.count, chars[i] != "}" {
                if chars[i] == "|" { forms.append(current); current = "" } else { current.append(chars[i]) }
                i += 1
            }
            guard i < chars.count else { return nil }
            forms.append(current)
        }
        guard i < chars.count, chars[i] == "}" else { return nil }
        return (.argument(name: name, index: index, forms: forms), i + 1)
    }

    /// The placeholder names a template uses (for the completeness test).
    static func names(in template: String) -> Set<String> {
        Set(parse(template).compactMap { if case .argument(let name, _, _) = $0 { return name } else { return nil } })
    }
}

extension MessageCatalog {
    /// The codes of a language's own table (without the English fallback), for tests and tools.
    public static func codes(of language: Language) -> Set<String> { Set(messageTables[language]?.keys ?? [:].keys) }

    /// The placeholder names a code's template uses in a language, or nil when the language lacks it.
    public static func placeholderNames(_ code: String, in language: Language) -> Set<String>? {
        messageTables[language]?[code].map(Template.names)
    }

    /// The raw template of a code in one language, without fallback.
    public static func ownTemplate(_ code: String, in language: Language) -> String? { messageTables[language]?[code] }
}

// Looks up user-facing text by message code, so translating Kerwen is a data change.

import Foundation

/// Message templates keyed by code; `{0}`, `{1}` … are filled with the message's arguments.
public final class MessageCatalog: @unchecked Sendable {
    public static let shared = MessageCatalog()

    private var tables: [String: [String: String]] = ["en": englishMessages.merging(englishHelp) { a, _ in a }]
    public private(set) var language: String

    private init() {
        let env = ProcessInfo.processInfo.environment
        let requested = (env["KERWEN_LANG"] ?? "en").lowercased()
        language = requested
    }

    /// Adds or replaces a language's table (used by translations and tests).
    public func register(language: String, table: [String: String]) { tables[language] = table }

    public func setLanguage(_ code: String) { language = code }

    /// The template for a code: the active language first, English as the fallback.
    public func template(for code: String) -> String {
        if let t = tables[language]?[code] { return t }
        if let t = tables["en"]?[code] { return t }
        return code
    }

    public func format(_ message: Message) -> String {
        var text = template(for: message.code)
        for (i, arg) in message.args.enumerated() {
            text = text.replacingOccurrences(of: "{\(i)}", with: arg)
        }
        return text
    }

    /// Shorthand for words used by renderers ("row", "rows", "error").
    public func word(_ code: String, _ args: String...) -> String {
        format(Message(code: code, args: args))
    }

    public func hasCode(_ code: String) -> Bool { tables["en"]?[code] != nil }
}

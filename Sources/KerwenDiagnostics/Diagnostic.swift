// Diagnostics are data: a code, arguments and spans; the catalog words them, the renderer draws them.

public enum Severity: String, Sendable {
    case error, warning, note
}

/// A value that fills a message's placeholder. Arguments keep their type until a renderer words
/// the message in its session's language: a count is grouped and picks the plural form there, a
/// nested message (`expected {what}`) is worded in the same language.
public indirect enum MessageArgument: Hashable, Sendable {
    /// Text shown as it is: a name, a value, a path, a piece of code.
    case text(String)
    /// A number of things: grouped by the language's rule, and the number plural forms follow.
    case count(Int)
    /// Another catalog message, worded in the same language.
    case message(Message)
    /// Names offered as alternatives: "`a`, `b` or `c`" in the language's words.
    case names([String])
}

/// What can be passed where a message wants an argument.
public protocol MessageArgumentConvertible { var messageArgument: MessageArgument { get } }
extension String: MessageArgumentConvertible { public var messageArgument: MessageArgument { .text(self) } }
extension Substring: MessageArgumentConvertible { public var messageArgument: MessageArgument { .text(String(self)) } }
extension Int: MessageArgumentConvertible { public var messageArgument: MessageArgument { .count(self) } }
extension Message: MessageArgumentConvertible { public var messageArgument: MessageArgument { .message(self) } }
extension MessageArgument: MessageArgumentConvertible { public var messageArgument: MessageArgument { self } }

/// A catalog message: its code and the values that fill its placeholders, in the order the
/// English template numbers them (`{0:column}`); translations refer to them by name.
public struct Message: Hashable, Sendable {
    public let code: String
    public let args: [MessageArgument]
    public init(_ code: String, _ args: any MessageArgumentConvertible...) { self.code = code; self.args = args.map(\.messageArgument) }
    public init(code: String, args: [any MessageArgumentConvertible]) { self.code = code; self.args = args.map(\.messageArgument) }

    /// The argument at `index` when it is plain text (for code that inspects a diagnostic).
    public func textArgument(_ index: Int) -> String? {
        guard index < args.count, case .text(let s) = args[index] else { return nil }
        return s
    }
}

/// One problem found in a script or its data.
public struct Diagnostic: Error, Sendable {
    public var severity: Severity
    public var message: Message
    public var span: Span?
    /// A short label printed under the caret.
    public var label: Message?
    public var hint: Message?
    public var notes: [Message]

    public init(_ severity: Severity = .error, _ message: Message, at span: Span? = nil,
                label: Message? = nil, hint: Message? = nil, notes: [Message] = []) {
        self.severity = severity
        self.message = message
        self.span = span
        self.label = label
        self.hint = hint
        self.notes = notes
    }

    public static func error(_ code: String, _ args: any MessageArgumentConvertible..., at span: Span? = nil, hint: Message? = nil) -> Diagnostic {
        Diagnostic(.error, Message(code: code, args: args), at: span, hint: hint)
    }

    public static func warning(_ code: String, _ args: any MessageArgumentConvertible..., at span: Span? = nil, hint: Message? = nil) -> Diagnostic {
        Diagnostic(.warning, Message(code: code, args: args), at: span, hint: hint)
    }

    public var code: String { message.code }
}

/// Several diagnostics raised together (e.g. all parse errors of a file).
public struct DiagnosticList: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}


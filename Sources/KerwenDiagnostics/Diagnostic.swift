// Diagnostics are data: a code, arguments and spans; the catalog words them, the renderer draws them.

public enum Severity: String, Sendable {
    case error, warning, note
}

/// A catalog message: its code and the values that fill its placeholders.
public struct Message: Hashable, Sendable {
    public let code: String
    public let args: [String]
    public init(_ code: String, _ args: String...) { self.code = code; self.args = args }
    public init(code: String, args: [String]) { self.code = code; self.args = args }

    /// The message worded in the active language.
    public var text: String { MessageCatalog.shared.format(self) }
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

    public static func error(_ code: String, _ args: String..., at span: Span? = nil, hint: Message? = nil) -> Diagnostic {
        Diagnostic(.error, Message(code: code, args: args), at: span, hint: hint)
    }

    public static func warning(_ code: String, _ args: String..., at span: Span? = nil, hint: Message? = nil) -> Diagnostic {
        Diagnostic(.warning, Message(code: code, args: args), at: span, hint: hint)
    }

    public var code: String { message.code }
}

/// Several diagnostics raised together (e.g. all parse errors of a file).
public struct DiagnosticList: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

extension Message {
    /// A count with thousands grouped (`4,100,000`) for a message argument.
    /// (Until the languages issue gives arguments types, the grouping is the English one.)
    public static func grouped(_ n: Int) -> String {
        var digits = Array(String(n.magnitude)), out: [Character] = []
        while digits.count > 3 { out = [","] + digits.suffix(3) + out; digits.removeLast(3) }
        return (n < 0 ? "-" : "") + String(digits + out)
    }
}

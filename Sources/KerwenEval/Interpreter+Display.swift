// `show … with decimals: 5, thousands: true`: how one `show` draws its numbers, on screen only.

import KerwenData
import KerwenDiagnostics
import KerwenSyntax

/// Display options of one `show` (nil: the session's own).
public struct DisplayOptions: Sendable, Equatable {
    public var decimals: Int?
    public var thousands: Bool?
    public init(decimals: Int? = nil, thousands: Bool? = nil) { self.decimals = decimals; self.thousands = thousands }
}

extension Interpreter {
    static let showOptionNames = ["decimals", "thousands"]

    func displayOptions(_ options: [Option]) throws -> DisplayOptions {
        var out = DisplayOptions()
        for option in options {
            switch option.name.text {
            case "decimals":
                guard case .scalar(let s) = try evalValue(option.value), case .integer(let d) = s, (0...15).contains(d) else {
                    throw Diagnostic(.error, Message("E054", "decimals"), at: option.value.span, hint: Message("H124"))
                }
                out.decimals = Int(d)
            case "thousands":
                guard case .scalar(.boolean(let b)) = try evalValue(option.value) else {
                    throw Diagnostic(.error, Message("E054", "thousands"), at: option.value.span, hint: Message("H124"))
                }
                out.thousands = b
            default:
                throw Diagnostic(.error, Message("E135", option.name.text), at: option.name.span,
                                 hint: Suggestions.hint(for: option.name.text, in: Self.showOptionNames) ?? Message("H124"))
            }
        }
        return out
    }
}

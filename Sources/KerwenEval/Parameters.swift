// `--param NAME=VALUE`: converting the text to the type of the script's default.

import Foundation
import KerwenData
import KerwenDiagnostics

public enum Parameters {
    /// The override text read as the same type as the default value.
    public static func convert(_ text: String, like defaultValue: Scalar, name: String) throws -> Scalar {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch defaultValue {
        case .integer:
            if let v = Int64(trimmed) { return .integer(v) }
            throw Diagnostic.error("E019", name, text, Message("K.integer"), hint: Message("H039", name))
        case .number:
            if let v = Double(trimmed) { return .number(v) }
            throw Diagnostic.error("E019", name, text, Message("K.number"), hint: Message("H039", name))
        case .boolean:
            if trimmed == "true" { return .boolean(true) }
            if trimmed == "false" { return .boolean(false) }
            throw Diagnostic.error("E019", name, text, Message("K.boolean"), hint: Message("H039", name))
        case .period:
            if let p = Period(trimmed) { return .period(p) }
            throw Diagnostic.error("E019", name, text, Message("K.period"), hint: Message("H039", name))
        case .text, .na:
            return .text(text)
        }
    }
}


// A single value: the result of a scalar expression or one cell of a column.

import KerwenDiagnostics

public enum Scalar: Equatable, Sendable {
    case na
    case integer(Int64)
    case number(Double)
    case text(String)
    case boolean(Bool)
    case period(Period)

    public var isNA: Bool { if case .na = self { return true } else { return false } }

    /// The value as a Double when numeric.
    public var doubleValue: Double? {
        switch self {
        case .integer(let v): return Double(v)
        case .number(let v): return v
        default: return nil
        }
    }

    public var type: ColumnType? {
        switch self {
        case .na: return nil
        case .integer: return .integer
        case .number: return .number
        case .text: return .text
        case .boolean: return .boolean
        case .period: return .period
        }
    }
}

extension Message {
    /// A column type as a catalog word (`K.number` …), translated where the message is worded.
    public static func typeName(_ type: ColumnType) -> Message { Message("K.\(type.rawValue)") }
}

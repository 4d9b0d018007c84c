// The types a bound expression or a plan column can have, known before anything runs.

import KerwenData

public enum PlanType: String, Sendable, Equatable {
    case integer, number, text, boolean, period
    /// A value whose type is not known until the script runs (a column of a file that could not be
    /// read at bind time, a function that cannot be expanded before running).
    case unknown
    /// `na` written alone: it takes the type of what it is combined with.
    case na
    /// A list of values (`in [..]`, `let codes = ["KG", "UZ"]`).
    case list
    /// A table: a pipeline, a dataset, an indicator's result.
    case table

    public init(_ column: ColumnType) {
        switch column {
        case .integer: self = .integer
        case .number: self = .number
        case .text: self = .text
        case .boolean: self = .boolean
        case .period: self = .period
        }
    }

    public init(_ value: Scalar) {
        switch value {
        case .na: self = .na
        case .integer: self = .integer
        case .number: self = .number
        case .text: self = .text
        case .boolean: self = .boolean
        case .period: self = .period
        }
    }

    public var isNumeric: Bool { self == .integer || self == .number }

    /// The type two branches or arguments share (`if c then 1 else 2.5` is a number).
    public static func common(_ a: PlanType, _ b: PlanType) -> PlanType {
        if a == b { return a }
        if a == .na { return b }
        if b == .na { return a }
        if a == .unknown || b == .unknown { return .unknown }
        if a.isNumeric && b.isNumeric { return .number }
        return .unknown
    }
}

/// One column of a plan node's output.
public struct PlanColumn: Sendable, Equatable {
    public var name: String
    public var type: PlanType
    public init(_ name: String, _ type: PlanType) { self.name = name; self.type = type }
}

// What a plain name means inside a step over a table: decided here once, for the resolver (before
// anything runs), the binder (the plan) and the evaluator (names in function bodies, known only at
// run time), so the three can never disagree.

import KerwenDiagnostics
import KerwenSyntax

public enum NameMeaning: Equatable, Sendable {
    /// The column of the table the step reads.
    case column
    /// The variable, parameter, dataset or indicator of that name.
    case global
    /// A column and a single-value variable share the name, and the step does not say which (E016).
    case ambiguous
    /// Neither a column nor a global (E012 in a step, E013 outside one).
    case unknown
}

public enum NameRules {
    /// A plain name in a step: the column when the table has one, unless a single value (a parameter
    /// or a variable holding a number, text or list) has the same name and the step does not write
    /// `$name` (then it is ambiguous); otherwise the global; otherwise unknown.
    public static func meaning(of name: String, isColumn: Bool, global: Symbol?, dollarNames: Set<String>) -> NameMeaning {
        if isColumn {
            if let global, global.isSingleValue, !dollarNames.contains(name) { return .ambiguous }
            return .column
        }
        return global == nil ? .unknown : .global
    }

    /// E016: the name could be the column or the variable.
    public static func ambiguity(_ name: String, at span: Span) -> Diagnostic {
        Diagnostic(.error, Message("E016", name), at: span, hint: Message("H033", name))
    }
}

extension Symbol {
    /// A parameter, or a variable that holds one value or a list (not a table): the symbols a
    /// column's name can be confused with.
    public var isSingleValue: Bool { kind == .parameter || (kind == .variable && columns == nil) }
}

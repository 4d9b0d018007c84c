import KerwenSyntax

// What a name refers to before anything runs: datasets, variables, parameters, functions, indicators.

public struct Symbol: Sendable {
    public enum Kind: String, Sendable { case dataset, variable, parameter, function, indicator }
    public var kind: Kind
    /// Column names when the symbol is a table whose columns are known.
    public var columns: [String]?
    /// Parameter count for user functions.
    public var arity: Int?
    /// An indicator's definition (other indicators can be made from it).
    public var decl: IndicatorDecl?

    public init(kind: Kind, columns: [String]? = nil, arity: Int? = nil, decl: IndicatorDecl? = nil) {
        self.kind = kind
        self.columns = columns
        self.arity = arity
        self.decl = decl
    }
}

/// The names visible at one point of a script (or of a REPL session).
public struct Scope: Sendable {
    public var symbols: [String: Symbol] = [:]
    public init() {}

    public subscript(name: String) -> Symbol? {
        get { symbols[name] }
        set { symbols[name] = newValue }
    }

    public var names: [String] { Array(symbols.keys) }
}

/// The columns visible inside an expression: none (plain names are variables), unknown, or known.
public enum TableContext: Sendable {
    case none
    case unknown
    case known([String])
    /// After `group by`: the columns, and the keys `summarize` will keep.
    case grouped([String], keys: [String])

    public var columns: [String]? {
        switch self {
        case .known(let c), .grouped(let c, _): return c
        default: return nil
        }
    }
}

// What the binder knows of the session's names before a statement runs: kind, type, typed columns,
// and for user functions and indicators their definitions.

import KerwenSema
import KerwenSyntax

public struct PlanGlobal: Sendable {
    public var kind: Symbol.Kind
    /// `.table` for datasets and indicators; a variable's or parameter's value type.
    public var type: PlanType
    public var columns: [PlanColumn]?
    public var functionParams: [String]?
    public var functionBody: Expr?
    public var indicator: IndicatorDecl?
    /// A module's function: its parameter count (its body is the module's).
    var moduleArity: Int?

    public init(kind: Symbol.Kind, type: PlanType, columns: [PlanColumn]? = nil, functionParams: [String]? = nil,
                functionBody: Expr? = nil, indicator: IndicatorDecl? = nil) {
        self.kind = kind
        self.type = type
        self.columns = columns
        self.functionParams = functionParams
        self.functionBody = functionBody
        self.indicator = indicator
    }

    /// A resolver's symbol (a module's names): its columns are known by name only.
    public init(_ symbol: Symbol) {
        let isTable = symbol.kind == .dataset || symbol.kind == .indicator
        self.init(kind: symbol.kind, type: isTable ? .table : .unknown,
                  columns: symbol.columns?.map { PlanColumn($0, .unknown) }, indicator: symbol.decl)
        moduleArity = symbol.arity
    }

    /// The same name as the resolver sees it (for `NameRules`).
    public var symbol: Symbol {
        Symbol(kind: kind, columns: columns?.map(\.name), arity: functionParams?.count ?? moduleArity, decl: indicator)
    }
}

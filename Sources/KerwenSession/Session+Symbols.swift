// What the session knows by name, for completion, `:datasets`, `:indicators` and `:reset`.

import KerwenEval
import KerwenSema
import KerwenSyntax

public struct SessionSymbol: Sendable {
    public var name: String
    public var kind: Symbol.Kind
    public var columns: [String]
    public var rows: Int?
}

extension Session {
    /// Every name bound in the session, sorted.
    public var symbols: [SessionSymbol] {
        interpreter.globals.map { name, binding in
            switch binding {
            case .value(let v):
                let t = v.table
                return SessionSymbol(name: name, kind: t != nil ? .dataset : .variable, columns: t?.names ?? [], rows: t?.rowCount)
            case .parameter: return SessionSymbol(name: name, kind: .parameter, columns: [])
            case .function: return SessionSymbol(name: name, kind: .function, columns: [])
            case .indicator(let d): return SessionSymbol(name: name, kind: .indicator, columns: d.by.map(\.text) + Resolver.indicatorColumns)
            }
        }.sorted { $0.name < $1.name }
    }

    /// The distinct text values of a column in the session's tables (for completing `== "…`),
    /// at most `limit`, in the order the tables met them.
    public func textValues(ofColumn column: String, limit: Int = 2000) -> [String] {
        var out: [String] = [], seen = Set<String>()
        for binding in interpreter.globals.values {
            guard case .value(let v) = binding, let t = v.table, let c = t.column(column),
                  case .text(_, let dictionary) = c.storage else { continue }
            for s in dictionary.values where seen.insert(s).inserted {
                out.append(s)
                if out.count >= limit { return out }
            }
        }
        return out
    }

    /// The metadata of a defined indicator, without computing it.
    public func indicatorMetadata(_ name: String) -> [(String, String)] {
        guard case .indicator(let d)? = interpreter.globals[name] else { return [] }
        return d.metadata.compactMap { m in
            if case .string(let s) = m.value.kind { return (m.key.text, s) }
            return (m.key.text, ExprPrinter.text(m.value))
        }
    }

    /// Forgets every dataset, variable, function and indicator.
    public func reset() {
        interpreter.globals.removeAll()
        loadedModules.removeAll()
    }
}

// `design survey { weight: w  strata: region  cluster: psu }`: a sample design declared once for a
// dataset. Before a program is resolved, each indicator over that dataset — or over a table `let`
// makes from it — that names no weight of its own gets the design, so the resolver, the plan and the
// evaluator all see an ordinary indicator with `weight:`, `strata:` and `cluster:`.

import KerwenSyntax

extension Session {
    struct SampleDesign { var weight: Name; var strata: Name?; var cluster: Name?; var fpc: Name? }

    func withDesigns(_ program: Program) -> Program {
        var out = program
        for (i, stmt) in program.statements.enumerated() {
            switch stmt.kind {
            case .design(let name, let weight, let strata, let cluster, let fpc):
                designs[name.text] = SampleDesign(weight: weight, strata: strata, cluster: cluster, fpc: fpc)
            case .letBinding(let name, let value):
                // A table made from a designed dataset (`let recent = survey | where …`) keeps its design.
                designs[name.text] = Self.sourceName(value).flatMap { designs[$0] }
            case .load(let name, _, _):
                designs[name.text] = nil
            case .indicator(var decl) where decl.weight == nil && decl.strata == nil && decl.cluster == nil && decl.fpc == nil:
                guard let data = decl.data, let source = Self.sourceName(data), let design = designs[source] else { continue }
                decl.weight = design.weight
                decl.strata = design.strata
                decl.cluster = design.cluster
                decl.fpc = design.fpc
                out.statements[i] = Stmt(.indicator(decl), stmt.span)
            default: break
            }
        }
        return out
    }

    /// The dataset a table expression starts from (`survey` in `survey | where …`).
    static func sourceName(_ e: Expr) -> String? {
        switch e.kind {
        case .name(let n): return n
        case .pipeline(let source, _): return sourceName(source)
        default: return nil
        }
    }
}

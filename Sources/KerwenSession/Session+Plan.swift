// `kerwen plan FILE` and `:plan`: the optimised, typed logical plan of each statement, without running it.

import Foundation
import KerwenData
import KerwenDiagnostics
import KerwenEval
import KerwenPlan
import KerwenSema
import KerwenSyntax

extension Session {
    /// The plan of source text as an indented tree, or nil (diagnostics written) when it has errors.
    /// Statements are bound one after another over the session's names, as they would run; nothing runs.
    public func plan(text: String, name: String, passes: OptimizerPasses = .all) -> String? {
        let (file, program, problems) = parseAndResolve(text: text, name: name)
        if !problems.isEmpty {
            writeErr(render(Self.inOrder(problems)))
            return nil
        }
        var binder = makeBinder()
        let plans = Optimizer.optimize(binder.bind(program.statements), passes: passes)
        return PlanPrinter(catalog: catalog).text(plans, lineOf: { file.location(of: $0).line })
    }

    /// The optimised plans of checked statements over the session's names as they are now.
    public func plans(of statements: [Stmt], passes: OptimizerPasses = .all) -> [StatementPlan] {
        var binder = makeBinder()
        return Optimizer.optimize(binder.bind(statements), passes: passes)
    }

    func makeBinder() -> Binder {
        Binder(lookup: { [unowned self] in self.interpreter.planGlobal(named: $0) }, schemaOf: { [unowned self] stmt in
            self.interpreter.sample(stmt).map(Interpreter.planColumns)
        }, moduleGlobals: { [unowned self] name in self.modulePlanGlobals(name, visiting: []) })
    }

    /// The names a module defines, bound from its source (read once per session).
    func modulePlanGlobals(_ name: String, visiting: Set<String>) -> [String: PlanGlobal]? {
        if visiting.isEmpty, let known = modulePlanCache[name] { return known }
        guard !visiting.contains(name), let url = modulePath(name), let text = interpreter.files.text(at: url.path) else { return nil }
        let program = Parser.parse(SourceFile(id: SourceID(-3), name: url.path, text: text))
        var binder = Binder(moduleGlobals: { [unowned self] in self.modulePlanGlobals($0, visiting: visiting.union([name])) })
        _ = binder.bind(program.statements)
        if visiting.isEmpty { modulePlanCache[name] = binder.environment }
        return binder.environment
    }
}

// What an expression's value depends on besides the session's names: where it is evaluated (plainly,
// per row, per group), the rows a deferred `where` kept, the enclosing groups, the window, a user
// function's arguments and an indicator's memo — passed down explicitly, never kept on the interpreter.

import KerwenData
import KerwenPlan

/// Where an expression is evaluated.
enum EvalMode {
    /// No table: plain names are variables.
    case plain
    /// Once per row of a table: plain names are columns first.
    case rows(Table)
    /// Once per group: aggregates reduce rows; other columns must be group keys.
    case groups(Table, Grouping)

    var count: Int {
        switch self {
        case .plain: return 1
        case .rows(let t): return t.rowCount
        case .groups(_, let g): return g.count
        }
    }
}

/// A user function's arguments where its expansion is evaluated. Each is evaluated where the body
/// uses it, in the frame of the call (so `fn avg(x) = sum(x) / count()` reads `x` per row inside
/// `sum` and per group outside it).
final class ArgumentFrame {
    let arguments: [BoundExpr]
    let parent: ArgumentFrame?
    /// Expansions this one is nested in, itself included.
    let depth: Int

    init(_ arguments: [BoundExpr], parent: ArgumentFrame?) {
        self.arguments = arguments
        self.parent = parent
        depth = (parent?.depth ?? 0) + 1
    }
}

/// An indicator's aggregate inputs already computed over its records, by their text (the same for
/// every level of its cube; inputs holding an aggregate are not kept).
final class RowVectorMemo {
    var vectors: [String: Vec] = [:]
}

/// Everything an expression's value depends on besides the session's names.
struct EvalScope {
    var mode: EvalMode
    /// The rows a deferred `where` kept while row expressions run over the whole table (nil: every
    /// row): row-counting warnings (division by zero) count these rows only.
    var activeRows: [Bool]? = nil
    /// The groups of the aggregate whose argument is being evaluated (for aggregates nested in it).
    var enclosingGrouping: Grouping? = nil
    /// The groups and order of the `derive … over …` item being computed (window functions read it).
    var window: WindowFrame? = nil
    var memo: RowVectorMemo? = nil
    var arguments: ArgumentFrame? = nil

    init(_ mode: EvalMode, activeRows: [Bool]? = nil, memo: RowVectorMemo? = nil, arguments: ArgumentFrame? = nil) {
        self.mode = mode
        self.activeRows = activeRows
        self.memo = memo
        self.arguments = arguments
    }

    func with(_ mode: EvalMode) -> EvalScope {
        var s = self
        s.mode = mode
        return s
    }
}

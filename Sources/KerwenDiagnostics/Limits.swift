// The depth and size limits a script meets, in one place, with the numbers the messages quote.

/// How deep a script's syntax may go. Each limit ends in a diagnostic with the place (E100–E101),
/// never in a crash; every recursive pass (resolver, evaluator, printers, freeing the tree) is
/// then bounded by the same depth, and runs on `DeepStack`.
public enum Limits {
    /// Brackets, calls, `if`, `-` and `not` inside each other: `((((1))))` is 4 levels.
    public static let nesting = 1_000
    /// The depth of one expression's tree, which a long chain such as `a + b + c + …` also makes
    /// (each operator adds a level): 10,000 terms in one chain, 1,000 levels of brackets.
    public static let expressionDepth = 10_000
}

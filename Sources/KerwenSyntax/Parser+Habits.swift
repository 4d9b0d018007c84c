// Hints for what a trainee types in the first lessons where the parser expected something else:
// `sort by year`, `take 5 rows`, `select sex age`, `12 600`, `is.na(x)`. Each is the hint of the
// E003 the parser raises anyway; nothing here changes what parses.

import KerwenDiagnostics

extension Parser {
    /// A hint for the unexpected token `current`, read from the tokens just before it.
    func habitHint() -> Message? {
        guard index > 0 else { return nil }
        let before = tokens[index - 1]
        let twoBefore = index > 1 ? tokens[index - 2] : nil
        // `12 600`: a number written with a space between its thousands.
        if before.kind == .integer || before.kind == .decimal, current.kind == .integer, before.span.end < current.span.start {
            return Message("H129", before.text + current.text)
        }
        // `is.na(x)`, R's spelling.
        if current.isSymbol("."), before.isWord("is"), peek().isKeyword("na") || peek().isWord("na") { return Message("H130") }
        guard current.kind == .identifier, !current.quoted else { return nil }
        // `sort by year`: `sort` takes its columns directly.
        if before.isWord("by"), twoBefore?.isWord("sort") == true { return Message("H131", current.text) }
        // `take 5 rows`: the number is enough.
        if before.kind == .integer, twoBefore?.isWord("take") == true { return Message("H132", before.text) }
        // `select sex age`: the columns of a list are separated by commas.
        if before.kind == .identifier, let step = stepOfList(endingAt: index - 1) {
            return Message("H133", step + " " + before.text + ", " + current.text)
        }
        return nil
    }

    /// The step word (`select`, `drop`, `distinct`, `group by`) whose list of names runs up to the token at `last`.
    private func stepOfList(endingAt last: Int) -> String? {
        var i = last
        while i > 0 {
            let t = tokens[i]
            guard t.kind == .identifier || t.isSymbol(",") else { return nil }
            let previous = tokens[i - 1]
            if previous.isSymbol("|") || previous.kind == .newline {
                if t.isWord("select") || t.isWord("drop") || t.isWord("distinct") { return t.text }
                return nil
            }
            if t.isWord("by"), previous.isWord("group") { return "group by" }
            i -= 1
        }
        return nil
    }
}

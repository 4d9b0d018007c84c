// The prompt's rule for a line that starts with `|`: the lessons write each pipeline step on its
// own line, and typed line by line each step continues the statement before it.

import KerwenDiagnostics
import KerwenSyntax

enum Continuation {
    /// Whether the entry starts with a pipeline step (`| where …`).
    static func startsWithStep(_ text: String) -> Bool {
        text.drop { $0 == " " || $0 == "\t" || $0 == "\n" }.hasPrefix("|")
    }

    /// Whether a step can be added to this entry: one statement whose value is a table or a
    /// pipeline at its end (`show`, `describe`, `let`, a bare expression), not `export … to`.
    static func canContinue(_ entry: String) -> Bool {
        let program = Parser.parse(SourceFile(id: SourceID(-4), name: "<previous>", text: entry))
        guard program.diagnostics.isEmpty, program.statements.count == 1 else { return false }
        switch program.statements[0].kind {
        case .show, .describe, .letBinding, .expression: return true
        default: return false
        }
    }
}

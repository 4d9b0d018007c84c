// What a newcomer types from other tools in the first hour (R, Python, SQLite, Excel), and the
// Kerwen way to say it, as the hint of the error it gives.

import KerwenDiagnostics
import KerwenSyntax

public enum FirstHourHints {
    static let leaving: Set<String> = ["exit", "quit", "q", "bye"]
    static let showing: Set<String> = ["View", "view", "print", "display", "str", "glimpse"]
    static let heads: Set<String> = ["head", "tail"]
    /// Spreadsheet functions, written in capitals, and the Kerwen aggregate that does it.
    static let spreadsheet: [String: String] = [
        "SUM": "sum", "AVERAGE": "mean", "COUNT": "count", "COUNTA": "count", "MIN": "min", "MAX": "max",
        "MEDIAN": "median", "STDEV": "sd", "SUMIF": "sum", "COUNTIF": "count", "AVERAGEIF": "mean", "IF": "if … then … else",
    ]

    /// The hint for a plain name nobody defined (E013), when it is a habit.
    public static func forName(_ name: String) -> Message? {
        if name == "help" { return Message("H093") }
        if leaving.contains(name) { return Message("H094") }
        return nil
    }

    /// The hint for a call of an unknown function (E014), when it is a habit; `args` as written.
    public static func forCall(_ name: String, _ args: [Expr]) -> Message? {
        let first = args.first.map(ExprPrinter.text) ?? "survey"
        if name == "help" || name == "?" { return args.isEmpty ? Message("H093") : Message("H095", first) }
        if leaving.contains(name) { return Message("H094") }
        if heads.contains(name) { return Message(name == "head" ? "H096" : "H097", first) }
        if showing.contains(name) { return Message("H098", first) }
        if let kerwen = spreadsheet[name] { return Message("H099", name, kerwen) }
        return nil
    }

    /// Whether the arguments of this call are left unchecked (`help(mean)`: `mean` is a topic, not a name).
    public static func skipsArguments(_ name: String) -> Bool { name == "help" }
}

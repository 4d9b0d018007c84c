// `:help TOPIC`: statements, steps, concepts and every builtin, worded by the message catalog.

import KerwenDiagnostics
import KerwenSema

public enum HelpTopics {
    static let statementTopics = ["load", "let", "param", "fn", "show", "describe", "explain", "export", "plot", "report", "use", "indicator", "check"]
    static let stepTopics = ["where", "derive", "select", "drop", "rename", "group", "summarize", "sort", "take", "join", "union", "distinct", "pivot", "complete"]
    static let conceptTopics = ["na", "totals"]

    public static var names: [String] { statementTopics + stepTopics + conceptTopics + Builtins.all.map(\.name) }

    /// The help text for a topic, or nil when there is none.
    public static func text(_ topic: String?, catalog: MessageCatalog) -> String? {
        guard let topic, !topic.isEmpty else { return catalog.template(for: "HELP.overview") }
        let key = topic == "group by" ? "group" : topic
        if catalog.hasCode("HELP.\(key)") { return catalog.template(for: "HELP.\(key)") }
        if let builtin = Builtins.byName[key] {
            // The summary in the reader's language; the example is code, written once (in the English entry).
            let summary = catalog.template(for: builtin.helpKey).split(separator: "|", maxSplits: 1).first.map(String.init) ?? ""
            let source = MessageCatalog.english.template(for: builtin.helpKey).split(separator: "|", maxSplits: 1)
            let example = source.count > 1 ? String(source[1]) : ""
            let kind = builtin.kind == .aggregate ? catalog.word("W.aggregate_mark") : ""
            return catalog.format(Message("HELP.function", builtin.usages.joined(separator: catalog.word("W.or")) + kind, summary, example,
                                          arguments(builtin, catalog: catalog)))
        }
        return nil
    }

    /// A line `x: number, digits: integer` (each argument with the kind the table gives it, named as
    /// in the fullest usage), or nothing for a function without arguments.
    static func arguments(_ builtin: BuiltinSignature, catalog: MessageCatalog) -> String {
        let names = builtin.usages.map { usage -> [String] in
            guard let open = usage.firstIndex(of: "("), let close = usage.lastIndex(of: ")"), open < close else { return [] }
            return usage[usage.index(after: open)..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && $0 != "…" && !$0.hasPrefix("\"") }
        }.max { $0.count < $1.count } ?? []
        let list = names.enumerated().map { i, name in "\(name): " + catalog.word("K.\(builtin.argument(i).rawValue)") }
        return list.isEmpty ? "" : "\n  " + catalog.format(Message("HELP.arguments", list.joined(separator: ", ")))
    }
}

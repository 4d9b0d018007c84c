// The `:` commands of the prompt.

import Foundation
import KerwenData
import KerwenDiagnostics
import KerwenOutput
import KerwenSema
import KerwenSession

extension REPL {
    static let metaCommandNames = Completer.metaCommands

    /// Runs a `:command` (or `?topic`); returns false when the prompt should close.
    func metaCommand(_ input: String) -> Bool {
        var text = input.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("?") { text = ":help " + text.dropFirst() }
        let parts = text.dropFirst().split(separator: " ", maxSplits: 1).map(String.init)
        let command = parts.first ?? ""
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch command {
        case "quit", "q", "exit":
            return false
        case "help", "h":
            if let help = HelpTopics.text(argument, catalog: session.catalog) { write(help + "\n") } else {
                report(Diagnostic(.error, Message("HELP.unknown", argument), hint: Suggestions.hint(for: argument, in: HelpTopics.names)))
            }
        case "datasets":
            let tables = session.symbols.filter { $0.kind == .dataset }
            let t = Table(names: ["M.name", "M.rows", "M.columns"].map { session.catalog.word($0) }, columns: [
                Column.from(tables.map { .text($0.name) }, type: .text),
                Column.from(tables.map { .integer(Int64($0.rows ?? 0)) }, type: .integer),
                Column.from(tables.map { .text($0.columns.joined(separator: ", ")) }, type: .text)])
            write(TableRenderer.render(t, options: session.renderOptions))
        case "indicators":
            let inds = session.symbols.filter { $0.kind == .indicator }
            let meta = inds.map { Dictionary(session.indicatorMetadata($0.name), uniquingKeysWith: { a, _ in a }) }
            let t = Table(names: ["M.name", "M.code", "M.title", "M.unit"].map { session.catalog.word($0) }, columns: [
                Column.from(inds.map { .text($0.name) }, type: .text),
                Column.from(meta.map { $0["code"].map { .text($0) } ?? .na }, type: .text),
                Column.from(meta.map { $0["title"].map { .text($0) } ?? .na }, type: .text),
                Column.from(meta.map { $0["unit"].map { .text($0) } ?? .na }, type: .text)])
            write(TableRenderer.render(t, options: session.renderOptions))
        case "describe":
            run("describe \(argument)")
        case "explain":
            guard !argument.isEmpty else { return usage(command) }
            run("explain \(argument)")
        case "load":
            let path = argument.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            let url = URL(fileURLWithPath: path, relativeTo: session.interpreter.baseDirectory)
            do {
                // A sandboxed prompt reads scripts only where its statements may read data.
                try session.interpreter.files.allow(url.standardizedFileURL.path, shownAs: path, for: .read)
            } catch let d as Diagnostic { report(d); break } catch { break }
            guard let script = session.interpreter.files.text(at: url.standardizedFileURL.path) else {
                report(Diagnostic.error("E069", path))
                break
            }
            // As `kerwen run` does: the script's data paths are relative to the script's folder.
            let saved = session.interpreter.baseDirectory
            session.interpreter.baseDirectory = url.deletingLastPathComponent().standardizedFileURL
            run(script, name: path)
            session.interpreter.baseDirectory = saved
        case "plan":
            // The plan of a statement or table expression over the session's names; nothing runs.
            guard !argument.isEmpty else { return usage(command) }
            if let text = session.plan(text: argument, name: "<plan>") { write(text) }
        case "reset":
            session.reset()
        case "timing":
            guard argument == "on" || argument == "off" else { return usage(command) }
            timing = argument == "on"
        case "decimals":
            // Every number column with this many decimals, or `auto` (chosen per column).
            if argument == "auto" { session.renderOptions.decimals = nil; break }
            guard let d = Int(argument), (0...15).contains(d) else { return usage(command) }
            session.renderOptions.decimals = d
        case "thousands":
            // Digits grouped by threes in the tables shown (never in exported files).
            guard argument == "on" || argument == "off" else { return usage(command) }
            session.renderOptions.thousands = argument == "on"
        case "pager":
            guard argument == "on" || argument == "off" else { return usage(command) }
            Terminal.pagerEnabled = argument == "on"
        case "lang", "language":
            // The session speaks the new language from the next message on.
            guard let language = Language(code: argument) else { return usage(command) }
            session.language = language
            write(session.catalog.word("W.language_set") + "\n")
        case "mode":
            guard let mode = OutputMode(rawValue: argument) else { return usage(command) }
            session.outputMode = mode
        case "save":
            guard !argument.isEmpty else { return usage(command) }
            let path = URL(fileURLWithPath: argument, relativeTo: session.interpreter.baseDirectory).path
            do {
                try session.interpreter.files.allow(path, shownAs: argument, for: .write)
                try TableWriter.writeAtomically(session.history.joined(separator: "\n") + "\n", to: path, shownAs: argument, files: session.interpreter.files)
                write(session.catalog.word("W.saved", session.history.count, argument) + "\n")
            } catch let d as Diagnostic { report(d) } catch {}
        default:
            report(Diagnostic(.error, Message("E070", ":" + command),
                              hint: Suggestions.hint(for: ":" + command, in: Self.metaCommandNames.map { ":" + $0 }) ?? Message("H059")))
        }
        return true
    }

    private func usage(_ command: String) -> Bool {
        report(Diagnostic(.error, Message("E072", ":" + command), hint: HelpTopics.usage(command).map { Message("H036", Message($0)) }))
        return true
    }
}

extension HelpTopics {
    /// The catalog code of a command's usage line.
    static func usage(_ command: String) -> String? {
        // The usage lines are catalog entries (`U.timing` …): their words are translated, the commands not.
        let known = ["timing", "pager", "decimals", "mode", "save", "plan", "lang", "explain", "thousands"]
        return known.contains(command) ? "U." + command : nil
    }
}

// The command-line contract: `kerwen`, `kerwen run FILE [--param N=V]…`, `kerwen check FILE`.

import ArgumentParser
import Foundation
import KerwenData
import KerwenDiagnostics
import KerwenSession

struct Kerwen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kerwen",
        abstract: CLI.word("CLI.abstract"),
        discussion: CLI.word("CLI.discussion"),
        version: CLI.version,
        subcommands: [Run.self, Report.self, Check.self, Plan.self, Repl.self]
    )

    @Flag(name: .long, help: ArgumentHelp(CLI.word("CLI.no_rc")))
    var noRc = false

    @OptionGroup var language: LanguageOption

    func run() throws {
        if isatty(STDIN_FILENO) != 0 {
            throw ExitCode(CLI.startREPL(readRC: !noRc))
        }
        let bytes: [UInt8]
        switch StandardStreams.readAll(STDIN_FILENO) {
        case .success(let b): bytes = b
        case .failure(let e):
            StandardStreams.err(DiagnosticRenderer(sources: SourceMap(), useColor: CLI.colorEnabled(fd: 2), catalog: CLI.catalog)
                .render(Diagnostic.error("E119", e.reason)))
            throw ExitCode(1)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        throw ExitCode(CLI.runScript(text: text, name: "<stdin>", baseDirectory: cwd, parameters: [:]))
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: CLI.word("CLI.run"))

    @Argument(help: ArgumentHelp(CLI.word("CLI.run.file")))
    var file: String

    @Option(name: .customLong("param"), help: ArgumentHelp(CLI.word("CLI.param"), valueName: "NAME=VALUE"))
    var params: [String] = []

    @Option(name: .customLong("max-rows"), help: ArgumentHelp(CLI.word("CLI.max_rows"), valueName: "N"))
    var maxRows: Int = 50

    @Flag(name: .customLong("timer"), help: ArgumentHelp(CLI.word("CLI.timer")))
    var timer = false

    @OptionGroup var limits: LimitOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        guard maxRows >= 0 else { throw ValidationError(CLI.word("E083", String(maxRows))) }
        var parameters: [String: String] = [:]
        for p in params {
            guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
                throw ValidationError(CLI.word("E071", p))
            }
            parameters[String(p[..<eq])] = String(p[p.index(after: eq)...])
        }
        let limit = try CLI.memoryLimit(limits.maxMemory)
        guard let text = CLI.readScript(file) else { throw ExitCode(1) }
        let url = URL(fileURLWithPath: file)
        throw ExitCode(CLI.runScript(text: text, name: file, baseDirectory: url.deletingLastPathComponent(), parameters: parameters,
                                     maxRows: maxRows == 0 ? Int.max : maxRows, timing: timer, sandbox: limits.sandbox, memoryLimit: limit))
    }
}

/// `kerwen report FILE`: the script run as `run` runs it, then its report written (as `report to`).
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: CLI.word("CLI.report"))

    @Argument(help: ArgumentHelp(CLI.word("CLI.run.file")))
    var file: String

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp(CLI.word("CLI.report.output"), valueName: "FILE"))
    var output: String?

    @Option(name: .customLong("title"), help: ArgumentHelp(CLI.word("CLI.report.title"), valueName: "TEXT"))
    var title: String?

    @Option(name: .customLong("param"), help: ArgumentHelp(CLI.word("CLI.param"), valueName: "NAME=VALUE"))
    var params: [String] = []

    @OptionGroup var limits: LimitOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        var parameters: [String: String] = [:]
        for p in params {
            guard let eq = p.firstIndex(of: "="), eq != p.startIndex else { throw ValidationError(CLI.word("E071", p)) }
            parameters[String(p[..<eq])] = String(p[p.index(after: eq)...])
        }
        let limit = try CLI.memoryLimit(limits.maxMemory)
        guard let text = CLI.readScript(file) else { throw ExitCode(1) }
        let url = URL(fileURLWithPath: file)
        // Beside the script unless told: Kerwen never makes a folder that is not there.
        let target = output ?? url.deletingPathExtension().appendingPathExtension("html").path
        throw ExitCode(CLI.runScript(text: text, name: file, baseDirectory: url.deletingLastPathComponent(), parameters: parameters,
                                     sandbox: limits.sandbox, memoryLimit: limit, report: (target, title)))
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: CLI.word("CLI.check"))

    @Argument(help: ArgumentHelp(CLI.word("CLI.check.file")))
    var file: String

    @OptionGroup var language: LanguageOption

    func run() throws {
        guard let text = CLI.readScript(file) else { throw ExitCode(1) }
        let url = URL(fileURLWithPath: file)
        throw ExitCode(CLI.checkScript(text: text, name: file, baseDirectory: url.deletingLastPathComponent()))
    }
}

struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CLI.word("CLI.plan"),
        discussion: CLI.word("CLI.plan.discussion"))

    @Argument(help: ArgumentHelp(CLI.word("CLI.plan.file")))
    var file: String

    @Option(name: .customLong("passes"), help: ArgumentHelp(CLI.word("CLI.passes"), valueName: "LIST"))
    var passes: String = "all"

    @OptionGroup var language: LanguageOption

    func run() throws {
        guard let chosen = CLI.optimizerPasses(passes) else {
            throw ValidationError(CLI.word("E120", passes))
        }
        guard let text = CLI.readScript(file) else { throw ExitCode(1) }
        let url = URL(fileURLWithPath: file)
        throw ExitCode(CLI.planScript(text: text, name: file, baseDirectory: url.deletingLastPathComponent(), passes: chosen))
    }
}

struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CLI.word("CLI.repl"))

    @Flag(name: .long, help: ArgumentHelp(CLI.word("CLI.repl.no_rc")))
    var noRc = false

    @OptionGroup var limits: LimitOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        let limit = try CLI.memoryLimit(limits.maxMemory)
        throw ExitCode(CLI.startREPL(readRC: !noRc, sandbox: limits.sandbox, memoryLimit: limit))
    }
}

/// `--max-memory` and `--sandbox`, shared by `run` and `repl`.
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("max-memory"), help: ArgumentHelp(CLI.word("CLI.max_memory"), valueName: "SIZE"))
    var maxMemory: String?

    @Option(name: .customLong("sandbox"), help: ArgumentHelp(CLI.word("CLI.sandbox"), valueName: "DIR"))
    var sandbox: [String] = []
}

/// `--lang en|ru|tk|uz` on every command. The language itself is read before parsing
/// (`CLI.language`), so that the help is worded in it; here it is only checked.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: ArgumentHelp(CLI.word("CLI.lang"), valueName: "LANG"))
    var lang: String?

    func validate() throws {
        if let lang, Language(code: lang) == nil { throw ValidationError(CLI.word("E127", lang)) }
    }
}

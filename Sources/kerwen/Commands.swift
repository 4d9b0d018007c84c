// The command-line contract: `kerwen`, `kerwen run FILE [--param N=V]…`, `kerwen check FILE`.

import ArgumentParser
import Foundation
import KerwenData
import KerwenDiagnostics
import KerwenSession

struct Kerwen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kerwen",
        abstract: "Kerwen: a small language for statistical and SDG indicators.",
        discussion: """
        With no command, starts the interactive prompt when standard input is a terminal,
        and otherwise reads a script from standard input.
        Exit status: 0 success, 1 script or data error, 2 usage error, 130 interrupted.
        """,
        version: CLI.version,
        subcommands: [Run.self, Check.self, Plan.self, Repl.self]
    )

    @Flag(name: .long, help: "Do not read ~/.kerwenrc at the prompt.")
    var noRc = false

    func run() throws {
        if isatty(STDIN_FILENO) != 0 {
            throw ExitCode(CLI.startREPL(readRC: !noRc))
        }
        let bytes: [UInt8]
        switch StandardStreams.readAll(STDIN_FILENO) {
        case .success(let b): bytes = b
        case .failure(let e):
            StandardStreams.err(DiagnosticRenderer(sources: SourceMap(), useColor: CLI.colorEnabled(fd: 2))
                .render(Diagnostic.error("E119", e.reason)))
            throw ExitCode(1)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        throw ExitCode(CLI.runScript(text: text, name: "<stdin>", baseDirectory: cwd, parameters: [:]))
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run a Kerwen script; data paths are relative to the script's folder.")

    @Argument(help: "The script to run (.kw).")
    var file: String

    @Option(name: .customLong("param"), help: ArgumentHelp("Set a script parameter.", valueName: "NAME=VALUE"))
    var params: [String] = []

    @Option(name: .customLong("max-rows"), help: ArgumentHelp("Rows shown per table before the middle is left out (0 = all).", valueName: "N"))
    var maxRows: Int = 50

    @Flag(name: .customLong("timer"), help: "After each statement, print its line and how long it took (on standard error).")
    var timer = false

    @OptionGroup var limits: LimitOptions

    func run() throws {
        guard maxRows >= 0 else { throw ValidationError(MessageCatalog.shared.format(Message("E083", String(maxRows)))) }
        var parameters: [String: String] = [:]
        for p in params {
            guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
                throw ValidationError(MessageCatalog.shared.format(Message("E071", p)))
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

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Parse and resolve a script without running it; report every error found.")

    @Argument(help: "The script to check (.kw).")
    var file: String

    func run() throws {
        guard let text = CLI.readScript(file) else { throw ExitCode(1) }
        let url = URL(fileURLWithPath: file)
        throw ExitCode(CLI.checkScript(text: text, name: file, baseDirectory: url.deletingLastPathComponent()))
    }
}

struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the typed, optimised logical plan of each statement of a script, without running it.",
        discussion: "Column types of a loaded file are read from its first rows (1 MB).")

    @Argument(help: "The script (.kw).")
    var file: String

    @Option(name: .customLong("passes"), help: ArgumentHelp("Optimiser passes to apply: all, none, or a list of top-n, mask, prune.", valueName: "LIST"))
    var passes: String = "all"

    func run() throws {
        guard let chosen = CLI.optimizerPasses(passes) else {
            throw ValidationError(MessageCatalog.shared.format(Message("E120", passes)))
        }
        guard let text = CLI.readScript(file) else { throw ExitCode(1) }
        let url = URL(fileURLWithPath: file)
        throw ExitCode(CLI.planScript(text: text, name: file, baseDirectory: url.deletingLastPathComponent(), passes: chosen))
    }
}

struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start the interactive prompt, optionally with limits (for a shared workshop machine).")

    @Flag(name: .long, help: "Do not read ~/.kerwenrc.")
    var noRc = false

    @OptionGroup var limits: LimitOptions

    func run() throws {
        let limit = try CLI.memoryLimit(limits.maxMemory)
        throw ExitCode(CLI.startREPL(readRC: !noRc, sandbox: limits.sandbox, memoryLimit: limit))
    }
}

/// `--max-memory` and `--sandbox`, shared by `run` and `repl`.
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("max-memory"), help: ArgumentHelp("The most memory one result may take, such as 8G or 500M (default: three quarters of the machine's).", valueName: "SIZE"))
    var maxMemory: String?

    @Option(name: .customLong("sandbox"), help: ArgumentHelp("Read and write only under this folder (repeat for several); the standard library stays readable.", valueName: "DIR"))
    var sandbox: [String] = []
}

// Shared pieces of the commands: colour decision, Ctrl-C handling, running and checking scripts.

import ArgumentParser
import Foundation
import KerwenData
import KerwenDiagnostics
import KerwenPlan
import KerwenREPL
import KerwenSession

enum CLI {
    static let version = "0.1.0"
    static let usageError: Int32 = 2

    /// The language of this run, chosen once before the command line is parsed so that `--help`
    /// and usage errors are worded in it too: `--lang` among the arguments, else `KERWEN_LANG`,
    /// else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
    static let language = Language.resolve(option: languageArgument(CommandLine.arguments), environment: ProcessInfo.processInfo.environment)
    static var catalog: MessageCatalog { MessageCatalog(language) }

    /// A catalog text in this run's language.
    static func word(_ code: String, _ args: any MessageArgumentConvertible...) -> String {
        catalog.format(Message(code: code, args: args))
    }

    /// The value of `--lang X` or `--lang=X`, if given.
    static func languageArgument(_ arguments: [String]) -> String? {
        for (i, a) in arguments.enumerated() {
            if a.hasPrefix("--lang=") { return String(a.dropFirst("--lang=".count)) }
            if a == "--lang", i + 1 < arguments.count { return arguments[i + 1] }
        }
        return nil
    }

    /// Colour only on a terminal, never with NO_COLOR or TERM=dumb; CLICOLOR_FORCE=1 asks for it
    /// through a pipe too (a pager that shows colour, a test).
    static func colorEnabled(fd: Int32) -> Bool {
        let env = ProcessInfo.processInfo.environment
        if env["NO_COLOR"] != nil { return false }
        if env["CLICOLOR_FORCE"].map({ $0 != "" && $0 != "0" }) == true { return true }
        if env["TERM"] == "dumb" { return false }
        return isatty(fd) != 0
    }

    static func readScript(_ path: String) -> String? {
        // A folder is refused before reading (read(2) of a folder fails only on some systems).
        if !FileSandbox.isFolder(path), case .success(let bytes) = StandardStreams.readAll(path: path) {
            return String(decoding: bytes, as: UTF8.self)
        }
        StandardStreams.err(DiagnosticRenderer(sources: SourceMap(), useColor: colorEnabled(fd: 2), catalog: catalog).render(Diagnostic.error("E069", path)))
        return nil
    }

    static func runScript(text: String, name: String, baseDirectory: URL, parameters: [String: String], maxRows: Int = 50,
                          timing: Bool = false, sandbox: [String] = [], memoryLimit: MemoryLimit = .standard,
                          report: (path: String, title: String?)? = nil) -> Int32 {
        let session = Session(baseDirectory: baseDirectory, parameters: parameters, useColor: colorEnabled(fd: 2), language: language)
        session.interpreter.memoryLimit = memoryLimit
        if !sandbox.isEmpty {
            do {
                try session.limitFiles(to: sandbox)
            } catch let d as Diagnostic {
                StandardStreams.err(session.render([d]))
                return usageError
            } catch { return usageError }
        }
        session.timing = timing
        session.renderOptions.color = colorEnabled(fd: 1)
        session.renderOptions.maxRows = maxRows
        session.currentScript = name
        if isatty(1) != 0, let size = Terminal.size() { session.terminalWidth = size.columns }
        do {
            var ok = try session.run(text: text, name: name)
            if ok, let report {
                do { try session.writeReport(to: report.path, title: report.title) } catch let d as Diagnostic {
                    StandardStreams.err(session.render([d]))
                    ok = false
                }
            }
            if StandardStreams.outputError != 0 {
                StandardStreams.err(session.render([Diagnostic.error("E118", String(cString: strerror(StandardStreams.outputError)))]))
                return 1
            }
            return ok ? 0 : 1
        } catch {
            StandardStreams.err(word("W.interrupted") + "\n")
            return Signals.stoppedStatus
        }
    }

    static func checkScript(text: String, name: String, baseDirectory: URL) -> Int32 {
        let session = Session(baseDirectory: baseDirectory, useColor: colorEnabled(fd: 2), language: language)
        let problems = session.check(text: text, name: name)
        if problems.isEmpty { return 0 }
        StandardStreams.err(session.render(problems))
        return 1
    }

    static func planScript(text: String, name: String, baseDirectory: URL, passes: OptimizerPasses) -> Int32 {
        let session = Session(baseDirectory: baseDirectory, useColor: colorEnabled(fd: 2), language: language)
        guard let plan = session.plan(text: text, name: name, passes: passes) else { return 1 }
        StandardStreams.out(plan)
        return 0
    }

    /// `--passes`: `all`, `none`, or a comma-separated list of `top-n`, `mask`, `prune`.
    static func optimizerPasses(_ text: String) -> OptimizerPasses? {
        switch text {
        case "all": return .all
        case "none": return []
        default:
            var out: OptimizerPasses = []
            for word in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                switch word {
                case "top-n": out.insert(.topN)
                case "mask": out.insert(.filterAsMask)
                case "prune": out.insert(.projectionPushdown)
                default: return nil
                }
            }
            return out
        }
    }

    /// The prompt. Its limits (`kerwen repl --sandbox DIR --max-memory SIZE`, for a shared
    /// workshop machine) are options of the `repl` command: on the root command,
    /// swift-argument-parser would take them from `kerwen run --max-memory …` too.
    static func startREPL(readRC: Bool, sandbox: [String] = [], memoryLimit: MemoryLimit = .standard) -> Int32 {
        let repl = REPL(version: version, language: language)
        repl.session.interpreter.memoryLimit = memoryLimit
        if !sandbox.isEmpty {
            do {
                try repl.session.limitFiles(to: sandbox)
            } catch let d as Diagnostic {
                StandardStreams.err(repl.session.render([d]))
                return usageError
            } catch { return usageError }
        }
        return repl.start(readRC: readRC)
    }

    /// `--max-memory SIZE`, or the default when it is not given.
    static func memoryLimit(_ text: String?) throws -> MemoryLimit {
        guard let text else { return .standard }
        guard let parsed = MemoryLimit(parsing: text) else {
            throw ValidationError(word("E117", text))
        }
        return parsed
    }
}

// The one Session API the script runner and the REPL share: parse, resolve, run, render.

import Foundation
import KerwenData
import KerwenFormats
import KerwenDiagnostics
import KerwenEval
import KerwenOutput
import KerwenPlan
import KerwenSema
import KerwenSyntax

public final class Session: @unchecked Sendable {
    public let sources = SourceMap()
    public let interpreter: Interpreter
    public var writeOut: (String) -> Void
    public var writeErr: (String) -> Void
    public var useColor: Bool
    public var renderOptions: RenderOptions
    /// The language this session speaks (`--lang`, `:lang`); every message is worded in it when
    /// rendered, so sessions in one process may speak different languages.
    public var language: Language { didSet { renderOptions.catalog = catalog } }
    public var catalog: MessageCatalog { MessageCatalog(language) }
    /// How tables are written: aligned text, CSV, JSON or Markdown (the prompt's `:mode`).
    public var outputMode: OutputMode = .table
    /// Report each statement's time on standard error (`kerwen run --timer`).
    public var timing = false
    /// Columns charts are drawn in (the terminal's width; 80 when not on a terminal).
    public var terminalWidth = 80
    /// Rows of a chart's plotting area.
    public var chartHeight = 12
    /// The script being run (`kerwen run FILE`), for a report's record of the run.
    public var currentScript: String?
    /// Successful inputs, in order (the REPL's `:save`).
    public private(set) var history: [String] = []
    var loadedModules: Set<String> = []
    /// Sample designs declared with `design NAME { … }`, by dataset (kept across the prompt's entries).
    var designs: [String: SampleDesign] = [:]
    /// The standard library's translated metadata, by language (read when first explained).
    var libraryTranslations: [Language: [String: String]] = [:]
    /// Names each module defines, by module name (nil: no such module), read once.
    var moduleSymbolCache: [String: [String: Symbol]?] = [:]
    /// The same names as the binder knows them (typed, with function bodies), for `plan`.
    var modulePlanCache: [String: [String: PlanGlobal]] = [:]
    /// This session's own stop: `cancel.cancel()` from another thread stops what this session runs
    /// (and only that) as Ctrl-C would; each run starts with it cleared.
    public let cancel = CancelToken()
    /// Scripts being run: a script never `use`s itself (examples/sdg13.kw says `use sdg13` for the library's).
    var scripts: Set<String> = []

    public init(baseDirectory: URL, parameters: [String: String] = [:], useColor: Bool = false, language: Language = .en,
                writeOut: @escaping (String) -> Void = { StandardStreams.out($0) },
                writeErr: @escaping (String) -> Void = { StandardStreams.err($0) }) {
        self.writeOut = writeOut
        self.writeErr = writeErr
        self.useColor = useColor
        self.language = language
        self.renderOptions = RenderOptions(color: useColor, catalog: MessageCatalog(language))
        self.interpreter = Interpreter(baseDirectory: baseDirectory, emit: { _ in })
        interpreter.parameterOverrides = parameters
        interpreter.standardLibrary = Self.standardLibraryDirectory
        interpreter.emit = { [unowned self] event in self.handle(event) }
        interpreter.moduleLoader = { [unowned self] name, interp in try self.loadModule(name, into: interp) }
        interpreter.wordExplanation = { [unowned self] in self.explain($0).trimmingCharacters(in: .newlines) }
        interpreter.reportWriter = { [unowned self] in try self.writeReport($0) }
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        DiagnosticRenderer(sources: sources, useColor: useColor, catalog: catalog).render(diagnostics)
    }

    private func handle(_ event: OutputEvent) {
        switch event {
        case .value(let v, _):
            if outputMode != .table, let t = v.table {
                writeOut(TextFormats.render(t, mode: outputMode, options: renderOptions))
            } else {
                writeOut(ValueRenderer.render(v, options: renderOptions))
            }
        case .valueShown(let v, _, let display):
            var options = renderOptions
            if let d = display.decimals { options.decimals = d }
            if let t = display.thousands { options.thousands = t }
            if outputMode != .table, let t = v.table {
                writeOut(TextFormats.render(t, mode: outputMode, options: options))
            } else {
                writeOut(ValueRenderer.render(v, options: options))
            }
        case .describe(let t, let name):
            writeOut(ValueRenderer.describe(t, name: name, catalog: catalog))
        case .message(let d):
            writeErr(render([d]))
        case .exported(let path, let rows):
            writeErr(catalog.word("W.exported", rows, path) + "\n")
        case .explanation(let e):
            writeOut(explain(e))
        case .chart(let c):
            drawChart(c)
        case .drawn(let path, let points):
            writeErr(catalog.word("W.drawn", points, path) + "\n")
        case .checkReport(let outcomes, let subject):
            let (text, problems) = ValueRenderer.checkReport(outcomes, subject: subject, listed: renderOptions.maxRows, catalog: catalog)
            writeOut(text)
            if !problems.isEmpty { writeErr(render(problems)) }
        }
    }

    /// Parses and resolves without running; every problem found.
    public func check(text: String, name: String) -> [Diagnostic] {
        let checked = parseAndResolve(text: text, name: name)
        return Self.inOrder(checked.problems + unknownParameters(checked.program.statements))
    }

    /// Source text parsed and resolved over the session's names: the program and every problem
    /// (for `check`, `plan`).
    func parseAndResolve(text: String, name: String) -> (file: SourceFile, program: Program, problems: [Diagnostic]) {
        let file = sources.add(name: name, text: text)
        scripts.insert(URL(fileURLWithPath: name).standardizedFileURL.path)
        let program = withDesigns(Parser.parse(file))
        var resolver = makeResolver()
        resolver.resolve(program.statements)
        return (file, program, program.diagnostics + resolver.diagnostics)
    }

    static func inOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { ($0.span?.start ?? 0) < ($1.span?.start ?? 0) }
    }

    /// Runs source text; renders diagnostics; returns false when it stopped on an error.
    /// Throws `Interrupted` when Ctrl-C stopped it.
    @discardableResult
    public func run(text: String, name: String) throws -> Bool {
        cancel.reset()
        return try Interrupt.withToken(cancel) { try runUnderToken(text: text, name: name) }
    }

    private func runUnderToken(text: String, name: String) throws -> Bool {
        let file = sources.add(name: name, text: text)
        scripts.insert(URL(fileURLWithPath: name).standardizedFileURL.path)
        let program = withDesigns(Parser.parse(file))
        if !program.diagnostics.isEmpty {
            writeErr(render(program.diagnostics))
            return false
        }
        var resolver = makeResolver()
        resolver.resolve(program.statements)
        let problems = resolver.diagnostics + unknownParameters(program.statements)
        if !problems.isEmpty {
            writeErr(render(problems.sorted { ($0.span?.start ?? 0) < ($1.span?.start ?? 0) }))
            return false
        }
        do {
            for stmt in program.statements {
                let started = DispatchTime.now().uptimeNanoseconds
                try interpreter.execute(stmt)
                if timing {
                    // After each statement, where it is and how long it took (`kerwen run --timer`).
                    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                    let line = file.location(of: stmt.span.start).line
                    writeErr(catalog.word("W.time_at", name, String(line), String(format: "%.3f", seconds)) + "\n")
                }
            }
        } catch let d as Diagnostic {
            writeErr(render([d]))
            return false
        } catch let list as DiagnosticList {
            writeErr(render(list.diagnostics))
            return false
        }
        history.append(text)
        return true
    }

    /// The last `count` successful inputs become `text` (the prompt's `| step` continuing the entry
    /// before it: `:save` then writes the statement once, whole).
    public func replaceLastEntries(_ count: Int, with text: String) {
        guard history.count >= count else { return }
        history.removeLast(count)
        history.append(text)
    }

    /// `--param` names the script does not declare (only for whole scripts, not REPL entries).
    private func unknownParameters(_ statements: [Stmt]) -> [Diagnostic] {
        guard !interpreter.parameterOverrides.isEmpty else { return [] }
        var declared = statements.compactMap { s -> String? in if case .param(let n, _) = s.kind { return n.text } else { return nil } }
        declared += interpreter.globals.compactMap { if case .parameter = $0.value { return $0.key } else { return nil } }
        return interpreter.parameterOverrides.keys.sorted().filter { !declared.contains($0) }.map { name in
            Diagnostic(.error, Message("E018", name), hint: Suggestions.hint(for: name, in: declared)
                       ?? Message("H057", declared.isEmpty ? "(none)" : declared.joined(separator: ", ")))
        }
    }

    func makeResolver() -> Resolver {
        // The first rows of each file the script loads, read once: their header names the columns,
        // their text values tell a bare word that is a value (`== Russia`) from a misspelt column.
        let samples = SampleBox()
        var resolver = Resolver(scope: interpreter.scope, schemaOf: { [unowned self] stmt in
            if let t = self.interpreter.sample(stmt) { samples.tables.append(t); return t.names }
            return self.peekSchema(stmt)
        }, moduleSymbols: { [unowned self] name in self.moduleSymbols(name) })
        resolver.columnHoldingText = { [unowned self] value in
            let loaded = self.interpreter.globals.values.compactMap { b -> Table? in if case .value(let v) = b { return v.table } else { return nil } }
            for t in loaded + samples.tables {
                for (name, c) in zip(t.names, t.columns) {
                    if case .text(_, let dictionary) = c.storage, dictionary.values.contains(value) { return name }
                }
            }
            return nil
        }
        return resolver
    }

    /// The column names of a `load`, read from the file's header only (so `check` can spot misspelt columns).
    private func peekSchema(_ stmt: Stmt) -> [String]? {
        guard case .load(_, let pathExpr, let options) = stmt.kind, case .string(let raw) = pathExpr.kind else { return nil }
        let path = raw.hasPrefix("/") ? raw : interpreter.baseDirectory.appendingPathComponent(raw).standardizedFileURL.path
        if !interpreter.files.allows(path, for: .read) { return nil }
        // Only a regular file is opened (a folder or a pipe is reported when the script runs).
        guard let file = try? interpreter.files.map(path) else { return nil }
        // Not text (a workbook, XML): no header line to read; the sample or the run knows the columns.
        if FileKind.of(UnsafeBufferPointer(rebasing: file.bytes.prefix(8192))) != .text { return nil }
        var bytes = Array(file.bytes.prefix(64 * 1024))
        if file.changed { return nil }
        guard let nl = bytes.firstIndex(of: 10) else { return nil }
        bytes = Array(bytes[..<nl]) + [10]
        var csvOptions = CSVOptions()
        for o in options where o.name.text == "delimiter" {
            if case .string(let d) = o.value.kind { csvOptions.delimiter = [",": 44, ";": 59, "\t": 9, "tab": 9, "|": 124][d] }
        }
        return (try? CSVReader.parse(bytes: bytes, name: path, options: csvOptions))?.names
    }
}

/// The sampled tables of one resolution (a class: the resolver's closures add to it as they read).
final class SampleBox: @unchecked Sendable {
    var tables: [Table] = []
}

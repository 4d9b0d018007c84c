// `use NAME`: modules from the script's folder first, then the standard library.

import Foundation
import KerwenData
import KerwenDiagnostics
import KerwenEval
import KerwenSema
import KerwenSyntax

extension Session {
    /// Where the standard library lives: $KERWEN_STDLIB, a `stdlib` folder above the executable, or the source tree.
    /// Found once per process: it depends only on the environment and the executable's place.
    public static let standardLibraryDirectory: URL? = {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["KERWEN_STDLIB"], !env.isEmpty { return URL(fileURLWithPath: env) }
        // The executable's own path (argv[0] is only `kerwen` when it is found through PATH).
        let exe = fm.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : (CommandLine.arguments.first ?? ".")
        var dir = URL(fileURLWithPath: exe).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            for candidate in [dir.appendingPathComponent("stdlib"), dir.appendingPathComponent("share/kerwen/stdlib")] where fm.fileExists(atPath: candidate.path) {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let fromSource = source.appendingPathComponent("stdlib")
        return fm.fileExists(atPath: fromSource.path) ? fromSource : nil
    }()

    /// `--sandbox`: files only under `folders`, and the standard library read-only.
    public func limitFiles(to folders: [String]) throws {
        interpreter.files = LocalFileSystem(sandbox: try FileSandbox(folders: folders, readOnly: [Self.standardLibraryDirectory?.path].compactMap { $0 }))
    }

    func modulePath(_ name: String) -> URL? {
        guard Resolver.isModuleName(name) else { return nil }
        let local = interpreter.baseDirectory.appendingPathComponent(name + ".kw")
        if interpreter.files.exists(local.path), !scripts.contains(local.standardizedFileURL.path),
           interpreter.files.allows(local.path, for: .read), !usesItself(local, name) { return local }
        if let std = Self.standardLibraryDirectory?.appendingPathComponent(name + ".kw"),
           interpreter.files.exists(std.path) { return std }
        return nil
    }

    /// A script beside this one that itself says `use NAME` under the name NAME (examples/sdg13.kw
    /// uses the library's sdg13) is a script about the module, not the module: `use` passes it by.
    func usesItself(_ url: URL, _ name: String) -> Bool {
        guard let text = interpreter.files.text(at: url.path) else { return false }
        let program = Parser.parse(SourceFile(id: SourceID(-3), name: url.path, text: text))
        return program.statements.contains { if case .use(let used) = $0.kind { return used.text == name } else { return false } }
    }

    func moduleNames() -> [String] {
        var names: [String] = []
        for dir in [interpreter.baseDirectory, Self.standardLibraryDirectory].compactMap({ $0 }) {
            let files = interpreter.files.files(inFolder: dir.path)
            names += files.filter { $0.hasSuffix(".kw") }.map { String($0.dropLast(3)) }
        }
        return names
    }

    func loadModule(_ name: Name, into interpreter: Interpreter) throws {
        guard Resolver.isModuleName(name.text) else {
            throw Diagnostic(.error, Message("E110", name.text), at: name.span, hint: Message("H080"))
        }
        guard let url = modulePath(name.text) else {
            throw Diagnostic(.error, Message("E026", name.text), at: name.span, hint: Suggestions.hint(for: name.text, in: moduleNames()))
        }
        if !loadedModules.insert(url.path).inserted { return }
        guard let text = interpreter.files.text(at: url.path) else {
            throw Diagnostic(.error, Message("E069", url.path), at: name.span)
        }
        let file = sources.add(name: url.path, text: text)
        let program = Parser.parse(file)
        if !program.diagnostics.isEmpty { throw DiagnosticList(program.diagnostics) }
        // A module's data paths are relative to the module's own folder.
        let saved = interpreter.baseDirectory
        interpreter.baseDirectory = url.deletingLastPathComponent()
        defer { interpreter.baseDirectory = saved }
        for stmt in program.statements { try interpreter.execute(stmt) }
    }

    func moduleSymbols(_ name: String, visiting: Set<String> = []) -> [String: Symbol]? {
        // A module's names are read once per session (`check` asks for them on every input).
        if visiting.isEmpty, let known = moduleSymbolCache[name] { return known }
        let found = readModuleSymbols(name, visiting: visiting)
        if visiting.isEmpty { moduleSymbolCache[name] = found }
        return found
    }

    private func readModuleSymbols(_ name: String, visiting: Set<String>) -> [String: Symbol]? {
        guard !visiting.contains(name), let url = modulePath(name), let text = interpreter.files.text(at: url.path) else { return nil }
        let program = Parser.parse(SourceFile(id: SourceID(-3), name: url.path, text: text))
        // A module may `use` others (stdlib `sdg` uses `sdg10`, `sdg13`, `sdg17`).
        var resolver = Resolver(scope: Scope(), schemaOf: { _ in nil },
                                moduleSymbols: { [self] in self.moduleSymbols($0, visiting: visiting.union([name])) })
        resolver.resolve(program.statements)
        return resolver.scope.symbols
    }
}

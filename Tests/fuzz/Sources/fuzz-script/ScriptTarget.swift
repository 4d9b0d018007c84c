// Script text through the lexer, parser and resolver (what `kerwen check` does), then, when it is
// clean, the binder, optimiser and plan printer (what `kerwen plan` does): any input must end in
// diagnostics or a plan, never a trap or a stack overflow.

import Foundation
import FuzzSupport
import KerwenSession

// An empty folder the session is sandboxed to, as on a workshop server: `check` samples the files a
// `load` names, and without a sandbox `load t from "../*"` listed all of the machine's /tmp per input.
let folder: URL = {
    let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kerwen-fuzz-script")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScript(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: Fuzz.bytes(data, size), as: UTF8.self)
    do {
        let session = Session(baseDirectory: folder, writeOut: { _ in }, writeErr: { _ in })
        try? session.limitFiles(to: [folder.path])
        let diagnostics = session.check(text: text, name: "fuzz.kw")
        _ = session.render(diagnostics)
        if diagnostics.isEmpty { _ = session.plan(text: text, name: "fuzz.kw") }
    }
    return 0
}

@_cdecl("fuzz_script_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, fuzzScript)
}

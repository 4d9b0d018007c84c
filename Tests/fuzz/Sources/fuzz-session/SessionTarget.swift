// A whole Session runs a script generated from the fuzz bytes over two small tables: parse,
// resolve, evaluate, render. Every outcome must be output or diagnostics, never a trap.

import Foundation
import FuzzSupport
import KerwenSession

let folder: URL = {
    let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kerwen-fuzz-session-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    let t = """
    region,sex,year,value,n,note
    KG,F,2020,10.5,3,a
    KG,M,2020,12,4,
    KG,_T,2020,22.5,7,b
    TJ,F,2021,NA,2,c
    TJ,M,2023,-4,9223372036854775807,"x,y"
    UZ,F,2019,1e300,0,
    """
    let u = """
    region,year,place,pop
    KG,2020,KG,6600000
    TJ,2021,TJ,
    TJ,2021,TJ,9750000
    KZ,2020,KZ,19000000
    """
    try? (t + "\n").write(to: url.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
    try? (u + "\n").write(to: url.appendingPathComponent("u.csv"), atomically: true, encoding: .utf8)
    // The folder (and what the scripts exported into it) goes when libFuzzer exits.
    atexit { try? FileManager.default.removeItem(at: folder) }
    return url
}()

/// `KERWEN_FUZZ_PRINT=1`: print each generated script (to reproduce a finding); read once, not per input.
let printScripts = ProcessInfo.processInfo.environment["KERWEN_FUZZ_PRINT"] != nil

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSession(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var generator = ScriptGenerator(Fuzz.bytes(data, size))
    let script = generator.script()
    if printScripts { print(script) }
    do {
        let session = Session(baseDirectory: folder)
        // Sandboxed to its folder, as on a workshop server: a generated path leads nowhere else.
        try? session.limitFiles(to: [folder.path])
        session.writeOut = { _ in }
        session.writeErr = { _ in }
        _ = try? session.run(text: script, name: "fuzz.kw")
    }
    return 0
}

@_cdecl("fuzz_session_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, fuzzSession)
}

// Bytes through the CSV reader, read as one part and as several parts at once (the path files over
// 4 MB take). Both readings must agree: same table, or both an error with the same code.

import FuzzSupport
import KerwenData
import KerwenDiagnostics

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    do {
        let whole = reading(bytes, parts: 1)
        let split = reading(bytes, parts: 3)
        if whole != split {
            fatalError("one part and three parts disagree:\n\(whole)\n---\n\(split)")
        }
    }
    return 0
}

/// The table written back as CSV with its column types, or the error's code.
func reading(_ bytes: [UInt8], parts: Int) -> String {
    do {
        let table = try CSVReader.parse(bytes: bytes, name: "fuzz.csv", options: CSVOptions(parallelParts: parts))
        let types = table.columns.map { "\($0.type)" }.joined(separator: ",")
        return types + "\n" + TableWriter.csv(table)
    } catch let d as Diagnostic {
        return "error " + d.message.code
    } catch {
        return "error \(error)"
    }
}

@_cdecl("fuzz_csv_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, fuzzCSV)
}

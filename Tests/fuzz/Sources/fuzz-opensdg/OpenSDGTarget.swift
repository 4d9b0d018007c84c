// Bytes read as CSV, then put in the Open SDG layout with the bundled label → code table.

import Foundation
import FuzzSupport
import KerwenData
import KerwenDiagnostics

let codes: [String: String] = ["BOTHSEX": "_T", "FEMALE": "F", "MALE": "M", "ALLAGE": "_T", "<18Y": "Y0T17", "18+": "Y_GE18"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOpenSDG(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    do {
        guard let table = try? CSVReader.parse(bytes: bytes, name: "fuzz.csv") else { return 0 }
        let tidy = OpenSDGLayout.normalize(table, codes: codes)
        // Same shape, and no disaggregation cell left empty or missing.
        guard tidy.rowCount == table.rowCount, tidy.names == table.names else { fatalError("layout changed the shape") }
        for name in OpenSDGLayout.disaggregations(of: tidy) {
            let column = tidy.column(name)!
            for i in 0..<column.count where column.scalar(at: i).isNA { fatalError("\(name) row \(i) left missing") }
        }
        _ = TableWriter.csv(tidy)
    }
    return 0
}

@_cdecl("fuzz_opensdg_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, fuzzOpenSDG)
}

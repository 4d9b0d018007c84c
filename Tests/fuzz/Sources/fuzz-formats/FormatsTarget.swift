// Bytes → Kerwen's structured readers, by the first byte: SDMX-ML data, an SDMX structure (DSD), a
// worksheet's XML (the hand-written scanner), a whole .xlsx (zip container and parts). Each must
// end in a table or a diagnostic, never a trap; a table's columns are all as long as it says.

import Foundation
import FuzzSupport
import KerwenData
import KerwenDiagnostics
import KerwenFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormats(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    guard let selector = bytes.first else { return 0 }
    let body = Data(bytes.dropFirst())
    var table: Table?
    // A sheet may span 100,000 cells here, not 50 million: the limit's check is the same code, and
    // inputs of a stray far cell no longer spend the run allocating empty tables.
    var options = XLSXReader.Options()
    options.cellLimit = 100_000
    switch selector % 4 {
    case 0: table = try? SDMXMLReader.read(body, shownAs: "fuzz.xml")
    case 1: _ = try? SDMXStructure.read(body, shownAs: "dsd.xml")
    case 2: table = try? XLSXReader.table(fromSheetXML: body, options: options)
    default: table = try? XLSXReader.read(body, shownAs: "fuzz.xlsx", options: options)
    }
    if let table {
        for column in table.columns where column.count != table.rowCount { fatalError("a column of \(column.count) rows in a table of \(table.rowCount)") }
        _ = TableWriter.csv(table)
    }
    _ = FileKind.of(bytes)
    return 0
}

@_cdecl("fuzz_formats_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, fuzzFormats)
}

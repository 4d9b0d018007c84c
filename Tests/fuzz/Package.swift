// swift-tools-version:6.0
// libFuzzer targets for Kerwen. Built only by `make fuzz` (tools/fuzz.sh), with
// `-sanitize=fuzzer,address`; the main package never builds them.
import PackageDescription

let kit: Target.Dependency = .product(name: "KerwenKit", package: "Kerwen")

let package = Package(
    name: "KerwenFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Kerwen", path: "../..")],
    targets: [
        // The libFuzzer driver entry and the deep-stack wrapper every target shares.
        .target(name: "FuzzSupport", dependencies: [kit]),
        // Script text → lexer, parser, resolver (as `kerwen check`).
        .executableTarget(name: "fuzz-script", dependencies: ["FuzzSupport", kit]),
        // Bytes → the CSV reader, as one part and as several parts read at once.
        .executableTarget(name: "fuzz-csv", dependencies: ["FuzzSupport", kit]),
        // Bytes → CSV → the Open SDG layout (disaggregations, codes, totals).
        .executableTarget(name: "fuzz-opensdg", dependencies: ["FuzzSupport", kit]),
        // Bytes → the structured readers: SDMX-ML data, a DSD, a worksheet's XML, a whole .xlsx.
        .executableTarget(name: "fuzz-formats", dependencies: ["FuzzSupport", kit]),
        // Bytes → a generated script run by a whole Session over a small table.
        .executableTarget(name: "fuzz-session", dependencies: ["FuzzSupport", kit]),
    ]
)

// swift-tools-version:6.0
// Kerwen: a small language for statistical (SDG) indicators.
import PackageDescription

let package = Package(
    name: "Kerwen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kerwen", targets: ["kerwen"]),
        // For the fuzz targets in Tests/fuzz, a package of their own built with libFuzzer.
        .library(name: "KerwenKit", targets: ["KerwenSession", "KerwenSyntax", "KerwenData", "KerwenFormats", "KerwenDiagnostics"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The zip container of .xlsx workbooks, read and written in memory.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // SHA-256 of the data files a report lists (Foundation on Linux has no digest).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Source text, spans, the message catalog and the one diagnostic renderer.
        .target(name: "KerwenDiagnostics"),
        // Tokens, lexer, AST and parser.
        .target(name: "KerwenSyntax", dependencies: ["KerwenDiagnostics"]),
        // Typed columns, tables, CSV reading and writing. Knows nothing of syntax.
        .target(name: "KerwenData", dependencies: ["KerwenDiagnostics"]),
        // Readers and writers of the publishing formats (SDMX-ML, SDMX-CSV, Open SDG, xlsx) behind one
        // registry, with content sniffing; the XML parsed by Foundation's XMLParser (libxml2).
        .target(name: "KerwenFormats", dependencies: ["KerwenData", "KerwenDiagnostics", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Charts from tables: the chart model, round-number scales, and its terminal and SVG drawings.
        .target(name: "KerwenCharts", dependencies: ["KerwenData", "KerwenDiagnostics"]),
        // Name resolution and static checks over the AST.
        .target(name: "KerwenSema", dependencies: ["KerwenSyntax", "KerwenDiagnostics"]),
        // The bound, typed logical plan of each statement, its optimiser passes and its printer.
        .target(name: "KerwenPlan", dependencies: ["KerwenSyntax", "KerwenSema", "KerwenData", "KerwenDiagnostics"]),
        // Columnar, vectorized evaluation: expressions, pipelines, aggregates, indicators.
        .target(name: "KerwenEval", dependencies: ["KerwenSyntax", "KerwenSema", "KerwenPlan", "KerwenData", "KerwenFormats", "KerwenCharts", "KerwenDiagnostics"]),
        // Tables on screen, describe, exporters, the HTML report.
        .target(name: "KerwenOutput", dependencies: ["KerwenData", "KerwenEval", "KerwenCharts", "KerwenDiagnostics",
                                                     .product(name: "Crypto", package: "swift-crypto")]),
        // The one Session API shared by the runner and the REPL.
        .target(
            name: "KerwenSession",
            dependencies: ["KerwenSyntax", "KerwenSema", "KerwenPlan", "KerwenData", "KerwenFormats", "KerwenEval", "KerwenOutput", "KerwenCharts", "KerwenDiagnostics"]
        ),
        // libedit, found by pkg-config; `make` installs libedit-dev when missing.
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // The interactive prompt: line editing, history, completion, meta-commands.
        .target(
            name: "KerwenREPL",
            dependencies: ["CLibEdit", "KerwenSession", "KerwenEval", "KerwenOutput", "KerwenSyntax", "KerwenSema", "KerwenData", "KerwenDiagnostics"]
        ),
        .executableTarget(
            name: "kerwen",
            dependencies: [
                "KerwenSession", "KerwenDiagnostics", "KerwenREPL", "KerwenPlan",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "KerwenTests",
            dependencies: ["KerwenSyntax", "KerwenData", "KerwenFormats", "KerwenPlan", "KerwenEval", "KerwenSession", "KerwenDiagnostics", "KerwenOutput", "KerwenREPL", "KerwenCharts"]
        ),
    ]
)

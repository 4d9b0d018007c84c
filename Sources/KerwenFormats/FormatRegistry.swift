// Every file format Kerwen reads or writes, in one table: its name (`format:`), the extensions and
// the content that choose it, and the options it takes. `load` picks by content, `export` by
// `format:` or extension; a new format is its reader or writer file and one entry here.

public struct FileFormat: Sendable {
    /// The name `format:` takes.
    public let name: String
    /// Extensions that choose it for `export` (lower case, no dot).
    public let extensions: [String]
    /// The content that makes `load` read a file with it (nil: chosen by `layout:` on text).
    public let content: FileKind?
    /// `load … with` options, and `export … with` options (nil: Kerwen does not write it).
    public let loadOptions: [String]
    public let exportOptions: [String]?
}

public enum FormatRegistry {
    static let csvExport = ["delimiter", "decimal", "bom"]
    static let sdmxExport = ["version", "dataflow", "dimensions", "dsd", "series", "unit_measure", "ref_area", "freq",
                             "reporting_type", "unit_mult", "obs_status", "nature", "source_detail", "comment_obs"]

    public static let formats: [FileFormat] = [
        FileFormat(name: "csv", extensions: ["csv"], content: .text,
                   loadOptions: ["delimiter", "missing", "text", "integer", "number", "boolean", "period", "layout", "decimal", "encoding", "thousands", "dsd"],
                   exportOptions: csvExport),
        FileFormat(name: "tsv", extensions: ["tsv", "tab"], content: nil, loadOptions: [], exportOptions: csvExport),
        // CSV options on JSON get their own error (E122) from the CSV writer's checks.
        FileFormat(name: "json", extensions: ["json"], content: nil, loadOptions: [], exportOptions: csvExport),
        FileFormat(name: "xlsx", extensions: ["xlsx"], content: .zip,
                   loadOptions: ["sheet", "range", "header_rows", "skip", "missing", "text"], exportOptions: ["sheets"]),
        FileFormat(name: "sdmx-ml", extensions: [], content: .xml, loadOptions: ["text"], exportOptions: nil),
        FileFormat(name: "sdmx-csv", extensions: [], content: nil, loadOptions: [], exportOptions: sdmxExport),
        FileFormat(name: "open-sdg", extensions: [], content: nil, loadOptions: [], exportOptions: []),
    ]

    /// The format `load` reads a file of this content with.
    public static func reader(for content: FileKind) -> FileFormat? { formats.first { $0.content == content } }

    /// The format `export` writes: by `format:` name, else by the file's extension.
    public static func writer(named name: String) -> FileFormat? { formats.first { $0.name == name.lowercased() && $0.exportOptions != nil } }
    public static func writer(forExtension ext: String) -> FileFormat? {
        formats.first { $0.extensions.contains(ext.lowercased()) && $0.exportOptions != nil }
    }

    /// The names `format:` takes on `export`.
    public static var writerNames: [String] { formats.filter { $0.exportOptions != nil }.map(\.name) }
}

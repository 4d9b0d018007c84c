// How to read a delimited text file.

public struct CSVOptions: Sendable {
    /// `,`, `;`, tab or `|`; nil = detect from the header line.
    public var delimiter: UInt8?
    /// Cell texts read as missing (after trimming spaces); an empty cell is always missing.
    public var missingMarkers: [String]
    /// Column types given by the user instead of inferred.
    public var forcedTypes: [String: ColumnType]
    /// Parts parsed at once; nil = one per core for files over 4 MB (tests force small files through it).
    public var parallelParts: Int?

    public static let defaultMissingMarkers = ["NA", "N/A", "n/a", "na", "..", "...", "-", "NaN", "null", "NULL"]

    public init(delimiter: UInt8? = nil, missingMarkers: [String] = CSVOptions.defaultMissingMarkers,
                forcedTypes: [String: ColumnType] = [:], parallelParts: Int? = nil) {
        self.parallelParts = parallelParts
        self.delimiter = delimiter
        self.missingMarkers = missingMarkers
        self.forcedTypes = forcedTypes
    }
}

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
    /// The file's character set: UTF-8 (checked: a byte that is not UTF-8 is an error), or
    /// Windows-1251 (what Excel on a Russian Windows writes), converted first.
    public var encoding: TextEncoding = .utf8

    public enum TextEncoding: String, Sendable, CaseIterable { case utf8 = "utf-8", cp1251 = "cp1251", cp866 = "cp866", koi8r = "koi8-r" }

    public static let defaultMissingMarkers = ["NA", "N/A", "n/a", "na", "..", "...", "-", "NaN", "null", "NULL"]

    public init(delimiter: UInt8? = nil, missingMarkers: [String] = CSVOptions.defaultMissingMarkers,
                forcedTypes: [String: ColumnType] = [:], parallelParts: Int? = nil) {
        self.parallelParts = parallelParts
        self.delimiter = delimiter
        self.missingMarkers = missingMarkers
        self.forcedTypes = forcedTypes
    }
}

/// How a delimited text file is written (`export … with delimiter: ";", decimal: ",", bom: true`).
public struct CSVWriteOptions: Sendable, Equatable {
    /// nil: the format's own (`,` for .csv, tab for .tsv).
    public var delimiter: UInt8?
    /// Numbers written `3,5` (the delimiter must then not be `,`).
    public var decimalComma: Bool
    /// The UTF-8 byte order mark first (Excel reads UTF-8 only with it).
    public var byteOrderMark: Bool

    public init(delimiter: UInt8? = nil, decimalComma: Bool = false, byteOrderMark: Bool = false) {
        self.delimiter = delimiter
        self.decimalComma = decimalComma
        self.byteOrderMark = byteOrderMark
    }
}

// A whole data file's bytes for the structured readers (XML, zip): opened as the CSV reader opens
// files (a regular file only, judged by the session's file system on its open descriptor), copied once.

import Foundation
import KerwenData
import KerwenDiagnostics

public enum FileBytes {
    public static func read(path: String, shownAs name: String, files: FileSystem) throws -> Data {
        let file: MappedFile
        do { file = try files.map(path) } catch { throw CSVReader.problem(error, name) }
        let data = file.bytes.isEmpty ? Data() : Data(file.bytes)
        if file.changed { throw Diagnostic.error("E104", name) }
        return data
    }

    /// The kind of the file at `path` from its first bytes (nil when it cannot be opened: the
    /// reader that opens it reports why).
    public static func kind(path: String, files: FileSystem) -> FileKind? {
        guard let file = try? files.map(path) else { return nil }
        let kind = FileKind.of(UnsafeBufferPointer(rebasing: file.bytes.prefix(8192)), whole: file.bytes)
        return file.changed ? nil : kind
    }
}

// What a file is, from its first bytes: text (CSV and friends), XML, a zip container (xlsx), or a
// binary format Kerwen does not read — so a file that is not what its reader expects is an error
// that says what it is, never a one-column table of garbage.

public enum FileKind: Hashable, Sendable {
    case text, xml, zip
    /// An OLE2 compound file: a legacy .xls (BIFF) workbook, or an encrypted (password-protected) .xlsx.
    case compound(encrypted: Bool)
    case parquet, pdf, gzip, binary

    /// Reads the kind from the start of a file (a few KB are enough); `whole` is the file when it is
    /// in memory, to look for the encryption stream of a compound file.
    public static func of(_ head: UnsafeBufferPointer<UInt8>, whole: UnsafeBufferPointer<UInt8>? = nil) -> FileKind {
        func starts(_ magic: [UInt8]) -> Bool { head.count >= magic.count && Swift.zip(head, magic).allSatisfy { $0 == $1 } }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            // Office keeps a password-protected workbook in a compound file with an `EncryptedPackage`
            // stream; its directory names are UTF-16.
            let name = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            return .compound(encrypted: contains(whole ?? head, name))
        }
        if starts(Array("PAR1".utf8)) { return .parquet }
        if starts(Array("%PDF".utf8)) { return .pdf }
        if starts([0x1F, 0x8B]) { return .gzip }
        // XML: after an optional byte order mark and spaces, `<?xml` or an element.
        var i = 0
        if starts([0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < head.count, [0x20, 0x09, 0x0A, 0x0D].contains(head[i]) { i += 1 }
        if i < head.count, head[i] == UInt8(ascii: "<") {
            let rest = head[(i + 1)...].prefix(4)
            if rest.first.map({ $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "!") || isNameStart($0) }) == true { return .xml }
        }
        // NUL bytes never occur in text a person wrote (UTF-16 files included, which Kerwen does not read).
        if head.prefix(8192).contains(0) { return .binary }
        return .text
    }

    public static func of(_ bytes: [UInt8]) -> FileKind {
        bytes.withUnsafeBufferPointer { of(UnsafeBufferPointer(rebasing: $0.prefix(8192)), whole: $0) }
    }

    private static func isNameStart(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_") || b >= 0x80
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}

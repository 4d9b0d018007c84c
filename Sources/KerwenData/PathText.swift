// Paths as the user wrote them, split in plain Swift. NSString's path parts trap (an illegal
// instruction) in this Foundation: `deletingLastPathComponent` on a one-character path and on `a/`
// (fuzz-script found `load t from "?"`), `lastPathComponent` and `pathExtension` on `//é` — so
// Kerwen never hands a user's text to them.

public enum PathText {
    /// The folder part of a path: `data/2024/*.csv` → `data/2024`, `/a` → `/`, `a` and `a/` → "".
    public static func folder(of path: String) -> String {
        let rest = withoutTrailingSlashes(path)
        guard let slash = rest.lastIndex(of: "/") else { return "" }
        var head = rest[..<slash]
        while head.hasSuffix("/") { head = head.dropLast() }
        return head.isEmpty ? "/" : String(head)
    }

    /// The last part of a path: `data/2024/*.csv` → `*.csv`, `a/` → `a`, `/` → `/`.
    public static func lastPart(of path: String) -> String {
        let rest = withoutTrailingSlashes(path)
        guard let slash = rest.lastIndex(of: "/"), rest.count > 1 else { return String(rest) }
        return String(rest[rest.index(after: slash)...])
    }

    /// A file name's extension, as written: `a.CSV` → `CSV`, `a` and `.profile` → "", `a.` → "".
    public static func fileExtension(of path: String) -> String {
        let name = lastPart(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// `a//` → `a`; `/` stays.
    private static func withoutTrailingSlashes(_ path: String) -> Substring {
        var rest = Substring(path)
        while rest.count > 1, rest.hasSuffix("/") { rest = rest.dropLast() }
        return rest
    }
}

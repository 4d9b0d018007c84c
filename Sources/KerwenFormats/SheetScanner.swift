// The two large parts of a workbook — a worksheet's cells and the shared strings — read by a
// byte-level scanner instead of XMLParser. Hand-written for speed and size: XMLParser calls back
// for every element (a 1 M-cell sheet took seconds) and libxml2 refuses a text line of tens of MB,
// which is how openpyxl and others write a sheet. These parts are regular SpreadsheetML (rows, cells,
// values, inline and rich text); the small parts (workbook, relationships, styles) stay with XMLParser.

import Foundation
import KerwenDiagnostics

struct SheetScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ data: Data) { bytes = [UInt8](data) }

    /// One tag: its local name (prefix dropped), whether it closes (`</x>`) or is empty (`<x/>`), and
    /// where its attributes are.
    struct Tag {
        var name: ArraySlice<UInt8>; var closing: Bool; var empty: Bool; var attributes: Range<Int>
        func `is`(_ local: StaticString) -> Bool {
            local.withUTF8Buffer { name.elementsEqual($0) }
        }
    }

    /// The next tag after `position`, skipping comments, processing instructions and CDATA's markup;
    /// nil at the end. Text between tags is left for `text(until:)`.
    mutating func nextTag() throws -> Tag? {
        while position < bytes.count {
            guard let lt = index(of: UInt8(ascii: "<"), from: position) else { position = bytes.count; return nil }
            position = lt + 1
            guard position < bytes.count else { throw SheetProblem.truncated }
            let first = bytes[position]
            if first == UInt8(ascii: "?") { try skip(past: Array("?>".utf8)); continue }
            if first == UInt8(ascii: "!") {
                if starts(with: "!--") { try skip(past: Array("-->".utf8)) } else if starts(with: "![CDATA[") { try skip(past: Array("]]>".utf8)) } else { try skip(past: [UInt8(ascii: ">")]) }
                continue
            }
            let closing = first == UInt8(ascii: "/")
            var i = closing ? position + 1 : position
            let nameStart = i
            while i < bytes.count, !Self.isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") { i += 1 }
            var name = bytes[nameStart..<i]
            if let colon = name.lastIndex(of: UInt8(ascii: ":")) { name = bytes[(colon + 1)..<i] }
            // The end of the tag: the first `>` outside a quoted attribute value.
            var quote: UInt8 = 0
            let attributesStart = i
            while i < bytes.count {
                let b = bytes[i]
                if quote != 0 { if b == quote { quote = 0 } } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") { quote = b } else if b == UInt8(ascii: ">") { break }
                i += 1
            }
            guard i < bytes.count else { throw SheetProblem.truncated }
            let empty = i > attributesStart && bytes[i - 1] == UInt8(ascii: "/")
            position = i + 1
            return Tag(name: name, closing: closing, empty: empty, attributes: attributesStart..<(empty ? i - 1 : i))
        }
        return nil
    }

    /// The value of attribute `name` (local name) in a tag's attribute bytes, unescaped.
    func attribute(_ name: String, in range: Range<Int>) -> String? {
        let wanted = Array(name.utf8)
        var i = range.lowerBound
        while i < range.upperBound {
            while i < range.upperBound, Self.isSpace(bytes[i]) { i += 1 }
            let start = i
            while i < range.upperBound, bytes[i] != UInt8(ascii: "="), !Self.isSpace(bytes[i]) { i += 1 }
            var key = bytes[start..<i]
            if let colon = key.lastIndex(of: UInt8(ascii: ":")) { key = bytes[(colon + 1)..<i] }
            while i < range.upperBound, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "'") { i += 1 }
            guard i < range.upperBound else { return nil }
            let quote = bytes[i]
            let valueStart = i + 1
            i = valueStart
            while i < range.upperBound, bytes[i] != quote { i += 1 }
            if key.elementsEqual(wanted) { return Self.unescape(bytes[valueStart..<min(i, range.upperBound)]) }
            i += 1
        }
        return nil
    }

    /// The text from `position` to the next `<` (entities and CDATA sections read).
    mutating func text() -> String {
        var out: [UInt8] = []
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "<") {
                guard starts(with: "<![CDATA[", at: position) else { break }
                let start = position + 9
                var end = start
                while end + 2 < bytes.count, !(bytes[end] == 93 && bytes[end + 1] == 93 && bytes[end + 2] == 62) { end += 1 }
                out += bytes[start..<min(end, bytes.count)]
                position = min(bytes.count, end + 3)
                continue
            }
            let start = position
            while position < bytes.count, bytes[position] != UInt8(ascii: "<") { position += 1 }
            out += Self.unescapeBytes(bytes[start..<position])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    static func unescape(_ s: ArraySlice<UInt8>) -> String { String(decoding: unescapeBytes(s), as: UTF8.self) }

    /// `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and numeric references `&#1234;` `&#x4A;`.
    static func unescapeBytes(_ s: ArraySlice<UInt8>) -> [UInt8] {
        guard s.contains(UInt8(ascii: "&")) else { return Array(s) }
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = s.startIndex
        while i < s.endIndex {
            guard s[i] == UInt8(ascii: "&"), let semicolon = s[i...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else { out.append(s[i]); i += 1; continue }
            let entity = String(decoding: s[(i + 1)..<semicolon], as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch entity {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") { scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                else if entity.hasPrefix("#") { scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init) }
            }
            if let scalar { out += Array(String(scalar).utf8); i = semicolon + 1 } else { out.append(s[i]); i += 1 }
        }
        return out
    }

    private func index(of byte: UInt8, from: Int) -> Int? {
        bytes.withUnsafeBufferPointer { b -> Int? in
            guard from < b.count, let base = b.baseAddress, let found = memchr(base + from, Int32(byte), b.count - from) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    private func starts(with s: String, at i: Int? = nil) -> Bool {
        let p = i ?? position
        let u = Array(s.utf8)
        return p + u.count <= bytes.count && bytes[p..<(p + u.count)].elementsEqual(u)
    }

    private mutating func skip(past end: [UInt8]) throws {
        while position + end.count <= bytes.count {
            if bytes[position..<(position + end.count)].elementsEqual(end) { position += end.count; return }
            position += 1
        }
        throw SheetProblem.truncated
    }
}

enum SheetProblem: Error { case truncated }

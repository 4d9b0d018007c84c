// Foundation's XMLParser (libxml2, a real parser: entities, CDATA, encodings) as three closures,
// with the line and column of a malformed document.

import Foundation
import KerwenData
import KerwenDiagnostics
#if canImport(FoundationXML)
import FoundationXML
#endif

final class XMLEvents: NSObject, XMLParserDelegate {
    var start: (_ name: String, _ attributes: [String: String]) -> Void = { _, _ in }
    var end: (_ name: String) -> Void = { _ in }
    var text: (_ characters: String) -> Void = { _ in }
    /// A handler's own stop (the document is not what the reader expects).
    private(set) var stopped: Error?
    private weak var parser: XMLParser?

    /// Stops the parse: `parse` then throws `error`.
    func fail(_ error: Error) {
        if stopped == nil { stopped = error }
        parser?.abortParsing()
    }

    /// Parses `data`, element names without their namespace prefix; a malformed or truncated
    /// document is a diagnostic naming the file, line and column.
    func parse(_ data: Data, shownAs name: String) throws {
        // Foundation's parser traps on text that is not UTF-8 (the fuzzer found it twice: a bad byte
        // in a UTF-8 document, and a document whose declaration names an encoding badly). So it is only
        // ever given UTF-8: a declared Cyrillic or Latin code page is converted first, anything else
        // is checked to be UTF-8 and refused with the place of its first bad byte.
        let data = Self.withoutProcessingInstructions(try Self.utf8(data, shownAs: name))
        do { try parse(data) } catch XMLProblem.malformed(let line, let column, _) {
            throw Diagnostic.error("E139", name, String(line), String(column))
        } catch XMLProblem.truncated(let line) {
            throw Diagnostic.error("E161", name, String(line))
        }
    }

    private var depth = 0

    /// The document as UTF-8: converted from the encoding its declaration names when Kerwen knows
    /// it (the declaration then says UTF-8), else checked to be UTF-8.
    static func utf8(_ data: Data, shownAs name: String) throws -> Data {
        let head = String(decoding: data.prefix(256), as: UTF8.self)
        if let declared = declaredEncoding(head), !["utf-8", "utf8"].contains(declared.lowercased()) {
            let bytes = [UInt8](data)
            var converted: [UInt8]?
            switch declared.lowercased() {
            case "windows-1251", "cp1251": converted = String(data: data, encoding: .windowsCP1251).map { Array($0.utf8) }
            case "iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii": converted = String(data: data, encoding: .isoLatin1).map { Array($0.utf8) }
            case "koi8-r", "koi8r": converted = SingleByteCyrillic.decode(bytes, table: SingleByteCyrillic.koi8r)
            case "cp866", "ibm866": converted = SingleByteCyrillic.decode(bytes, table: SingleByteCyrillic.cp866)
            default: break
            }
            guard var text = converted.map({ String(decoding: $0, as: UTF8.self) }) else {
                throw Diagnostic(.error, Message("E166", name, declared), hint: Message("H165"))
            }
            if let range = text.range(of: declared) { text.replaceSubrange(range, with: "UTF-8") }
            return Data(text.utf8)
        }
        let bad: (Int, Int)? = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if let place = CSVReader.firstInvalidUTF8(bytes) { return place }
            return String(validating: bytes, as: UTF8.self) == nil ? (1, 1) : nil
        }
        if let (line, byte) = bad { throw Diagnostic(.error, Message("E126", name, String(line), String(byte)), hint: Message("H165")) }
        return data
    }

    /// The document with every processing instruction but a well-formed XML declaration blanked out (spaces,
    /// so lines and columns stay): Foundation's parser reads a null pointer on one without data
    /// (`<?x?>`, found by fuzz-formats), and data files carry none Kerwen needs.
    static func withoutProcessingInstructions(_ data: Data) -> Data {
        var bytes = [UInt8](data)
        var i = 0
        let n = bytes.count
        while i + 1 < n {
            if bytes[i] == UInt8(ascii: "<"), bytes[i + 1] == UInt8(ascii: "?") {
                let declaration = i <= 3 && i + 5 < n && bytes[(i + 2)..<(i + 5)].elementsEqual("xml".utf8) && [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i + 5])
                var j = i + 2
                while j + 1 < n, !(bytes[j] == UInt8(ascii: "?") && bytes[j + 1] == UInt8(ascii: ">")) { j += 1 }
                let end = min(n, j + 2)
                // A declaration left open (`<?xml v>…`) would run on to a later instruction's `?>` and
                // hide it (fuzz-formats): one holding `<` or `>` is blanked like any other.
                let closed = declaration && !bytes[(i + 2)..<min(j, n)].contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }
                if !closed { for k in i..<end where bytes[k] != 0x0A { bytes[k] = 0x20 } }
                i = end
                continue
            }
            i += 1
        }
        return Data(bytes)
    }

    /// The encoding a well-formed XML declaration names (`<?xml version="1.0" encoding="windows-1251"?>`).
    static func declaredEncoding(_ head: String) -> String? {
        var text = Substring(head)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        guard text.hasPrefix("<?xml"), let end = text.range(of: "?>") else { return nil }
        let declaration = text[..<end.lowerBound]
        guard let key = declaration.range(of: "encoding") else { return nil }
        var rest = declaration[key.upperBound...].drop { $0 == " " }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        guard !value.isEmpty, value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:".contains($0)) }) else { return nil }
        return String(value)
    }

    /// Parses `data`; throws `XMLProblem` for a malformed or truncated document.
    func parse(_ data: Data) throws {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        self.parser = parser
        let ok = parser.parse()
        if let stopped { throw stopped }
        // libxml2 may accept a document cut off inside its elements: what is still open says so.
        if ok, depth > 0 { throw XMLProblem.truncated(line: max(1, parser.lineNumber)) }
        if !ok {
            let (line, column) = firstError ?? (parser.lineNumber, parser.columnNumber)
            throw XMLProblem.malformed(line: max(1, line), column: max(1, column),
                                       reason: parser.parserError.map { ($0 as NSError).localizedDescription } ?? "")
        }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        depth += 1
        start(elementName, attributes)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        end(elementName)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }

    /// Where libxml2 first found the document wrong (it may go on and stop further down).
    private var firstError: (Int, Int)?

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if firstError == nil { firstError = (parser.lineNumber, parser.columnNumber) }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { text(String(decoding: CDATABlock, as: UTF8.self)) }
}

public enum XMLProblem: Error {
    case malformed(line: Int, column: Int, reason: String)
    case truncated(line: Int)
}

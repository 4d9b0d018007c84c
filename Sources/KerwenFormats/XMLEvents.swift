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
        // Foundation's parser traps on bytes that are not UTF-8 in a UTF-8 document (the fuzzer found
        // it): such a file is refused first, with the place of the first bad byte.
        if Self.declaresUTF8(data) {
            let bad: (Int, Int)? = data.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                if let place = CSVReader.firstInvalidUTF8(bytes) { return place }
                return String(validating: bytes, as: UTF8.self) == nil ? (1, 1) : nil
            }
            if let (line, byte) = bad { throw Diagnostic(.error, Message("E126", name, String(line), String(byte)), hint: Message("H165")) }
        }
        do { try parse(data) } catch XMLProblem.malformed(let line, let column, _) {
            throw Diagnostic.error("E139", name, String(line), String(column))
        } catch XMLProblem.truncated(let line) {
            throw Diagnostic.error("E161", name, String(line))
        }
    }

    private var depth = 0

    /// Whether the document is UTF-8: no encoding in its XML declaration, or UTF-8 named (another
    /// encoding, such as windows-1251, is converted by libxml2).
    static func declaresUTF8(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(200), as: UTF8.self).lowercased()
        guard head.hasPrefix("<?xml") || head.hasPrefix("\u{FEFF}<?xml"), let end = head.range(of: "?>") else { return true }
        let declaration = head[..<end.lowerBound]
        guard let encoding = declaration.range(of: "encoding") else { return true }
        let value = declaration[encoding.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        return value.hasPrefix("utf-8") || value.hasPrefix("utf8")
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

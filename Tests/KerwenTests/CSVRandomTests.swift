// The CSV reader's fast path (unquoted fields found and typed in one loop) hands a record to the
// general scanner at its first quoted or space-led field. Random files mix every kind of cell —
// plain, quoted, quoted with doubled quotes, commas and newlines, spaced numbers, missing markers,
// CRLF and LF line ends — and each cell read back must be the value the test wrote.

import KerwenData
import XCTest

final class CSVRandomTests: XCTestCase {
    /// A small deterministic generator (SplitMix64), so a failure names a seed that reproduces it.
    private struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    private enum Cell: Equatable { case missing, number(Double), text(String) }

    func testRandomFilesReadBackCellByCell() throws {
        for seed in 1...12 {
            var rng = Random(state: UInt64(seed))
            let rows = 300 + rng.below(300)
            let words = ["Tashkent", "Tashkent City", "a", "South Korea", "x, y", "say \"hi\"", "two\nlines",
                         "abcdefghijklmnop", "abcdefghijklmnopq", "Ferg\u{02BB}ona", "NAME", ""]
            var expected: [[Cell]] = []
            var text = "num,word,amount\n"
            for r in 0..<rows {
                var cells: [Cell] = [], fields: [String] = []
                // A number column: plain, negative, spaced, quoted, or missing in several spellings.
                switch rng.below(8) {
                case 0: cells.append(.missing); fields.append(["", "NA", "..", "\"\"", " - "][rng.below(5)])
                case 1: let v = Double(rng.below(100_000)) / 100; cells.append(.number(v)); fields.append("  \(v) ")
                case 2: let v = Double(rng.below(1000)); cells.append(.number(v)); fields.append("\"\(Int(v))\"")
                default:
                    // The value is what the standard library reads from the text written.
                    let field = String(format: "%.2f", Double(rng.below(2_000_000)) / 100 - 10_000)
                    cells.append(.number(Double(field)!)); fields.append(field)
                }
                // A text column: short and long values, markers, quoting when needed or at random.
                let w = words[rng.below(words.count)]
                let needsQuotes = w.contains(",") || w.contains("\"") || w.contains("\n")
                let quoted = needsQuotes || rng.below(4) == 0
                cells.append(w.isEmpty ? .missing : .text(w))
                fields.append(quoted ? "\"" + w.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : w)
                // Integers that widen to numbers late in the file.
                let amount = r > rows - 5 ? Double(r) + 0.5 : Double(r * 3)
                cells.append(.number(amount)); fields.append(r > rows - 5 ? "\(amount)" : "\(r * 3)")
                expected.append(cells)
                text += fields.joined(separator: ",") + (rng.below(3) == 0 ? "\r\n" : "\n")
            }
            for parts in [1, 3] {
                let t = try CSVReader.parse(bytes: Array(text.utf8), name: "random.csv", options: CSVOptions(parallelParts: parts))
                XCTAssertEqual(t.rowCount, rows, "seed \(seed)")
                XCTAssertEqual(t.columns.map(\.type), [.number, .text, .number], "seed \(seed)")
                for (r, cells) in expected.enumerated() {
                    for (j, cell) in cells.enumerated() {
                        let got: Cell
                        switch t.columns[j].scalar(at: r) {
                        case .na: got = .missing
                        case .number(let v): got = .number(v)
                        case .integer(let v): got = .number(Double(v))
                        case .text(let s): got = .text(s)
                        default: got = .text("?")
                        }
                        XCTAssertEqual(got, cell, "seed \(seed), parts \(parts), row \(r + 2), column \(t.names[j])")
                    }
                }
            }
        }
    }
}

// The words swift-argument-parser puts around our texts ("USAGE:", "OPTIONS:", "Error: Missing
// expected argument …") are English in the library; the help and usage errors are reworded here,
// after the library has laid them out, so the whole screen is in the run's language.

import Foundation
import KerwenDiagnostics

extension CLI {
    /// Fixed phrases of the library's layout and their catalog codes.
    private static let framePhrases: [(String, String)] = [
        ("OVERVIEW:", "CLI.f.overview"), ("USAGE:", "CLI.f.usage"), ("ARGUMENTS:", "CLI.f.arguments"),
        ("OPTIONS:", "CLI.f.options"), ("SUBCOMMANDS:", "CLI.f.subcommands"), ("Show the version.", "CLI.f.version"),
        ("Show help information.", "CLI.f.help"), ("Error: ", "CLI.f.error"), ("Help:  ", "CLI.f.help_line"), ("Usage: ", "CLI.f.usage_line"),
    ]

    /// The library's sentences with a quoted part, and the catalog code that words them.
    private static let framePatterns: [(String, String)] = [
        (#"See '([^']+)' for detailed help\."#, "CLI.f.see_detailed"), (#"See '([^']+)' for more information\."#, "CLI.f.see_more"),
        (#"Missing expected argument '([^']+)'"#, "CLI.f.missing_argument"), (#"Unknown option '([^']+)'"#, "CLI.f.unknown_option"),
        (#"Unexpected argument '([^']+)'"#, "CLI.f.unexpected_argument"), (#"Missing value for '([^']+)'"#, "CLI.f.missing_value"),
        (#"The value '([^']*)' is invalid for '([^']+)'"#, "CLI.f.invalid_value"),
    ]

    /// Help or a usage error as the library wrote it, with its own words in this run's language.
    static func localizedFrame(_ text: String) -> String {
        guard language != .en else { return text }
        var out = text
        for (pattern, code) in framePatterns {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            for match in regex.matches(in: out, range: NSRange(out.startIndex..., in: out)).reversed() {
                guard let whole = Range(match.range, in: out) else { continue }
                let parts = (1..<match.numberOfRanges).compactMap { Range(match.range(at: $0), in: out).map { String(out[$0]) } }
                out.replaceSubrange(whole, with: word(code, args: parts))
            }
        }
        for (phrase, code) in framePhrases { out = out.replacingOccurrences(of: phrase, with: word(code)) }
        return out
    }

    private static func word(_ code: String, args: [String]) -> String { catalog.format(Message(code: code, args: args)) }
}

// Text inside XML (workbook parts, SVG charts, the HTML report): the five characters markup
// reserves escaped, and the control characters XML 1.0 cannot hold replaced.

public enum XMLText {
    public static func escaped(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // XML 1.0 has no place for other control characters; tab, newline and return stay.
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default: if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { out += "\u{FFFD}" } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }
}

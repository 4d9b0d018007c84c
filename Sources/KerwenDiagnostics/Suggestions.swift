// "Did you mean …?": nearest names by edit distance.

public enum Suggestions {
    /// Levenshtein distance over characters, case-insensitive.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count), cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    /// Up to `limit` candidates close enough to `name` to be a likely typo, nearest first.
    public static func nearest(to name: String, in candidates: [String], limit: Int = 3) -> [String] {
        let length = name.count, lowered = name.lowercased()
        let threshold = max(2, length / 3)
        var scored: [(String, Int)] = []
        for c in Set(candidates) {
            let prefixHit = length >= 3 && c.lowercased().hasPrefix(lowered)
            // The distance is at least the difference of the lengths: most names are passed by on
            // that alone (a table of 40,000 columns, a script of many unknown names).
            if !prefixHit, abs(c.count - length) > threshold { continue }
            let d = distance(name, c)
            if d <= threshold || prefixHit { scored.append((c, prefixHit ? min(d, 1) : d)) }
        }
        scored.sort { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        return scored.prefix(limit).map { $0.0 }
    }

    /// A hint message listing the nearest names, or nil when none is close.
    public static func hint(for name: String, in candidates: [String]) -> Message? {
        if let habit = KeyboardHabits.hint(for: name, in: candidates) { return habit }
        let near = nearest(to: name, in: candidates)
        guard !near.isEmpty else { return nil }
        return Message("H001", MessageArgument.names(near))
    }
}

// How much memory a run may use for one result (`--max-memory SIZE`). Operations whose output can
// explode — a join on a key repeated on both sides — estimate their size before building anything
// and stop with a message instead of being killed by the system for lack of memory.

import Foundation

public struct MemoryLimit: Sendable, Equatable {
    public var bytes: Int

    public init(bytes: Int) { self.bytes = bytes }

    /// Three quarters of the memory this process can have: the machine's, or its container's
    /// (cgroup v2 `memory.max`) when that is lower.
    public static var standard: MemoryLimit {
        var total = Int(clamping: ProcessInfo.processInfo.physicalMemory)
        if let text = try? String(contentsOfFile: "/sys/fs/cgroup/memory.max", encoding: .utf8),
           let limit = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)), limit > 0 {
            total = min(total, limit)
        }
        return MemoryLimit(bytes: total / 4 * 3)
    }

    /// `8G`, `512M`, `1.5GB`, `2000000000` (bytes); nil when it is not a size.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let kb = 1024.0, mb = kb * 1024, gb = mb * 1024, tb = gb * 1024
        let units: [(String, Double)] = [("TB", tb), ("GB", gb), ("MB", mb), ("KB", kb), ("T", tb), ("G", gb), ("M", mb), ("K", kb), ("B", 1)]
        var number = Substring(t), scale = 1.0
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            number = t.dropLast(suffix.count); scale = factor; break
        }
        guard let value = Double(number.trimmingCharacters(in: .whitespaces)), value.isFinite, value > 0,
              value * scale < 9e18 else { return nil }
        bytes = Int(value * scale)
    }

    /// `1.5 GB`, `730 MB`: as a person reads a size.
    public static func describe(_ bytes: Double) -> String {
        let units = ["B", "KB", "MB", "GB", "TB", "PB", "EB"]
        var v = bytes, k = 0
        while v >= 1024 && k < units.count - 1 { v /= 1024; k += 1 }
        return k == 0 ? "\(Int(v)) B" : String(format: v < 10 ? "%.1f %@" : "%.0f %@", v, units[k])
    }
}

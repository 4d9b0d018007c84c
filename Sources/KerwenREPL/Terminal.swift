// The terminal: its size, whether colour is allowed, and a pager for long output.

import Foundation
import KerwenDiagnostics

public enum Terminal {
    public static func size() -> (columns: Int, rows: Int)? {
        var w = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &w) == 0, w.ws_col > 0 else { return nil }
        return (Int(w.ws_col), Int(w.ws_row))
    }

    public static var colorAllowed: Bool {
        let env = ProcessInfo.processInfo.environment
        return env["NO_COLOR"] == nil && env["TERM"] != "dumb" && isatty(STDOUT_FILENO) != 0
    }

    /// Shows text through $KERWEN_PAGER, $PAGER or `less -FXS` when it is taller than the terminal.
    public static func page(_ text: String) {
        let lines = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        guard isatty(STDOUT_FILENO) != 0, let size = size(), lines >= size.rows - 1 else {
            StandardStreams.out(text)
            return
        }
        let env = ProcessInfo.processInfo.environment
        let pager = [env["KERWEN_PAGER"], env["PAGER"]].compactMap { $0 }.first { !$0.isEmpty } ?? "less -FXS"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", pager]
        let pipe = Pipe()
        p.standardInput = pipe
        do {
            try p.run()
            pipe.fileHandleForWriting.write(Data(text.utf8))
            try? pipe.fileHandleForWriting.close()
            p.waitUntilExit()
        } catch {
            StandardStreams.out(text)
        }
    }
}

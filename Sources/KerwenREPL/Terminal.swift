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

    /// Whether more input is already waiting on standard input (a paste still arriving): asked
    /// with a short wait, so lines typed by hand are never held back.
    /// Only in canonical mode, where the terminal hands over whole lines: a key typed ahead
    /// without Enter (while a statement ran) is then not "waiting", and nothing blocks on it.
    public static func inputPending(milliseconds: Int32 = 15) -> Bool {
        var mode = termios()
        guard tcgetattr(STDIN_FILENO, &mode) == 0, mode.c_lflag & tcflag_t(ICANON) != 0 else { return false }
        var fds = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&fds, 1, milliseconds) > 0 && fds.revents & Int16(POLLIN) != 0
    }

    /// Whether tall output goes through the pager (`:pager on|off`).
    nonisolated(unsafe) public static var pagerEnabled = true

    /// The pager command: $KERWEN_PAGER, else $PAGER, else `less -FRXS` (colour codes passed through,
    /// quit at once when the text fits, no screen clearing, long lines cut rather than wrapped).
    static var pagerCommand: String {
        let env = ProcessInfo.processInfo.environment
        return [env["KERWEN_PAGER"], env["PAGER"]].compactMap { $0 }.first { !$0.isEmpty } ?? "less -FRXS"
    }

    /// Shows text through the pager when it is taller than the terminal.
    public static func page(_ text: String) {
        let lines = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        guard pagerEnabled, isatty(STDOUT_FILENO) != 0, let size = size(), lines >= size.rows - 1 else {
            StandardStreams.out(text)
            return
        }
        // popen(3): the pager runs in the prompt's own process group, so it may read the keyboard
        // (started as a separate group, as Foundation's Process starts it, `less` was stopped from
        // reading the terminal and quit after the first screen, losing the last rows and the footer).
        guard let pipe = popen(pagerCommand, "w") else {
            StandardStreams.out(text)
            return
        }
        // A pager quit early (q) closes its end: the rest of the text is not wanted, and the prompt
        // must not die of SIGPIPE (which a batch run keeps, for `kerwen run x.kw | head`).
        let saved = signal(SIGPIPE, SIG_IGN)
        _ = text.withCString { fputs($0, pipe) }
        pclose(pipe)
        signal(SIGPIPE, saved)
    }
}

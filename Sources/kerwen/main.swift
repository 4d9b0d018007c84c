// Entry point: parse the command line with exit status 2 on usage errors, then run the command
// on a thread with a deep stack (see `DeepStack`).

import ArgumentParser
import Foundation
import KerwenDiagnostics

Signals.install()
let status: Int32 = DeepStack.run {
    do {
        var command = try Kerwen.parseAsRoot()
        try command.run()
        return 0
    } catch let exitCode as ExitCode {
        return exitCode.rawValue
    } catch {
        let code = Kerwen.exitCode(for: error)
        if code == .success {
            print(CLI.localizedFrame(Kerwen.fullMessage(for: error)))
            return 0
        }
        StandardStreams.err(CLI.localizedFrame(Kerwen.fullMessage(for: error)) + "\n")
        return CLI.usageError
    }
}
exit(status)

// Entry point: parse the command line with exit status 2 on usage errors, then run the command.

import ArgumentParser
import Foundation
import KerwenDiagnostics

CLI.installInterruptHandler()
do {
    var command = try Kerwen.parseAsRoot()
    try command.run()
    exit(0)
} catch let exitCode as ExitCode {
    exit(exitCode.rawValue)
} catch {
    let code = Kerwen.exitCode(for: error)
    if code == .success {
        print(Kerwen.fullMessage(for: error))
        exit(0)
    }
    FileHandle.standardError.write(Data((Kerwen.fullMessage(for: error) + "\n").utf8))
    exit(CLI.usageError)
}

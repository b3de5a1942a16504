#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TalksModel

/// Dispatches `talks <command> ...` and is the one place that turns errors into text and
/// exit statuses: 0 ok, 1 failure, 64 usage, 65 rejected input.
struct CommandLineTool {
    var commands: [any Command.Type]

    func run(_ argv: [String]) -> Int32 {
        let words = Array(argv.dropFirst())
        guard let first = words.first else {
            Console.standardError(HelpFormatter.overview(of: commands))
            return ExitStatus.usage
        }
        switch first {
        case "-h", "--help", "help":
            if words.count > 1, let command = find(words[1]) {
                Console.standardOutput(HelpFormatter.help(for: command.configuration))
            } else {
                Console.standardOutput(HelpFormatter.overview(of: commands))
            }
            return ExitStatus.success
        case "--version":
            Console.standardOutput("talks \(TalksModel.version)\n")
            return ExitStatus.success
        default:
            break
        }
        guard let command = find(first) else {
            Console.errorLine("talks: unknown command '\(first)'")
            Console.standardError("Run 'talks --help' for the list of commands.\n")
            return ExitStatus.usage
        }
        let rest = Array(words.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            Console.standardOutput(HelpFormatter.help(for: command.configuration))
            return ExitStatus.success
        }
        do {
            let parsed = try ParsedArguments(rest, for: command.configuration)
            let instance = try command.init(parsed)
            return try instance.run()
        } catch let error as UsageError {
            Console.standardError("\(error)".terminalEscapedKeepingLines + "\n")
            return ExitStatus.usage
        } catch let error as any TalksError {
            Console.standardError("talks \(command.configuration.name): \(error)".terminalEscapedKeepingLines + "\n")
            return error.exitStatus
        } catch {
            Console.standardError("talks \(command.configuration.name): \(error)".terminalEscapedKeepingLines + "\n")
            return ExitStatus.failure
        }
    }

    private func find(_ name: String) -> (any Command.Type)? {
        commands.first { $0.configuration.name == name }
    }
}

/// The command line was wrong; exit status 64.
struct UsageError: Error, CustomStringConvertible {
    var command: String
    var message: String

    var description: String {
        "talks \(command): \(message)\nRun 'talks \(command) --help' for usage."
    }
}

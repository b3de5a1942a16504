import TalksModel

/// `talks version`: prints the version.
struct VersionCommand: Command {
    static let configuration = CommandConfiguration(
        name: "version",
        abstract: "Print the version of talks.",
        discussion: "The same as 'talks --version'; the server reports it at /health too.",
        examples: ["talks version"],
        exitStatuses: [.success, .usage]
    )

    init(_ arguments: ParsedArguments) throws(UsageError) {}

    func run() throws -> Int32 {
        Console.standardOutput("talks \(TalksModel.version)\n")
        return ExitStatus.success
    }
}

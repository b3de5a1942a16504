import TalksModel

/// A `talks` subcommand: a declarative configuration, a parsing initialiser and `run`.
///
/// Commands only translate between the command line and the Talks library: they parse,
/// call one library entry point and print. No logic lives here.
protocol Command {
    static var configuration: CommandConfiguration { get }
    init(_ arguments: ParsedArguments) throws(UsageError)
    /// Runs the command and returns the exit status. Errors thrown here are printed by
    /// `CommandLineTool`, the one place that turns errors into text and exit codes.
    func run() throws -> Int32
}

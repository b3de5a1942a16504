import TalksModel

/// A `talks` subcommand: a declarative configuration, a parsing initialiser and `run`.
///
/// Each option and argument is declared once, as a static `Option`, `Flag` or `Argument`
/// member listed in `configuration`, and `init` reads it back typed (`arguments[Self.limit]`).
/// Reading one the configuration does not list stops the program; `CommandDeclarationTests`
/// builds every command from its help examples to catch that before it ships.
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

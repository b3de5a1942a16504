/// What a subcommand is called, what it does and which arguments it takes.
///
/// This is the single source for both parsing and `--help`, so the help can never drift
/// from what the parser accepts (the shape of swift-argument-parser's configuration). The
/// options and arguments listed here are the only ones a command may read back.
struct CommandConfiguration {
    var name: String
    /// One line, shown in `talks --help`.
    var abstract: String
    /// Paragraphs shown under OVERVIEW in the command's own help.
    var discussion: String
    var arguments: [ArgumentSpec]
    var options: [OptionSpec]
    /// Example invocations, shown under EXAMPLES.
    var examples: [String]
    /// What each exit status means for this command, shown under EXIT STATUS.
    var exitStatuses: [ExitStatusSpec]

    init(
        name: String, abstract: String, discussion: String = "",
        arguments: [any ArgumentDeclaration] = [], options: [any OptionDeclaration] = [],
        examples: [String] = [], exitStatuses: [ExitStatusSpec] = [.success, .failure, .usage]
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments.map(\.spec)
        self.options = options.map(\.spec)
        self.examples = examples
        self.exitStatuses = exitStatuses
    }
}

/// One exit status and when a command returns it.
struct ExitStatusSpec {
    var status: Int32
    var meaning: String

    static let success = ExitStatusSpec(status: 0, meaning: "Success.")
    static let failure = ExitStatusSpec(status: 1, meaning: "The index could not be read or written (missing, locked or corrupt).")
    static let usage = ExitStatusSpec(status: 64, meaning: "The command line was wrong: an unknown option, a missing or bad value.")
}

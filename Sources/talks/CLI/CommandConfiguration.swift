/// What a subcommand is called, what it does and which arguments it takes.
///
/// This is the single source for both parsing and `--help`, so the help can never drift
/// from what the parser accepts (the shape of swift-argument-parser's configuration).
struct CommandConfiguration {
    var name: String
    /// One line, shown in `talks --help`.
    var abstract: String
    /// Paragraphs shown under OVERVIEW in the command's own help.
    var discussion: String = ""
    var arguments: [ArgumentSpec] = []
    var options: [OptionSpec] = []
    /// Example invocations, shown under EXAMPLES.
    var examples: [String] = []
    /// What each exit status means for this command, shown under EXIT STATUS.
    var exitStatuses: [ExitStatusSpec] = [.success, .failure, .usage]
}

/// One exit status and when a command returns it.
struct ExitStatusSpec {
    var status: Int32
    var meaning: String

    static let success = ExitStatusSpec(status: 0, meaning: "Success.")
    static let failure = ExitStatusSpec(status: 1, meaning: "The index could not be read or written (missing, locked or corrupt).")
    static let usage = ExitStatusSpec(status: 64, meaning: "The command line was wrong: an unknown option, a missing or bad value.")
}

/// A positional argument.
struct ArgumentSpec {
    var name: String
    var help: String
    var isRepeating: Bool = false
    var isOptional: Bool = false
    /// Words like `-kött` (a dash and more than one letter) belong to this argument instead
    /// of being unknown options: a search query excludes words that way. Only words that
    /// cannot be an option qualify: `--name` and `-x` are still parsed as options.
    var acceptsDashWords: Bool = false
}

/// A `--name` option; `valueName == nil` makes it a flag.
struct OptionSpec {
    var name: String
    var short: Character? = nil
    var valueName: String? = nil
    var help: String

    static func flag(_ name: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: nil, help: help)
    }

    static func option(_ name: String, short: Character? = nil, value: String, help: String) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: value, help: help)
    }
}

/// Options most commands share, declared once.
enum CommonOptions {
    /// Where the index lives when `--index` is not given, relative to the current directory.
    static let defaultIndexDirectory = "index"
    static let index = OptionSpec.option("index", value: "DIR", help: "The index directory (default: index/ in the current directory).")
    static let json = OptionSpec.flag("json", help: "Print machine-readable JSON instead of text.")
}

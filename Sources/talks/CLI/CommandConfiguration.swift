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
}

/// A positional argument.
struct ArgumentSpec {
    var name: String
    var help: String
    var isRepeating: Bool = false
    var isOptional: Bool = false
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
    static let index = OptionSpec.option("index", value: "DIR", help: "The index directory (default: index/ in the current directory).")
    static let json = OptionSpec.flag("json", help: "Print machine-readable JSON instead of text.")
}

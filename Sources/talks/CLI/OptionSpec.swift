/// An option or flag as the parser and `--help` see it, whatever the type of its value.
///
/// Commands declare `Option<Value>` and `Flag` values and read them back typed; a
/// `CommandConfiguration` lists them through this one shape, so a single parser and a
/// single help formatter serve every command, and the declaration is the only place an
/// option's name, value name, default and help are written.
struct OptionSpec: Sendable {
    var name: String
    var short: Character?
    /// The value the option takes; nil makes it a flag.
    var value: OptionValueSpec?
    /// The help sentence as declared; `HelpFormatter` adds the default or "required".
    var help: String
    /// What `--help` shows after "default:", or nil to show none (a flag, no default).
    var defaultDescription: String?
    /// The option must be given: parsing fails without it, usage shows it without brackets.
    var isRequired: Bool
    /// The value a command reads when the option is not given (`false` for a flag).
    var defaultValue: any Sendable

    /// The placeholder for the value (`DIR`, `N`), nil for a flag.
    var valueName: String? { value?.name }
}

/// The value an option (not a flag) takes: its placeholder and how its text is read.
struct OptionValueSpec: Sendable {
    /// The placeholder in help and usage: `DIR`, `N`.
    var name: String
    /// Turns one given text into the typed value, or says what the option takes.
    var parse: @Sendable (String) throws(OptionValueError) -> any Sendable
}

/// A typed option declaration a `CommandConfiguration` can list: `Option<Value>` or `Flag`.
protocol OptionDeclaration: Sendable {
    var spec: OptionSpec { get }
}

/// A positional argument as the parser and `--help` see it, whatever the type of its value.
struct ArgumentSpec: Sendable {
    var name: String
    var help: String
    /// Takes every remaining word; only the last argument of a command may.
    var isRepeating: Bool
    /// May be absent (a repeating argument then reads as no words).
    var isOptional: Bool
    /// Words like `-kött` (a dash and more than one letter) belong to this argument instead
    /// of being unknown options: a search query excludes words that way. Only words that
    /// cannot be an option qualify: `--name` and `-x` are still parsed as options.
    var acceptsDashWords: Bool
    /// Turns the words that fell to this argument (one, or all the rest) into its typed value.
    var value: @Sendable ([String]) -> any Sendable
}

/// A typed positional argument declaration a `CommandConfiguration` can list: `Argument<Value>`.
protocol ArgumentDeclaration: Sendable {
    var spec: ArgumentSpec { get }
}

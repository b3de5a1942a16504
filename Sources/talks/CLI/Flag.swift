/// A `--name` option without a value, declared once: present or not.
///
/// Declared as a static member of a command, listed in its `CommandConfiguration` and read
/// back with `arguments[Self.quiet]` as a `Bool` (false when not given).
struct Flag: OptionDeclaration {
    let name: String
    let short: Character?
    let help: String

    init(_ name: String, short: Character? = nil, help: String) {
        self.name = name
        self.short = short
        self.help = help
    }

    var spec: OptionSpec {
        OptionSpec(name: name, short: short, value: nil, help: help, defaultDescription: nil, isRequired: false,
                   defaultValue: false)
    }
}

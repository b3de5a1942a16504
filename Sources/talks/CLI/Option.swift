/// A `--name <VALUE>` option, declared once: its name, value name, default, help and how
/// its text becomes a typed value.
///
/// A command declares each option as a static member, lists it in its
/// `CommandConfiguration` (which drives parsing and `--help`) and reads it back with
/// `arguments[Self.limit]`, getting an `Int` with the default already applied. Nothing
/// about the option is written twice, so the help cannot drift from the behaviour, and a
/// bad value is rejected while parsing, before the command runs.
struct Option<Value: Sendable>: OptionDeclaration {
    let name: String
    let short: Character?
    let valueName: String
    let help: String
    /// The value when the option is not given (for a required option, a placeholder that
    /// is never read: parsing fails without the option).
    let defaultValue: Value
    /// What `--help` shows as the default, or nil to show none.
    let defaultDescription: String?
    let isRequired: Bool
    let parse: @Sendable (String) throws(OptionValueError) -> Value

    /// An option with a default; `defaultShownAs` replaces the default's own text in
    /// `--help` where that reads better ("the number of cores" rather than this machine's 8).
    init(
        _ name: String, short: Character? = nil, value valueName: String, default defaultValue: Value,
        defaultShownAs: String? = nil, help: String,
        parse: @escaping @Sendable (String) throws(OptionValueError) -> Value
    ) {
        self.init(name: name, short: short, valueName: valueName, help: help, defaultValue: defaultValue,
                  defaultDescription: defaultShownAs ?? String(describing: defaultValue), isRequired: false, parse: parse)
    }

    private init(
        name: String, short: Character?, valueName: String, help: String, defaultValue: Value,
        defaultDescription: String?, isRequired: Bool,
        parse: @escaping @Sendable (String) throws(OptionValueError) -> Value
    ) {
        self.name = name
        self.short = short
        self.valueName = valueName
        self.help = help
        self.defaultValue = defaultValue
        self.defaultDescription = defaultDescription
        self.isRequired = isRequired
        self.parse = parse
    }

    var spec: OptionSpec {
        let parse = self.parse
        return OptionSpec(
            name: name, short: short,
            value: OptionValueSpec(name: valueName, parse: { text throws(OptionValueError) in try parse(text) }),
            help: help, defaultDescription: defaultDescription, isRequired: isRequired, defaultValue: defaultValue)
    }
}

extension Option where Value == Int {
    /// A whole number within `range`.
    static func integer(
        _ name: String, short: Character? = nil, value valueName: String = "N", default defaultValue: Int,
        in range: ClosedRange<Int>, defaultShownAs: String? = nil, help: String
    ) -> Option<Int> {
        Option(name, short: short, value: valueName, default: defaultValue, defaultShownAs: defaultShownAs, help: help) {
            text throws(OptionValueError) in
            guard let number = Int(text), range.contains(number) else {
                throw OptionValueError(expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return number
        }
    }
}

extension Option where Value == String {
    /// Any text, `defaultValue` when not given.
    static func string(
        _ name: String, short: Character? = nil, value valueName: String, default defaultValue: String,
        defaultShownAs: String? = nil, help: String
    ) -> Option<String> {
        Option(name, short: short, value: valueName, default: defaultValue, defaultShownAs: defaultShownAs, help: help) {
            text throws(OptionValueError) in text
        }
    }

    /// Any text, and the command cannot run without it: parsing fails when it is missing.
    static func required(_ name: String, short: Character? = nil, value valueName: String, help: String) -> Option<String> {
        Option(name: name, short: short, valueName: valueName, help: help, defaultValue: "", defaultDescription: nil,
               isRequired: true) { text throws(OptionValueError) in text }
    }
}

extension Option where Value == String? {
    /// Any text, or nil when not given (the command does something else without it).
    static func optional(_ name: String, short: Character? = nil, value valueName: String, help: String) -> Option<String?> {
        Option(name: name, short: short, valueName: valueName, help: help, defaultValue: nil, defaultDescription: nil,
               isRequired: false) { text throws(OptionValueError) in text }
    }
}

/// A given option's text is not a value it takes; the parser names the option and the text.
struct OptionValueError: Error {
    /// What the option takes, as the end of "'--limit' takes …": "a whole number from 0 to 1000".
    var expected: String
}

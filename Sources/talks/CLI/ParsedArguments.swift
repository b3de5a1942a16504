/// The command line of one subcommand, checked against its `CommandConfiguration`.
///
/// Parsing is strict: an unknown option, a missing value or a stray argument is a
/// `UsageError` naming the word at fault, never ignored.
struct ParsedArguments {
    private(set) var flags: Set<String> = []
    private(set) var values: [String: [String]] = [:]
    private(set) var positionals: [String] = []

    init(_ words: [String], for configuration: CommandConfiguration) throws(UsageError) {
        var byName: [String: OptionSpec] = [:]
        var byShort: [Character: OptionSpec] = [:]
        for option in configuration.options {
            byName[option.name] = option
            if let short = option.short { byShort[short] = option }
        }
        let dashWordsArePositional = configuration.arguments.contains { $0.acceptsDashWords }
        var index = 0
        var onlyPositionals = false
        while index < words.count {
            let word = words[index]
            index += 1
            if onlyPositionals || word == "-" || !word.hasPrefix("-") || Self.looksNegativeNumber(word)
                || (dashWordsArePositional && !word.hasPrefix("--") && word.count > 2) {
                positionals.append(word)
                continue
            }
            if word == "--" {
                onlyPositionals = true
                continue
            }
            var name: Substring
            var inlineValue: String?
            let spec: OptionSpec
            if word.hasPrefix("--") {
                name = word.dropFirst(2)
                if let equals = name.firstIndex(of: "=") {
                    inlineValue = String(name[name.index(after: equals)...])
                    name = name[..<equals]
                }
                guard let found = byName[String(name)] else {
                    throw UsageError(command: configuration.name, message: "unknown option '\(word)'")
                }
                spec = found
            } else {
                guard word.count == 2, let letter = word.last, let found = byShort[letter] else {
                    throw UsageError(command: configuration.name, message: "unknown option '\(word)'")
                }
                spec = found
            }
            if spec.valueName == nil {
                if inlineValue != nil {
                    throw UsageError(command: configuration.name, message: "'--\(spec.name)' takes no value")
                }
                flags.insert(spec.name)
            } else {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else if index < words.count {
                    value = words[index]
                    index += 1
                } else {
                    throw UsageError(command: configuration.name, message: "'--\(spec.name)' needs a value \(spec.valueName ?? "")")
                }
                values[spec.name, default: []].append(value)
            }
        }
        let required = configuration.arguments.filter { !$0.isOptional && !$0.isRepeating }.count
        if positionals.count < required, let missing = configuration.arguments.dropFirst(positionals.count).first {
            throw UsageError(command: configuration.name, message: "missing argument \(missing.name)")
        }
        let takesMany = configuration.arguments.contains { $0.isRepeating }
        if !takesMany && positionals.count > configuration.arguments.count {
            throw UsageError(command: configuration.name, message: "unexpected argument '\(positionals[configuration.arguments.count])'")
        }
    }

    private static func looksNegativeNumber(_ word: String) -> Bool {
        word.count > 1 && word.dropFirst().allSatisfy(\.isNumber)
    }

    func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// The last value given for an option (later ones win, as in most tools).
    func value(_ name: String) -> String? { values[name]?.last }

    /// `--index DIR`, or the default `index` folder in the current directory.
    var indexDirectory: String { value(CommonOptions.index.name) ?? CommonOptions.defaultIndexDirectory }

    /// True when `--index` was not given: only the default index is ever built implicitly.
    var usesDefaultIndex: Bool { value(CommonOptions.index.name) == nil }

    /// An option's value as an integer within `range`, or `defaultValue` when absent.
    func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>, command: String) throws(UsageError) -> Int {
        guard let text = value(name) else { return defaultValue }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError(command: command, message: "'--\(name)' takes a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return number
    }
}

/// The command line was wrong; exit status 64.
struct UsageError: Error, CustomStringConvertible {
    var command: String
    var message: String

    var description: String {
        "talks \(command): \(message)\nRun 'talks \(command) --help' for usage."
    }
}

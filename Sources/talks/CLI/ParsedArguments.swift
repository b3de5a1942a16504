/// The command line of one subcommand, checked against its `CommandConfiguration`, and
/// read back typed through the declarations the configuration lists.
///
/// Parsing is strict: an unknown option, a missing or bad value, a missing required option
/// or argument and a stray argument are each a `UsageError` naming the word at fault, never
/// ignored. Every declared option then holds a typed value (the given one, the last one if
/// it was given twice, else its declared default), so `arguments[Self.limit]` is a lookup.
/// Reading an option or argument the configuration does not declare is a programming error
/// (see `ArgumentReadLog`).
struct ParsedArguments {
    private let command: String
    /// Every declared option's value by name (flags: `Bool`); an absent key is undeclared.
    private var options: [String: any Sendable] = [:]
    private var givenOptions: Set<String> = []
    /// Every declared argument's value by name.
    private var arguments: [String: any Sendable] = [:]
    private let readLog: ArgumentReadLog?

    /// Parses `words` (the command line after the command's name). With a `readLog`,
    /// undeclared reads are recorded there instead of stopping the program.
    init(_ words: [String], for configuration: CommandConfiguration, readLog: ArgumentReadLog? = nil) throws(UsageError) {
        command = configuration.name
        self.readLog = readLog
        var byName: [String: OptionSpec] = [:]
        var byShort: [Character: OptionSpec] = [:]
        for option in configuration.options {
            byName[option.name] = option
            if let short = option.short { byShort[short] = option }
        }
        let dashWordsArePositional = configuration.arguments.contains { $0.acceptsDashWords }
        var positionals: [String] = []
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
                    throw UsageError(command: command, message: "unknown option '\(word)'")
                }
                spec = found
            } else {
                guard word.count == 2, let letter = word.last, let found = byShort[letter] else {
                    throw UsageError(command: command, message: "unknown option '\(word)'")
                }
                spec = found
            }
            givenOptions.insert(spec.name)
            guard let valueSpec = spec.value else {
                if inlineValue != nil {
                    throw UsageError(command: command, message: "'--\(spec.name)' takes no value")
                }
                options[spec.name] = true
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < words.count {
                value = words[index]
                index += 1
            } else {
                throw UsageError(command: command, message: "'--\(spec.name)' needs a value \(valueSpec.name)")
            }
            do {
                options[spec.name] = try valueSpec.parse(value)
            } catch {
                throw UsageError(command: command, message: "'--\(spec.name)' takes \(error.expected), not '\(value)'")
            }
        }
        try assignPositionals(positionals, to: configuration.arguments)
        for option in configuration.options where !givenOptions.contains(option.name) {
            if option.isRequired {
                throw UsageError(command: command, message: "missing --\(option.name) \(option.valueName ?? "")"
                    + " (\(Self.lowercasedFirstWord(option.help)))")
            }
            options[option.name] = option.defaultValue
        }
    }

    /// Hands the positional words to the declared arguments in order; a repeating argument
    /// (the last) takes the rest.
    private mutating func assignPositionals(_ positionals: [String], to declared: [ArgumentSpec]) throws(UsageError) {
        var remaining = positionals[...]
        for (position, argument) in declared.enumerated() {
            precondition(!argument.isRepeating || position == declared.count - 1,
                         "talks \(command): only the last argument may repeat ('\(argument.name)' does not come last)")
            let words: [String]
            if argument.isRepeating {
                words = Array(remaining)
                remaining = []
            } else {
                words = remaining.first.map { [$0] } ?? []
                remaining = remaining.dropFirst()
            }
            if words.isEmpty && !argument.isOptional {
                throw UsageError(command: command, message: "missing argument \(argument.name)")
            }
            arguments[argument.name] = argument.value(words)
        }
        if let extra = remaining.first {
            throw UsageError(command: command, message: "unexpected argument '\(extra)'")
        }
    }

    private static func looksNegativeNumber(_ word: String) -> Bool {
        word.count > 1 && word.dropFirst().allSatisfy(\.isNumber)
    }

    /// "The archive folder …." as the end of a sentence: "the archive folder …" (an
    /// initialism such as "TCP" keeps its capitals).
    private static func lowercasedFirstWord(_ sentence: String) -> String {
        var text = sentence.hasSuffix(".") ? String(sentence.dropLast()) : sentence
        if let first = text.first, text.dropFirst().first?.isLowercase == true {
            text = first.lowercased() + text.dropFirst()
        }
        return text
    }

    /// The option's value: the one given (the last if given twice), else its declared default.
    subscript<Value>(option: Option<Value>) -> Value {
        read(options[option.name], as: "--\(option.name)", otherwise: option.defaultValue)
    }

    /// Whether the flag was given.
    subscript(flag: Flag) -> Bool {
        read(options[flag.name], as: "--\(flag.name)", otherwise: false)
    }

    /// The argument's words: one for a single argument, all the rest for a repeating one.
    subscript<Value>(argument: Argument<Value>) -> Value {
        read(arguments[argument.name], as: "<\(argument.name)>", otherwise: argument.emptyValue)
    }

    /// True when the option was on the command line, false when its default applies (only
    /// the default index is ever built implicitly, so `--index` needs to know).
    func isGiven<Value>(_ option: Option<Value>) -> Bool {
        _ = self[option]
        return givenOptions.contains(option.name)
    }

    private func read<Value>(_ stored: (any Sendable)?, as word: String, otherwise fallback: Value) -> Value {
        readLog?.noteRead(word)
        if let stored, let value = stored as? Value { return value }
        guard let readLog else {
            preconditionFailure("talks \(command) reads \(word), which its CommandConfiguration does not declare"
                + " (or declares with another type); list the declaration in the command's configuration")
        }
        readLog.noteUndeclared(word)
        return fallback
    }
}

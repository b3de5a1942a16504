/// Lays out `--help` text as OVERVIEW / USAGE / ARGUMENTS / OPTIONS / EXAMPLES / EXIT STATUS.
enum HelpFormatter {
    static func help(for configuration: CommandConfiguration) -> String {
        var lines: [String] = []
        lines.append("OVERVIEW: \(configuration.abstract)")
        if !configuration.discussion.isEmpty {
            lines.append("")
            lines.append(configuration.discussion)
        }
        lines.append("")
        lines.append("USAGE: \(usage(for: configuration))")
        if !configuration.arguments.isEmpty {
            lines.append("")
            lines.append("ARGUMENTS:")
            for argument in configuration.arguments {
                lines.append(row("<\(argument.name)>", argument.help))
            }
        }
        lines.append("")
        lines.append("OPTIONS:")
        for option in configuration.options {
            var left = option.short.map { "-\($0), " } ?? ""
            left += "--\(option.name)"
            if let value = option.valueName { left += " <\(value)>" }
            lines.append(row(left, help(for: option)))
        }
        lines.append(row("-h, --help", "Show help information."))
        if !configuration.examples.isEmpty {
            lines.append("")
            lines.append("EXAMPLES:")
            for example in configuration.examples { lines.append("  \(example)") }
        }
        if !configuration.exitStatuses.isEmpty {
            lines.append("")
            lines.append("EXIT STATUS:")
            for exit in configuration.exitStatuses { lines.append(row(String(exit.status), exit.meaning, width: 8)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func usage(for configuration: CommandConfiguration) -> String {
        var parts = ["talks", configuration.name]
        for argument in configuration.arguments {
            var word = "<\(argument.name)>"
            if argument.isRepeating { word += " ..." }
            if argument.isOptional { word = "[\(word)]" }
            parts.append(word)
        }
        for option in configuration.options {
            let word = option.valueName.map { "--\(option.name) <\($0)>" } ?? "--\(option.name)"
            parts.append(option.isRequired ? word : "[\(word)]")
        }
        return parts.joined(separator: " ")
    }

    static func overview(of commands: [any Command.Type]) -> String {
        var lines = [
            "OVERVIEW: talks finds the moment something was said in a recorded talk.",
            "",
            "Ingest episodes (metadata + WebVTT/SRT transcript) into an index, then search them",
            "from the command line or over HTTP. Swedish first: inflections, compounds, words",
            "typed without å/ä/ö and small typos all find the talk.",
            "",
            "USAGE: talks <command> [options]",
            "",
            "COMMANDS:",
        ]
        for command in commands {
            lines.append(row(command.configuration.name, command.configuration.abstract))
        }
        lines.append("")
        lines.append("GETTING STARTED:")
        lines.append("  talks search livsmedelsstrategi     (in a checkout: builds index/ from archive/ on first use)")
        lines.append("  talks check archive/                (validate episode folders before publishing)")
        lines.append("  talks ingest && talks serve         (index, then answer HTTP on http://127.0.0.1:8080/)")
        lines.append("")
        lines.append("Run 'talks <command> --help' for a command's options, examples and exit statuses.")
        lines.append("'talks --version' prints the version.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The option's help sentence with its declared default, or "required", before the final full stop.
    static func help(for option: OptionSpec) -> String {
        let note = option.isRequired ? "required" : option.defaultDescription.map { "default: \($0)" }
        guard let note else { return option.help }
        let sentence = option.help.hasSuffix(".") ? String(option.help.dropLast()) : option.help
        return "\(sentence) (\(note))."
    }

    /// `left` in a column of `width` characters, then `right`; a longer `left` gets a line of its own.
    private static func row(_ left: String, _ right: String, width pad: Int = 26) -> String {
        let head = "  " + left
        if head.count >= pad {
            return head + "\n" + String(repeating: " ", count: pad) + right
        }
        return head + String(repeating: " ", count: pad - head.count) + right
    }
}

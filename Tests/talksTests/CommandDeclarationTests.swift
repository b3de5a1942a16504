import Foundation
import XCTest
@testable import talks

/// Every `talks` command reads only options and arguments its configuration declares, and
/// reads every one it declares: each command is built from each of its own help examples
/// with an `ArgumentReadLog` that records what it read.
final class CommandDeclarationTests: XCTestCase {
    /// What building `command` from its help examples read, and what it read undeclared.
    private struct Sweep {
        var read: Set<String> = []
        var undeclared: [String] = []
        var failures: [String] = []
    }

    private func sweep(_ command: any Command.Type) -> Sweep {
        var result = Sweep()
        let configuration = command.configuration
        for example in configuration.examples {
            let words = Self.shellWords(example)
            guard words.starts(with: ["talks", configuration.name]) else {
                result.failures.append("\(example): not an example of 'talks \(configuration.name)'")
                continue
            }
            let log = ArgumentReadLog()
            do {
                _ = try command.init(ParsedArguments(Array(words.dropFirst(2)), for: configuration, readLog: log))
            } catch {
                result.failures.append("\(example): \(error)")
            }
            result.read.formUnion(log.read)
            result.undeclared += log.undeclared.map { "\($0) (in '\(example)')" }
        }
        return result
    }

    func testEveryCommandReadsExactlyWhatItDeclares() throws {
        // `talks ingest` with no path looks for archive/ where it runs.
        let previous = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(TalksExecutable.repositoryRoot.path))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }

        XCTAssertEqual(TalksCommands.all.count, 14)
        for command in TalksCommands.all {
            let configuration = command.configuration
            let result = sweep(command)
            XCTAssertEqual(result.failures, [], "\(configuration.name): every help example is a valid command line")
            XCTAssertEqual(result.undeclared, [], "\(configuration.name) reads options its configuration does not declare")
            let declared = Set(configuration.options.map { "--\($0.name)" } + configuration.arguments.map { "<\($0.name)>" })
            XCTAssertEqual(declared.subtracting(result.read), [],
                           "\(configuration.name) declares options that it never reads (its help promises what it ignores)")
        }
    }

    /// The sweep above can fail: a command that reads an option it forgot to list is named.
    func testASweepNamesAnOptionReadButNotListed() {
        let result = sweep(ForgetfulCommand.self)
        XCTAssertEqual(result.failures, [])
        XCTAssertEqual(result.undeclared, ["--forgotten (in 'talks forgetful --declared')"])
        XCTAssertEqual(result.read, ["--declared", "--forgotten"])
    }

    func testEveryConfigurationIsWellFormed() {
        var names: Set<String> = []
        for command in TalksCommands.all {
            let configuration = command.configuration
            XCTAssertTrue(names.insert(configuration.name).inserted, "two commands are called \(configuration.name)")
            let options = configuration.options.map(\.name)
            XCTAssertEqual(Set(options).count, options.count, "\(configuration.name) declares an option twice: \(options)")
            XCTAssertFalse(options.contains("help"), "\(configuration.name): --help is every command's own")
            let shorts = configuration.options.compactMap(\.short)
            XCTAssertEqual(Set(shorts).count, shorts.count, "\(configuration.name) gives a short name twice: \(shorts)")
            XCTAssertFalse(shorts.contains("h"), "\(configuration.name): -h is every command's help")
            let arguments = configuration.arguments
            XCTAssertEqual(Set(arguments.map(\.name)).count, arguments.count, "\(configuration.name) names an argument twice")
            XCTAssertFalse(arguments.dropLast().contains { $0.isRepeating }, "\(configuration.name): only the last argument may repeat")
        }
    }

    /// Splits an example command line as a POSIX shell would for words in single or double quotes.
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(character)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    func testShellWordsSplitsTheExamplesQuoting() {
        XCTAssertEqual(Self.shellWords("talks search '\"Landet lär\" våtmarker' -torka"),
                       ["talks", "search", "\"Landet lär\" våtmarker", "-torka"])
        XCTAssertEqual(Self.shellWords("talks analyze \"Snabb-bemanning av\"  x ''"), ["talks", "analyze", "Snabb-bemanning av", "x", ""])
    }
}

/// A command that declares `--forgotten` as a member but leaves it out of its configuration.
private struct ForgetfulCommand: Command {
    static let declared = talks.Flag("declared", help: "Listed in the configuration.")
    static let forgotten = Option.integer("forgotten", default: 7, in: 0...9, help: "Declared but not listed.")
    static let configuration = CommandConfiguration(
        name: "forgetful", abstract: "Reads an option it does not list.", options: [declared],
        examples: ["talks forgetful --declared"])

    let value: Int

    init(_ arguments: ParsedArguments) throws(UsageError) {
        _ = arguments[Self.declared]
        value = arguments[Self.forgotten]
    }

    func run() throws -> Int32 { 0 }
}

import Foundation
import XCTest

/// The command-line frame as a user meets it: `talks --help` lists every command, every
/// command's help teaches (overview, usage, options, examples, exit statuses), and wrong
/// command lines exit 64 with a message that names the word at fault.
final class CommandLineTests: XCTestCase {
    private static let commandNames = [
        "search", "ingest", "check", "import-feed", "import-ytdlp", "list", "stats", "remove", "verify", "publish", "export", "analyze", "serve", "version",
    ]

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
    }

    func testOverviewListsEveryCommandInOrder() throws {
        let run = try TalksExecutable.run(["--help"])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.output.hasPrefix("OVERVIEW: talks finds the moment something was said in a recorded talk.\n"), run.output)
        let listed = run.output.components(separatedBy: "COMMANDS:\n").last?.components(separatedBy: "\n\n").first?
            .split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        XCTAssertEqual(listed, Self.commandNames)
        XCTAssertTrue(run.output.contains("  talks search livsmedelsstrategi "), run.output)

        let bare = try TalksExecutable.run([])
        XCTAssertEqual(bare.status, 64)
        XCTAssertEqual(bare.output, "")
        XCTAssertEqual(bare.error, run.output, "with no command the overview goes to stderr")
        XCTAssertEqual(try TalksExecutable.run(["help", "check"]).output, try TalksExecutable.run(["check", "--help"]).output)
    }

    func testEveryCommandHasHelpThatTeaches() throws {
        for name in Self.commandNames {
            let run = try TalksExecutable.run([name, "--help"])
            XCTAssertEqual(run.status, 0, name)
            XCTAssertEqual(run.error, "", name)
            var sections: [String] = []
            for line in run.output.split(separator: "\n") where line.first?.isUppercase == true && line.contains(":") {
                sections.append(String(line.prefix { $0 != ":" }))
            }
            XCTAssertEqual(sections.filter { $0.allSatisfy { $0.isUppercase || $0 == " " } }.filter { $0 != "ARGUMENTS" },
                           ["OVERVIEW", "USAGE", "OPTIONS", "EXAMPLES", "EXIT STATUS"], name)
            XCTAssertTrue(run.output.contains("USAGE: talks \(name)"), name)
            let examples = run.output.components(separatedBy: "EXAMPLES:\n").last?.components(separatedBy: "\n\n").first ?? ""
            for example in examples.split(separator: "\n") {
                XCTAssertTrue(example.hasPrefix("  talks \(name)"), "\(name): \(example)")
            }
            XCTAssertTrue(run.output.contains("\n  0     "), "\(name) explains exit status 0")
            XCTAssertTrue(run.output.contains("\n  64    "), "\(name) explains exit status 64")
        }
    }

    func testVersionHelpWholeText() throws {
        let run = try TalksExecutable.run(["version", "-h"])
        XCTAssertEqual(run.output, """
            OVERVIEW: Print the version of talks.

            The same as 'talks --version'; the server reports it at /health too.

            USAGE: talks version

            OPTIONS:
              -h, --help              Show help information.

            EXAMPLES:
              talks version

            EXIT STATUS:
              0     Success.
              64    The command line was wrong: an unknown option, a missing or bad value.

            """)
        let version = try TalksExecutable.run(["version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertEqual(version.output, try TalksExecutable.run(["--version"]).output)
        XCTAssertTrue(version.output.hasPrefix("talks "))
    }

    func testUnknownOptionsAndCommandsExit64NamingTheWord() throws {
        for name in Self.commandNames {
            let run = try TalksExecutable.run([name, "--frobnicate"])
            XCTAssertEqual(run.status, 64, name)
            XCTAssertEqual(run.output, "", name)
            XCTAssertEqual(run.error, "talks \(name): unknown option '--frobnicate'\nRun 'talks \(name) --help' for usage.\n")
        }
        let command = try TalksExecutable.run(["serach", "torka"])
        XCTAssertEqual(command.status, 64)
        XCTAssertEqual(command.error, "talks: unknown command 'serach'\nRun 'talks --help' for the list of commands.\n")
    }

    func testBadValuesExit64() throws {
        let limit = try TalksExecutable.run(["search", "torka", "--limit", "many"])
        XCTAssertEqual(limit.status, 64)
        XCTAssertEqual(limit.error, "talks search: '--limit' takes a whole number from 0 to 1000, not 'many'\nRun 'talks search --help' for usage.\n")
        let missingValue = try TalksExecutable.run(["ingest", "--index"])
        XCTAssertEqual(missingValue.status, 64)
        XCTAssertTrue(missingValue.error.hasPrefix("talks ingest: '--index' needs a value DIR\n"), missingValue.error)
        let flagWithValue = try TalksExecutable.run(["list", "--json=yes"])
        XCTAssertEqual(flagWithValue.status, 64)
        XCTAssertTrue(flagWithValue.error.hasPrefix("talks list: '--json' takes no value\n"), flagWithValue.error)
        let origin = try TalksExecutable.run(["serve", "--cors-origin", "https://a.se,https://b.se", "--port", "0"])
        XCTAssertEqual(origin.status, 64)
        XCTAssertEqual(origin.error, "talks serve: '--cors-origin' takes '*' or one origin such as https://example.se, "
            + "not 'https://a.se,https://b.se'\nRun 'talks serve --help' for usage.\n")
        let missingWords = try TalksExecutable.run(["remove"])
        XCTAssertEqual(missingWords.status, 64)
        XCTAssertEqual(missingWords.error, "talks remove: missing argument id\nRun 'talks remove --help' for usage.\n")
        XCTAssertTrue(try TalksExecutable.run(["remove", "--help"]).output.contains("USAGE: talks remove <id> ... [--index <DIR>]\n"))
        // Run where there is no archive/, so nothing could be built even if the check came late.
        let empty = FileManager.default.temporaryDirectory
        let host = try TalksExecutable.run(["serve", "--host", "256.0.0.1", "--port", "0", "--index", "no-index-here"], in: empty)
        XCTAssertEqual(host.status, 64)
        XCTAssertTrue(host.error.contains("'256.0.0.1' is not a numeric IPv4 or IPv6 address"), host.error)
    }

    func testAnalyzeShowsEachTokensForms() throws {
        let run = try TalksExecutable.run(["analyze", "Livsmedelsstrategin", "vid", "Östergötlands"])
        XCTAssertEqual(run.status, 0, run.error)
        let lines = run.output.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        XCTAssertEqual(lines.first, ["pos", "token", "term", "stem", "key", "folded", "compound"])
        XCTAssertEqual(lines.count, 4)
        XCTAssertEqual(lines[1].prefix(3), ["0", "Livsmedelsstrategin", "livsmedelsstrategin"])
        XCTAssertEqual(lines[3].prefix(3), ["2", "Östergötlands", "östergötlands"])
        XCTAssertTrue(lines[3].contains("ostergotlands"), "\(lines[3])")
        let json = try TalksExecutable.run(["analyze", "--json", "torkan"])
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let tokens = try XCTUnwrap(document["tokens"] as? [[String: Any]])
        XCTAssertEqual(tokens.first?["term"] as? String, "torkan")
        XCTAssertEqual(tokens.first?["start_offset"] as? Int, 0)
        XCTAssertEqual(tokens.first?["end_offset"] as? Int, 6)
    }
}

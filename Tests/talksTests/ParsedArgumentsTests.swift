import XCTest
@testable import talks

/// The typed option API: a declaration (`Option`, `Flag`, `Argument`) is written once,
/// listed in a configuration, parsed strictly and read back typed with its default applied;
/// reading something the configuration does not list is caught.
///
/// `talks.Flag` is written in full: the process tests have a `Flag` of their own.
final class ParsedArgumentsTests: XCTestCase {
    private static let limit = Option.integer("limit", short: "n", default: 10, in: 0...1000, help: "Episodes to show.")
    private static let host = Option.string("host", value: "ADDRESS", default: "127.0.0.1", help: "Address to listen on.")
    private static let threads = Option.integer("threads", default: 8, in: 1...256, defaultShownAs: "the number of cores",
                                                help: "Worker threads.")
    private static let queries = Option.optional("queries", value: "FILE", help: "Queries, one a line.")
    private static let into = Option.required("into", value: "ARCHIVE", help: "The archive folder to write into.")
    private static let quiet = talks.Flag("quiet", short: "q", help: "Do not log.")
    private static let feed = Argument.single("feed", help: "The feed file.")
    private static let words = Argument.repeating("word", atLeastOne: false, help: "Words.")

    private static let configuration = CommandConfiguration(
        name: "example", abstract: "A command for these tests.",
        arguments: [feed, words], options: [limit, host, threads, queries, into, quiet])

    private func parse(_ words: String..., log: ArgumentReadLog? = nil) throws(UsageError) -> ParsedArguments {
        try ParsedArguments(words, for: Self.configuration, readLog: log)
    }

    private func usageMessage(_ words: String...) -> String? {
        do throws(UsageError) {
            _ = try ParsedArguments(words, for: Self.configuration)
            return nil
        } catch {
            return error.message
        }
    }

    func testAbsentOptionsReadAsTheirDeclaredDefaults() throws {
        let arguments = try parse("feed.xml", "--into", "archive")
        XCTAssertEqual(arguments[Self.limit], 10)
        XCTAssertEqual(arguments[Self.host], "127.0.0.1")
        XCTAssertEqual(arguments[Self.threads], 8)
        XCTAssertNil(arguments[Self.queries])
        XCTAssertFalse(arguments[Self.quiet])
        XCTAssertFalse(arguments.isGiven(Self.host))
        XCTAssertEqual(arguments[Self.feed], "feed.xml")
        XCTAssertEqual(arguments[Self.words], [])
    }

    func testGivenOptionsReadTyped() throws {
        let arguments = try parse("-n", "25", "feed.xml", "--host=0.0.0.0", "one", "-q", "--queries", "q.txt",
                                  "--into", "archive", "two", "--limit", "30")
        XCTAssertEqual(arguments[Self.limit], 30, "the last of two wins")
        XCTAssertEqual(arguments[Self.host], "0.0.0.0")
        XCTAssertTrue(arguments.isGiven(Self.host))
        XCTAssertEqual(arguments[Self.queries], "q.txt")
        XCTAssertEqual(arguments[Self.into], "archive")
        XCTAssertTrue(arguments[Self.quiet])
        XCTAssertEqual(arguments[Self.feed], "feed.xml")
        XCTAssertEqual(arguments[Self.words], ["one", "two"])
    }

    func testBadCommandLinesAreUsageErrorsNamingTheWord() {
        XCTAssertEqual(usageMessage("feed.xml", "--into", "a", "--limit", "many"), "'--limit' takes a whole number from 0 to 1000, not 'many'")
        XCTAssertEqual(usageMessage("feed.xml", "--into", "a", "-n", "1001"), "'--limit' takes a whole number from 0 to 1000, not '1001'")
        XCTAssertEqual(usageMessage("feed.xml", "--limit", "5000", "--into", "a", "--threads", "0"),
                       "'--limit' takes a whole number from 0 to 1000, not '5000'", "the first bad word on the line is named")
        XCTAssertEqual(usageMessage("feed.xml", "--into", "a", "--quiet=yes"), "'--quiet' takes no value")
        XCTAssertEqual(usageMessage("feed.xml", "--into"), "'--into' needs a value ARCHIVE")
        XCTAssertEqual(usageMessage("feed.xml", "--into", "a", "--limt", "5"), "unknown option '--limt'")
        XCTAssertEqual(usageMessage("feed.xml"), "missing --into ARCHIVE (the archive folder to write into)")
        XCTAssertEqual(usageMessage("--into", "a"), "missing argument feed")
    }

    func testHelpShowsTheDeclaredDefaultsAndRequiredOptions() {
        let help = HelpFormatter.help(for: Self.configuration)
        XCTAssertTrue(help.contains("USAGE: talks example <feed> [<word> ...] [--limit <N>] [--host <ADDRESS>] [--threads <N>] "
            + "[--queries <FILE>] --into <ARCHIVE> [--quiet]\n"), help)
        XCTAssertTrue(help.contains("  -n, --limit <N>         Episodes to show (default: 10).\n"), help)
        XCTAssertTrue(help.contains("  --host <ADDRESS>        Address to listen on (default: 127.0.0.1).\n"), help)
        XCTAssertTrue(help.contains("  --threads <N>           Worker threads (default: the number of cores).\n"), help)
        XCTAssertTrue(help.contains("  --queries <FILE>        Queries, one a line.\n"), help)
        XCTAssertTrue(help.contains("  --into <ARCHIVE>        The archive folder to write into (required).\n"), help)
        XCTAssertTrue(help.contains("  -q, --quiet             Do not log.\n"), help)
    }

    /// The check behind "every option a command reads is declared": a read of an option,
    /// flag or argument the configuration does not list is recorded (without a log it stops
    /// the program), including a declaration that shares a listed name but not its type.
    func testUndeclaredReadsAreCaught() throws {
        let log = ArgumentReadLog()
        let arguments = try parse("feed.xml", "--into", "archive", log: log)
        XCTAssertEqual(arguments[Self.limit], 10)
        XCTAssertEqual(log.undeclared, [], "declared reads are fine")

        let offset = Option.integer("offset", default: 0, in: 0...100, help: "Not listed.")
        let explain = talks.Flag("explain", help: "Not listed.")
        let limitAsText = Option.string("limit", value: "N", default: "ten", help: "Listed with another type.")
        let path = Argument.single("path", help: "Not listed.")
        XCTAssertEqual(arguments[offset], 0, "an undeclared read gives the reader's own default while logging")
        XCTAssertFalse(arguments[explain])
        XCTAssertEqual(arguments[limitAsText], "ten")
        XCTAssertEqual(arguments[path], "")
        XCTAssertEqual(log.undeclared, ["--offset", "--explain", "--limit", "<path>"])
        XCTAssertEqual(log.read, ["--limit", "--offset", "--explain", "<path>"])
    }
}

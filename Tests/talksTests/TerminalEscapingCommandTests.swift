#if canImport(Glibc)
import Glibc
#endif
import Foundation
import XCTest

/// Data with terminal control sequences (OSC window titles, screen clears, OSC 8 links, C1
/// controls, bidi overrides, forged lines) goes through every human-readable output of the
/// built executable; what the commands print must show it escaped, never act on it.
final class TerminalEscapingCommandTests: XCTestCase {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/control-characters")

    private var directory: URL!

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
        directory = try TalksExecutable.temporaryDirectory("terminal")
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("archive"),
                                         to: directory.appendingPathComponent("archive"))
        // A folder whose name carries a CSI: it is rejected (not a valid id), and the
        // diagnostic and the report quote the name.
        let hostileFolder = directory.appendingPathComponent("archive/name\u{1B}[2J\u{9B}1m")
        try FileManager.default.createDirectory(at: hostileFolder, withIntermediateDirectories: true)
        try Data(#"{"title": "Namnet", "date": "2022-10-19T12:00:00+02:00"}"#.utf8)
            .write(to: hostileFolder.appendingPathComponent("episode.json"))
        try Data("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhej\n".utf8).write(to: hostileFolder.appendingPathComponent("transcript.vtt"))
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    private func talks(_ arguments: String...) throws -> TalksExecutable.Run {
        try TalksExecutable.run(arguments, in: directory)
    }

    func testCheckAndIngestShowControlsEscaped() throws {
        let check = try talks("check", "archive")
        XCTAssertEqual(check.status, 65, check.error)
        assertTerminalSafe(check, "check")
        XCTAssertTrue(check.output.contains(#"  title      Vattnet\u{1B}]0;pwned\u{07} kommer\u{1B}[2J\u{1B}[H tillbaka "#), check.output)
        XCTAssertTrue(check.output.contains(#"\u{202E}gnirts\u{202C}\nOK       fake-episode\ttab"#), check.output)
        XCTAssertFalse(check.output.contains("\nOK       fake-episode"), "data must not start a line of the report")
        XCTAssertTrue(check.output.contains(#"  speakers   Helene\u{1B}]0;namn\u{07} Oscarsson (Vreta\u{85}Kluster\u{1B}[31m)"#), check.output)
        XCTAssertTrue(check.output.contains(#"  voices     Anna\u{1B}]0;voice\u{07} Lindqvist (1 cue)"#), check.output)
        XCTAssertTrue(check.output.contains(#"unknown field 'weird\u{1B}[2Jkey' ignored"#), check.output)
        XCTAssertTrue(check.output.contains(#"field 'date': '2022-13-40\u{1B}[2J' is not a real calendar date"#), check.output)
        XCTAssertTrue(check.output.contains(#"REJECTED name\u{1B}[2J\u{9B}1m  (archive/name\u{1B}[2J\u{9B}1m)"#), check.output)

        let ingest = try talks("ingest", "archive", "--index", "index")
        XCTAssertEqual(ingest.status, 65, ingest.error)
        assertTerminalSafe(ingest, "ingest")
        XCTAssertTrue(ingest.error.contains(#"unknown field 'weird\u{1B}[2Jkey' ignored"#), ingest.error)
        XCTAssertTrue(ingest.error.contains(#"rejected episode 'name\u{1B}[2J\u{9B}1m' (archive/name\u{1B}[2J\u{9B}1m):"#), ingest.error)
        XCTAssertTrue(ingest.output.hasPrefix("Indexed 1 episode (2 cues,"), ingest.output)
    }

    func testListSearchExplainVerifyStatsRemoveShowControlsEscaped() throws {
        XCTAssertEqual(try talks("ingest", "archive", "--index", "index").status, 65)

        let list = try talks("list", "--index", "index")
        XCTAssertEqual(list.status, 0, list.error)
        assertTerminalSafe(list, "list")
        XCTAssertTrue(list.output.hasPrefix(#"osc-title  2022-10-19  #90 Vattnet\u{1B}]0;pwned\u{07} kommer"#), list.output)
        XCTAssertEqual(list.output.split(separator: "\n").count, 2, "one line per episode and the summary: \(list.output)")

        let search = try talks("search", "torkan", "--index", "index")
        XCTAssertEqual(search.status, 0, search.error)
        assertTerminalSafe(search, "search")
        XCTAssertTrue(search.output.hasPrefix(#"Landet\u{1B}[5m lär #90 · Vattnet\u{1B}]0;pwned\u{07}"#), search.output)
        XCTAssertTrue(search.output.contains(##"  [00:01] Anna\u{1B}]0;voice\u{07} Lindqvist: Vattnet i \u{1B}[2Jlandskapet och torkan \u{1B}[31m igen \u{9B}1m slut"## + "\n"), search.output)
        // The recording link carries an ESC, so ingest dropped it (WebLink): no link to spoof.
        XCTAssertFalse(search.output.contains("media.example.org"), search.output)
        XCTAssertTrue(search.output.contains(#"Torkan \u{202E} kom tillbaka \u{1B}]8;;https://evil.example/\u{1B}\länk"#), search.output)

        for query in ["\"torkan \u{1B}]0;x\u{7}\"", "kluster\u{1B}[2J", "tilbaka2 torkan"] {
            let none = try talks("search", query, "--index", "index")
            XCTAssertEqual(none.status, 0, none.error)
            assertTerminalSafe(none, "search \(query.debugDescription)")
            let explain = try talks("search", "--explain", query, "--index", "index")
            assertTerminalSafe(explain, "search --explain \(query.debugDescription)")
        }
        let misspelled = try talks("search", "tilbaka2 torkan", "--index", "index")
        XCTAssertTrue(misspelled.output.contains("Menade du: tillbaka?"), misspelled.output)
        let hostileQuery = try talks("search", "kluster\u{1B}[2J", "--index", "index")
        XCTAssertEqual(hostileQuery.output, "Inga träffar för \"kluster\\u{1B}[2J\".\n")

        for command in ["verify", "stats"] {
            let run = try talks(command, "--index", "index")
            XCTAssertEqual(run.status, 0, run.error)
            assertTerminalSafe(run, command)
        }
        let remove = try talks("remove", "osc-title", "gone\u{1B}]0;x\u{7}", "--index", "index")
        XCTAssertEqual(remove.status, 65)
        assertTerminalSafe(remove, "remove")
        XCTAssertEqual(remove.error, "talks remove: no episode with id 'gone\\u{1B}]0;x\\u{07}' in index/\n")
    }

    func testAnalyzeImportFeedAndErrorsShowControlsEscaped() throws {
        let analyze = try talks("analyze", "hej\u{1B}]0;x\u{7}\u{9B}2J du")
        XCTAssertEqual(analyze.status, 0, analyze.error)
        assertTerminalSafe(analyze, "analyze")

        let feed = Self.fixtures.appendingPathComponent("feed.xml").path
        let imported = try talks("import-feed", feed, "--into", "imported")
        XCTAssertEqual(imported.status, 0, imported.error)
        assertTerminalSafe(imported, "import-feed")
        XCTAssertTrue(imported.error.contains(#"itunes:episode '7\u{9B}2J' is not a whole number"#), imported.error)
        XCTAssertTrue(imported.error.contains(#"'Torka \u{9B}2J och \u{202E} vatten': no local transcript"#), imported.error)

        let unknown = try talks("ingest", "--index", "missing\u{1B}[2J", "nowhere\u{1B}]0;t\u{7}")
        XCTAssertNotEqual(unknown.status, 0)
        assertTerminalSafe(unknown, "ingest of a missing path")
        let command = try talks("search\u{1B}[2J")
        XCTAssertEqual(command.status, 64)
        assertTerminalSafe(command, "an unknown command")
    }

    /// On a terminal the matched words are still bold: the only escape sequences in the
    /// output are the printer's own `ESC[1m` and `ESC[0m`.
    func testBoldHighlightingOnATerminalKeepsOnlyItsOwnEscapes() throws {
        XCTAssertEqual(try talks("ingest", "archive", "--index", "index").status, 65)
        let output = try runOnTerminal(["search", "torkan", "--index", "index"])
        XCTAssertTrue(output.contains("\u{1B}[1mtorkan\u{1B}[0m"), output.debugDescription)
        XCTAssertTrue(output.contains("\u{1B}[1mVattnet\\u{1B}]0;pwned\\u{07} kommer"), output.debugDescription)
        let withoutBold = output.replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")
        assertTerminalSafe(withoutBold, allowing: ["\n", "\r"], "search on a terminal")
    }

    // MARK: - Helpers

    private func assertTerminalSafe(_ run: TalksExecutable.Run, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        assertTerminalSafe(run.output, allowing: ["\n"], "\(label) stdout", file: file, line: line)
        assertTerminalSafe(run.error, allowing: ["\n"], "\(label) stderr", file: file, line: line)
    }

    /// Fails on any C0 or C1 control, DEL, bidi embedding/override/isolate or line/paragraph
    /// separator other than `allowed`.
    private func assertTerminalSafe(_ text: String, allowing allowed: Set<Unicode.Scalar>, _ label: String,
                                    file: StaticString = #filePath, line: UInt = #line) {
        let raw = text.unicodeScalars.filter { scalar in
            guard !allowed.contains(scalar) else { return false }
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
            default: return false
            }
        }
        XCTAssertTrue(raw.isEmpty, "\(label) printed raw \(raw.map { "U+" + String($0.value, radix: 16, uppercase: true) }): \(text.debugDescription)",
                      file: file, line: line)
    }

    /// Runs `talks` with stdout on a pseudo-terminal (so it prints bold matches) and returns
    /// what it wrote there.
    private func runOnTerminal(_ arguments: [String]) throws -> String {
        // Glibc's Swift module hides the pty functions (they need _XOPEN_SOURCE): look them up.
        typealias DescriptorCall = @convention(c) (Int32) -> Int32
        typealias NameCall = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        func libc<Function>(_ name: String, _ type: Function.Type) -> Function? {
            dlsym(UnsafeMutableRawPointer(bitPattern: 0), name).map { unsafeBitCast($0, to: type) }  // RTLD_DEFAULT
        }
        guard let openTerminal = libc("posix_openpt", DescriptorCall.self), let grant = libc("grantpt", DescriptorCall.self),
              let unlock = libc("unlockpt", DescriptorCall.self), let terminalName = libc("ptsname", NameCall.self) else {
            throw XCTSkip("the C library has no posix_openpt")
        }
        let controller = openTerminal(O_RDWR | O_NOCTTY)
        guard controller >= 0 else { throw XCTSkip("no pseudo-terminal available") }
        guard grant(controller) == 0, unlock(controller) == 0, let name = terminalName(controller) else {
            close(controller)
            throw XCTSkip("no pseudo-terminal available")
        }
        defer { close(controller) }
        let terminal = open(String(cString: name), O_RDWR | O_NOCTTY)
        guard terminal >= 0 else { throw XCTSkip("cannot open the pseudo-terminal") }
        let process = Process()
        process.executableURL = TalksExecutable.url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle(fileDescriptor: terminal, closeOnDealloc: false)
        process.standardError = FileHandle.nullDevice
        try process.run()
        close(terminal)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(controller, &buffer, buffer.count)
            if count <= 0 { break }  // EIO once the child has closed its side
            received.append(contentsOf: buffer[0..<count])
        }
        process.waitUntilExit()
        return String(decoding: received, as: UTF8.self)
    }
}

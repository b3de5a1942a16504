import Foundation
import XCTest

/// The organisers' `archive/synonyms.txt` through the real `talks` executable: both ways,
/// multi-word with inflection, below exact matches, re-read on every query (no re-ingest,
/// a running server too), validated by `talks check` and shown by `--explain`.
final class SynonymsCommandTests: XCTestCase {
    private var workspace: SpeakerArchiveWorkspace!

    override func setUpWithError() throws {
        workspace = try SpeakerArchiveWorkspace("synonyms")
    }

    override func tearDown() {
        workspace = nil
    }

    private func ids(_ query: String) throws -> [String] {
        SpeakerArchiveWorkspace.ids(try workspace.searchJSON(query))
    }

    func testAnAbbreviationFindsThePhraseAndItsInflectionBelowTheExactMatch() throws {
        let answer = try workspace.searchJSON("SLU")
        // "SLU" said once (zoom) ranks first; "Sveriges lantbruksuniversitet" (teams) and the
        // genitive "Sveriges lantbruksuniversitets" (lecture) follow as synonyms.
        XCTAssertEqual(SpeakerArchiveWorkspace.ids(answer).first, "zoom-radgivning")
        XCTAssertEqual(Set(SpeakerArchiveWorkspace.ids(answer)), ["zoom-radgivning", "teams-mote", "ensam-forelasning"])
        let snippets = (answer["results"] as? [[String: Any]] ?? []).flatMap { ($0["hits"] as? [[String: Any]] ?? []) }
            .compactMap { $0["snippet_html"] as? String }
        XCTAssertTrue(snippets.contains { $0.contains("<mark>Sveriges</mark> <mark>lantbruksuniversitet</mark> har") }, "\(snippets)")
        XCTAssertTrue(snippets.contains { $0.contains("<mark>Sveriges</mark> <mark>lantbruksuniversitets</mark>") }, "\(snippets)")
    }

    func testThePhraseFindsTheAbbreviationQuotedOrNot() throws {
        let quoted = try ids("\"Sveriges lantbruksuniversitet\"")
        XCTAssertEqual(quoted.first, "teams-mote", "the exact phrase first")
        XCTAssertTrue(quoted.contains("zoom-radgivning"), "SLU found by the phrase: \(quoted)")
        XCTAssertTrue(try ids("Sveriges lantbruksuniversitet").contains("zoom-radgivning"))
        // A group of three, one word for a two-word phrase, and the other way round.
        XCTAssertEqual(try ids("GJP"), ["voices-seminarium"], "GJP → CAP")
        XCTAssertEqual(try ids("LRF"), ["voices-seminarium"], "LRF → Lantbrukarnas riksförbund")
        // Negation is per cue: the one cue saying "Bryssel" also says "Lantbrukarnas
        // riksförbund", so excluding LRF (a synonym of it) leaves nothing.
        XCTAssertEqual(try ids("Bryssel"), ["voices-seminarium"])
        XCTAssertEqual(try ids("Bryssel -LRF"), [], "an excluded word excludes its synonyms too")
    }

    func testEditingTheFileChangesTheNextSearchWithoutReingest() throws {
        XCTAssertEqual(try ids("fånggrödor"), [])
        XCTAssertEqual(try ids("LRF"), ["voices-seminarium"])
        try """
            SLU, Sveriges lantbruksuniversitet
            mellangrödor, fånggrödor
            """.write(to: workspace.synonyms, atomically: false, encoding: .utf8)
        XCTAssertEqual(try ids("fånggrödor"), ["ensam-forelasning"], "a new group applies at once")
        XCTAssertEqual(try ids("LRF"), [], "a removed group no longer applies")
        try FileManager.default.removeItem(at: workspace.synonyms)
        XCTAssertEqual(try ids("fånggrödor"), [], "no file, no synonyms")
    }

    func testARunningServerRereadsTheFile() throws {
        let index = workspace.directory.appendingPathComponent("absolute-index").path
        let ingest = try TalksExecutable.run(["ingest", workspace.archive.path, "--index", index])
        XCTAssertEqual(ingest.status, 0, ingest.error)
        let server = try ServedIndex(index: index)
        defer { server.stop() }
        func ids(_ query: String) throws -> [String] {
            let encoded = try XCTUnwrap(query.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let answer = try server.get("search?q=\(encoded)")
            XCTAssertEqual(answer.status, 200, answer.body)
            return SpeakerArchiveWorkspace.ids(try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any]))
        }
        XCTAssertEqual(try ids("fånggrödor"), [])
        XCTAssertEqual(try ids("GJP"), ["voices-seminarium"])
        try "mellangrödor, fånggrödor\n".write(to: workspace.synonyms, atomically: true, encoding: .utf8)
        XCTAssertEqual(try ids("fånggrödor"), ["ensam-forelasning"])
        XCTAssertEqual(try ids("GJP"), [])
    }

    func testExplainNamesTheSynonymAndItsLine() throws {
        let run = try workspace.run(["search", "SLU", "--explain"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.output.hasPrefix("slu  (idf "), run.output)
        XCTAssertTrue(run.output.contains("\nslu → \"sveriges lantbruksuniversitet\" (synonym, archive/synonyms.txt:2)  (idf "), run.output)
        XCTAssertTrue(run.output.contains("\nslu → \"sveriges lantbruksuniversitets\" (synonym, archive/synonyms.txt:2)  (idf "), run.output)
        let group = try workspace.run(["search", "GJP", "--explain"])
        XCTAssertTrue(group.output.contains("\ngjp → \"cap\" (synonym, archive/synonyms.txt:5)  (idf "), group.output)
    }

    func testCheckNamesEveryBadLineWithFileAndLine() throws {
        var bytes = Array("""
            # comment
            SLU, Sveriges lantbruksuniversitet
            LRF
            GJP, , CAP
            slu, lantbruksuniversitetet
            LRF, Lantbrukarnas riksförbund, lrf

            """.utf8)
        bytes += [0x4B, 0xF6, 0x72, 0x2C, 0x20, 0x6B, 0xC3, 0xB6, 0x72, 0x0A]  // "K\xF6r, kör": Latin-1, not UTF-8
        let long = String(repeating: "lång, ", count: 200) + "sista"
        bytes += Array((long + "\n").utf8)
        try Data(bytes).write(to: workspace.synonyms)
        let run = try TalksExecutable.run(["check", "archive"], in: workspace.directory)
        XCTAssertEqual(run.status, 65, run.output)
        for expected in [
            "REJECTED synonyms.txt  (archive/synonyms.txt)",
            "  groups     2",
            "  archive/synonyms.txt:3: error: a group needs at least two alternatives separated by commas",
            "  archive/synonyms.txt:4: error: an alternative is empty (two commas in a row, or a comma at the start or end of the line)",
            "  archive/synonyms.txt:5: error: “slu” is already in the group on line 2; a term may be in one group only (merge the two lines)",
            "  archive/synonyms.txt:6: warning: “lrf” is listed twice in this group; the second is ignored",
            "  archive/synonyms.txt:7: error: the line is not valid UTF-8; save the file as UTF-8",
            "  archive/synonyms.txt:8: error: the line is \(long.utf8.count) bytes long; at most 1000 are allowed",
        ] {
            XCTAssertTrue(run.output.contains(expected + "\n") || run.output.contains(expected), "missing \(expected) in\n\(run.output)")
        }
        // Search keeps the good lines and leaves the bad ones out.
        XCTAssertEqual(try ids("LRF"), ["voices-seminarium"])
        XCTAssertEqual(try ids("GJP"), [], "line 4 is left out")
    }

    func testTheShippedArchivesFileIsValid() throws {
        let run = try TalksExecutable.run(["check", "archive"], in: TalksExecutable.repositoryRoot)
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertTrue(run.output.contains("OK       synonyms.txt  (archive/synonyms.txt)\n"), run.output)
    }
}

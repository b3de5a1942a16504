import Foundation
import XCTest

/// Issue 12's "Done when", end to end through the built `talks`, on two yt-dlp folders: the
/// sample archive's source (`Fixtures/ytdlp-sample`) and an independently written talk
/// (`Fixtures/ytdlp-skogsbete`: a rolling automatic track and a human track, chapters, words
/// said up to 8 s after their cue starts, and a line the speaker says twice). The expected
/// words, times and chapters are read from the fixture files themselves (`SpokenWordFixture`).
final class SpokenWordDoneWhenCommandTests: XCTestCase {
    private static let fixtures = TalksExecutable.repositoryRoot.appendingPathComponent("Tests/talksTests/Fixtures").path
    private static let skogsbete = "Skogsbete i hagmarker - Gårdsforum frågestund [Hg5tB3rW8kE]"
    private var scratch = ""

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
        scratch = try TalksExecutable.temporaryDirectory("done-when").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: scratch)
    }

    /// Imports `folder` with one command, then ingests the archive; returns the index path.
    private func importAndIngest(_ folder: String) throws -> String {
        let archive = scratch + "/archive", index = scratch + "/index"
        let run = try TalksExecutable.run(["import-ytdlp", folder, "--into", archive])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertEqual(run.error, "", "no warnings")
        let ingest = try TalksExecutable.run(["ingest", archive, "--index", index])
        XCTAssertEqual(ingest.status, 0, ingest.error)
        return index
    }

    /// The hits of a search over the server's JSON API.
    private func hits(_ query: String, server: ServedIndex) throws -> [[String: Any]] {
        let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? query
        let answer = try server.get("search?q=" + encoded + "&hits=10")
        XCTAssertEqual(answer.status, 200, answer.body)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any])
        return ((object["results"] as? [[String: Any]]) ?? []).flatMap { ($0["hits"] as? [[String: Any]]) ?? [] }
    }

    /// The cues `talks check --json` reads from the episode folder.
    private func checkedCues(_ folder: String) throws -> [String] {
        let check = try TalksExecutable.run(["check", folder, "--json"])
        XCTAssertEqual(check.status, 0, check.output)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(check.output.utf8)) as? [String: Any])
        let episode = try XCTUnwrap((report["episodes"] as? [[String: Any]])?.first)
        return try XCTUnwrap(episode["cues"] as? [[String: Any]]).compactMap { $0["text"] as? String }
    }

    /// Every word said once in `fixture` is in exactly one hit (other hits of its search hold
    /// other forms of it, "välkommen" for "välkomna", each once), linking into YouTube with
    /// t= 1–2 s before the word (never after it), at the word's own time, in the chapter the
    /// word is said in; each of `rare` (no other form of it is said) is the search's only hit.
    private func assertEachWordSaidOnceIsOneHitAtItsSecond(_ fixture: SpokenWordFixture, id: String, index: String, rare: [String],
                                                           file: StaticString = #filePath, line: UInt = #line) throws {
        let server = try ServedIndex(index: index)
        defer { server.stop() }
        let words = fixture.wordsSaidOnce
        XCTAssertGreaterThan(words.count, 40, file: file, line: line)
        var late = 0
        for word in words {
            let found = try hits(word.text, server: server)
            let texts = found.compactMap { $0["text"] as? String }
            XCTAssertEqual(Set(texts).count, texts.count, "\(word.text): a line twice: \(texts)", file: file, line: line)
            let saying = found.filter { hit in
                ((hit["text"] as? String) ?? "").lowercased().split { !$0.isLetter }.contains(Substring(word.text))
            }
            guard saying.count == 1, let hit = saying.first else {
                XCTFail("\(word.text) (said once, at \(word.seconds) s): in \(saying.count) hits", file: file, line: line)
                continue
            }
            if rare.contains(word.text) { XCTAssertEqual(found.count, 1, word.text, file: file, line: line) }
            // The hit is at its first matched word: this one, unless an earlier word of the line
            // may be another form of it ("länsstyrelsen i ditt län"), then at or before it.
            let start = try XCTUnwrap(hit["start"] as? Double, file: file, line: line)
            let spokenLine = fixture.lines.first { $0.contains { $0.text == word.text } } ?? []
            let formBefore = spokenLine.contains { $0.seconds < word.seconds && $0.text.prefix(3) == word.text.prefix(3) }
            if formBefore {
                XCTAssertLessThanOrEqual(start, word.seconds, word.text, file: file, line: line)
            } else {
                XCTAssertEqual(start, word.seconds, accuracy: 0.0005, "\(word.text): start is the word's own time", file: file, line: line)
            }
            let url = hit["url"] as? String ?? ""
            let seconds = try XCTUnwrap(SpokenWordFixture.youTubeSeconds(url, id: id), "\(word.text): \(url)", file: file, line: line)
            XCTAssertTrue(Double(seconds) <= start && Double(seconds) >= start - 2,
                          "\(word.text) said at \(start) s links to t=\(seconds)s", file: file, line: line)
            XCTAssertEqual(hit["chapter"] as? String, fixture.chapter(at: word.seconds), word.text, file: file, line: line)
            if let cueStart = hit["cue_start"] as? Double, word.seconds - cueStart >= 3 { late += 1 }
        }
        XCTAssertEqual(Set(rare).subtracting(words.map(\.text)), [], "the rare words are said once", file: file, line: line)
        XCTAssertGreaterThan(late, 0, "some words are said seconds after their cue starts", file: file, line: line)
    }

    func testTheSampleYtDlpFolderIndexesEachSpokenWordOnceAtItsOwnSecondInItsChapter() throws {
        let folder = Self.fixtures + "/ytdlp-sample"
        let fixture = try SpokenWordFixture(
            rollingTrack: folder + "/Landet lär #78 - Pollinatörer och blommande kantzoner [Lq7pZ2mW9xK].sv.vtt",
            infoJSON: folder + "/Landet lär #78 - Pollinatörer och blommande kantzoner [Lq7pZ2mW9xK].info.json")
        let index = try importAndIngest(folder)
        XCTAssertEqual(try checkedCues(scratch + "/archive/youtube-Lq7pZ2mW9xK"), fixture.spokenLines)
        try assertEachWordSaidOnceIsOneHitAtItsSecond(fixture, id: "Lq7pZ2mW9xK", index: index,
                                                      rare: ["käringtand", "honungsört", "gräsband", "östgötaslätten", "augusti"])
    }

    /// Only the automatic track fetched (`--write-auto-subs`): the rolling track is collapsed
    /// to each spoken line once, every word said once is one hit at its second in its chapter,
    /// and the line said twice stays two hits.
    func testAnotherTalksRollingTrackIndexesEachSpokenWordOnceAtItsOwnSecondInItsChapter() throws {
        let folder = scratch + "/downloads"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for suffix in [".info.json", ".sv-orig.vtt"] {
            try FileManager.default.copyItem(atPath: Self.fixtures + "/ytdlp-skogsbete/" + Self.skogsbete + suffix,
                                             toPath: folder + "/" + Self.skogsbete + suffix)
        }
        let fixture = try SpokenWordFixture(rollingTrack: folder + "/" + Self.skogsbete + ".sv-orig.vtt",
                                            infoJSON: folder + "/" + Self.skogsbete + ".info.json")
        let index = try importAndIngest(folder)
        let episode = scratch + "/archive/youtube-Hg5tB3rW8kE"
        XCTAssertTrue(try String(contentsOfFile: episode + "/episode.json", encoding: .utf8).contains(#""captions": "automatic""#))
        XCTAssertEqual(try checkedCues(episode), fixture.spokenLines)
        let check = try TalksExecutable.run(["check", episode])
        XCTAssertTrue(check.output.contains("/transcript.vtt: note: rolling captions: 52 cues → 26 lines"), check.output)
        XCTAssertTrue(check.output.hasSuffix("1 checked: 1 valid, 0 rejected, 0 warnings.\n"), check.output)
        try assertEachWordSaidOnceIsOneHitAtItsSecond(fixture, id: "Hg5tB3rW8kE", index: index, rare: [
            "köttdjursgård", "jämtland", "utmarksbete", "ängsvädd", "kattfot", "enbuskarna", "solpaneler", "aggregatet",
            "vattenkar", "grinden", "fästingar", "fjärilar", "socknen",
        ])

        // "ja precis" is said twice, one line after the other: both stay.
        let server = try ServedIndex(index: index)
        XCTAssertEqual(try hits("precis", server: server).count, 2)
    }

    /// Both tracks fetched: the human one is imported and recorded as such; without word
    /// times its hits link to the cue's start, and each line is still indexed once.
    func testAnotherTalksHumanTrackIsPreferredAndLinksToItsCue() throws {
        let folder = Self.fixtures + "/ytdlp-skogsbete"
        let index = try importAndIngest(folder)
        let episode = scratch + "/archive/youtube-Hg5tB3rW8kE"
        XCTAssertTrue(try String(contentsOfFile: episode + "/episode.json", encoding: .utf8).contains(#""captions": "human""#))
        let human = try String(contentsOfFile: folder + "/" + Self.skogsbete + ".sv.vtt", encoding: .utf8)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: episode + "/transcript.vtt")), Data(human.utf8))
        XCTAssertEqual(try checkedCues(episode).count, 26)

        let server = try ServedIndex(index: index)
        // "solpaneler" is said ten seconds into the line that starts at 1:15.4: the human track has no word times.
        let found = try hits("solpaneler", server: server)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?["url"] as? String, "https://www.youtube.com/watch?v=Hg5tB3rW8kE&t=75s")
        XCTAssertEqual(found.first?["chapter"] as? String, "Stängsel och vatten i skogen")
        XCTAssertEqual(try hits("precis", server: server).count, 2)
    }
}

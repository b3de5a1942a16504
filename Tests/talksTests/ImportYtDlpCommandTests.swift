import Foundation
import XCTest

/// `talks import-ytdlp` end to end, on a yt-dlp folder written for these tests
/// (`Fixtures/ytdlp-channel`: a video with human subtitles and automatic captions, one with
/// only automatic tracks, one with SubRip and a junk link, one without Swedish subtitles, a
/// malformed info.json, a subtitle file that is an HTML page, a playlist's info.json).
final class ImportYtDlpCommandTests: XCTestCase {
    static let fixtures = TalksExecutable.repositoryRoot.appendingPathComponent("Tests/talksTests/Fixtures").path
    private var scratch: URL?

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
        scratch = try TalksExecutable.temporaryDirectory("import-ytdlp")
    }

    override func tearDown() {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    private func root() throws -> String { try XCTUnwrap(scratch).path }

    /// A copy of a fixture folder in the scratch folder, so a test may change it.
    private func copy(_ fixture: String) throws -> String {
        let target = try root() + "/" + fixture
        try FileManager.default.copyItem(atPath: Self.fixtures + "/" + fixture, toPath: target)
        return target
    }

    private func text(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    private func files(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    private func episodeJSON(_ path: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    func testAChannelFolderImportsEachVideoWithItsBestSwedishTrack() throws {
        let source = try copy("ytdlp-channel")
        let archive = try root() + "/archive"
        let run = try TalksExecutable.run(["import-ytdlp", source, "--into", archive])
        XCTAssertEqual(run.status, 65, "the malformed info.json is an error: \(run.error)")
        XCTAssertEqual(run.output, """
            wrote    \(archive)/youtube-Bg7kLm2Np4Q
            wrote    \(archive)/youtube-Sl3xQ9pR0aB
            wrote    \(archive)/youtube-Vt4tTn1Xk2Q
            3 written, 0 updated, 0 unchanged, 4 skipped.

            """)
        XCTAssertEqual(try files(archive), ["youtube-Bg7kLm2Np4Q", "youtube-Sl3xQ9pR0aB", "youtube-Vt4tTn1Xk2Q"])
        let stderr = run.error.split(separator: "\n").map(String.init)
        XCTAssertEqual(stderr, [
            "\(source)/Biogas i bygden [Bg7kLm2Np4Q].info.json:6: warning: 'webpage_url': \"javascript:alert(1)\" is a javascript: link; "
                + "only http:// and https:// links are kept, so it was dropped (the episode is indexed without it)",
            "\(source)/Felsparad fil [Ht5mLpAgE2x].sv.vtt: warning: does not read as WebVTT (line 1): not a WebVTT file: the first line "
                + "must be \"WEBVTT\" (optionally followed by a space or tab and a title), but it is \"<!DOCTYPE html>\"; not copied",
            "\(source)/Felsparad fil [Ht5mLpAgE2x].info.json: warning: video 'Felsparad fil' is not imported: none of its \"sv\" subtitle files "
                + "could be used. Fetch subtitles with yt-dlp --write-subs --write-auto-subs --sub-langs \"sv.*\"",
            "\(source)/Landet lär [PLx7Exempel0Spellista].info.json: note: the info.json of a 'playlist', not of a video (its videos have their own); skipped",
            "\(source)/Trasig [Br0kEnJs0N1].info.json:5: error: not a yt-dlp info.json: invalid JSON: line 5, column 1: "
                + "trailing comma before '}'; remove the last ','",
            "\(source)/Utan undertexter [Nx0aBcDeF1G].info.json: warning: video 'Utan undertexter' is not imported: no subtitle file in its "
                + "language \"sv\" (Utan undertexter [Nx0aBcDeF1G].sv.vtt); found only en. Fetch subtitles with yt-dlp --write-subs "
                + "--write-auto-subs --sub-langs \"sv.*\"",
        ], run.error)

        // Human subtitles win over the automatic track of the same video, and say so.
        let water = archive + "/youtube-Vt4tTn1Xk2Q"
        XCTAssertEqual(try files(water), ["episode.json", "transcript.vtt"])
        XCTAssertEqual(try text(water + "/transcript.vtt"), try text(source + "/Vatten i landskapet [Vt4tTn1Xk2Q].sv.vtt"))
        XCTAssertEqual(try text(water + "/episode.json"), """
            {
              "series": "Landsbygdsnätverket",
              "title": "Vatten i landskapet",
              "date": "2023-09-13",
              "language": "sv",
              "description": "Om våtmarker och torka.",
              "recording": "https://www.youtube.com/watch?v=Vt4tTn1Xk2Q",
              "tags": [
                "vatten",
                "våtmarker"
              ],
              "duration": 45,
              "chapters": [
                {
                  "start": 0,
                  "title": "Inledning"
                },
                {
                  "start": 20,
                  "title": "Våtmarker"
                }
              ],
              "captions": "human"
            }

            """)
        // Only automatic tracks: the -orig one (never a translation) is taken, and recorded.
        let solar = archive + "/youtube-Sl3xQ9pR0aB"
        XCTAssertEqual(try text(solar + "/transcript.vtt"), try text(source + "/Solel på gården [Sl3xQ9pR0aB].sv-orig.vtt"))
        let solarJSON = try episodeJSON(solar + "/episode.json")
        XCTAssertEqual(solarJSON["captions"] as? String, "automatic")
        XCTAssertEqual(solarJSON["date"] as? String, "2024-01-15T11:00:00Z", "timestamp before upload_date")
        XCTAssertEqual(solarJSON["series"] as? String, "Energirådgivarna")
        XCTAssertEqual(solarJSON["duration"] as? Double, 12.5)
        // SubRip stays SubRip; the junk link is dropped; the uploader is the series.
        let biogas = archive + "/youtube-Bg7kLm2Np4Q"
        XCTAssertEqual(try files(biogas), ["episode.json", "transcript.srt"])
        let biogasJSON = try episodeJSON(biogas + "/episode.json")
        XCTAssertNil(biogasJSON["recording"])
        XCTAssertEqual(biogasJSON["series"] as? String, "Biogasföreningen")
        XCTAssertEqual(biogasJSON["captions"] as? String, "human")

        let check = try TalksExecutable.run(["check", archive])
        XCTAssertEqual(check.status, 0, check.output)
        XCTAssertTrue(check.output.hasSuffix("3 checked: 3 valid, 0 rejected, 0 warnings.\n"), check.output)
        XCTAssertTrue(check.output.contains("  chapters   2, from 0:00 \"Inledning\"\n"), check.output)
    }

    func testSeriesReplacesChannelAndUploader() throws {
        let archive = try root() + "/archive"
        let run = try TalksExecutable.run(["import-ytdlp", try copy("ytdlp-channel"), "--into", archive, "--series", "Landet lär"])
        XCTAssertEqual(run.status, 65)
        for id in try files(archive) {
            XCTAssertEqual(try episodeJSON(archive + "/" + id + "/episode.json")["series"] as? String, "Landet lär", id)
        }
    }

    /// A second run touches nothing; a changed info.json or subtitle choice rewrites only
    /// that folder, keeping a chapters.vtt the organiser added.
    func testReRunningIsIdempotentAndUpdatesWhatChanged() throws {
        let source = try copy("ytdlp-channel")
        let archive = try root() + "/archive"
        _ = try TalksExecutable.run(["import-ytdlp", source, "--into", archive])
        let manager = FileManager.default
        func snapshot() throws -> [String: [FileAttributeKey: Any]] {
            var result: [String: [FileAttributeKey: Any]] = [:]
            for folder in try files(archive) {
                for name in try files(archive + "/" + folder) {
                    result[folder + "/" + name] = try manager.attributesOfItem(atPath: archive + "/" + folder + "/" + name)
                }
            }
            return result
        }
        let before = try snapshot()
        let again = try TalksExecutable.run(["import-ytdlp", source, "--into", archive])
        XCTAssertTrue(again.output.hasSuffix("0 written, 0 updated, 3 unchanged, 4 skipped.\n"), again.output)
        let after = try snapshot()
        XCTAssertEqual(Set(after.keys), Set(before.keys))
        for (path, attributes) in before {
            XCTAssertEqual(after[path]?[.modificationDate] as? Date, attributes[.modificationDate] as? Date, path)
            XCTAssertEqual(after[path]?[.systemFileNumber] as? Int, attributes[.systemFileNumber] as? Int, "\(path) was rewritten")
        }

        let water = archive + "/youtube-Vt4tTn1Xk2Q"
        let chapters = "WEBVTT\n\n00:00:00.000 --> 00:00:20.000\nInledning\n"
        try Data(chapters.utf8).write(to: URL(fileURLWithPath: water + "/chapters.vtt"))
        let info = source + "/Vatten i landskapet [Vt4tTn1Xk2Q].info.json"
        try Data(try text(info).replacingOccurrences(of: "\"Om våtmarker och torka.\"", with: "\"Om våtmarker, dammar och torka.\"").utf8)
            .write(to: URL(fileURLWithPath: info))
        let changed = try TalksExecutable.run(["import-ytdlp", source, "--into", archive])
        XCTAssertEqual(changed.output.split(separator: "\n").first, "updated  \(water)")
        XCTAssertTrue(changed.output.hasSuffix("0 written, 1 updated, 2 unchanged, 4 skipped.\n"), changed.output)
        XCTAssertEqual(try episodeJSON(water + "/episode.json")["description"] as? String, "Om våtmarker, dammar och torka.")
        XCTAssertEqual(try text(water + "/chapters.vtt"), chapters, "the organiser's file is kept")
        XCTAssertEqual(try files(archive).filter { $0.hasPrefix(".") }, [], "no temporary folder is left")

        // The human track is gone from the yt-dlp folder: the automatic one replaces it.
        try manager.removeItem(atPath: source + "/Vatten i landskapet [Vt4tTn1Xk2Q].sv.vtt")
        let automatic = try TalksExecutable.run(["import-ytdlp", source, "--into", archive])
        XCTAssertTrue(automatic.output.hasSuffix("0 written, 1 updated, 2 unchanged, 4 skipped.\n"), automatic.output)
        XCTAssertEqual(try text(water + "/transcript.vtt"), try text(source + "/Vatten i landskapet [Vt4tTn1Xk2Q].sv-orig.vtt"))
        XCTAssertEqual(try episodeJSON(water + "/episode.json")["captions"] as? String, "automatic")
    }

    /// Real transcripts and an info.json outside the yt-dlp folder, reached through links
    /// from inside it, are never read; a link that stays inside works.
    func testLinksOutOfTheFolderAreRefused() throws {
        let base = try root()
        let manager = FileManager.default
        let source = base + "/downloads"
        try manager.createDirectory(atPath: source, withIntermediateDirectories: true)
        try manager.createDirectory(atPath: base + "/outside", withIntermediateDirectories: true)
        let real = Self.fixtures + "/ytdlp-channel/Vatten i landskapet [Vt4tTn1Xk2Q]"
        try manager.copyItem(atPath: real + ".sv.vtt", toPath: base + "/outside/hemlig.vtt")
        try manager.copyItem(atPath: real + ".info.json", toPath: base + "/outside/hemlig.info.json")
        try manager.copyItem(atPath: real + ".sv.vtt", toPath: source + "/inne.vtt")
        func info(_ id: String) -> Data {
            Data("{\"id\": \"\(id)\", \"title\": \"Video \(id)\", \"upload_date\": \"20240101\", \"subtitles\": {\"sv\": []}}\n".utf8)
        }
        try info("LinkOut0001").write(to: URL(fileURLWithPath: source + "/Länk ut [LinkOut0001].info.json"))
        try manager.createSymbolicLink(atPath: source + "/Länk ut [LinkOut0001].sv.vtt", withDestinationPath: "../outside/hemlig.vtt")
        try info("LinkAbs0002").write(to: URL(fileURLWithPath: source + "/Absolut [LinkAbs0002].info.json"))
        try manager.createSymbolicLink(atPath: source + "/Absolut [LinkAbs0002].sv.vtt", withDestinationPath: base + "/outside/hemlig.vtt")
        try manager.createSymbolicLink(atPath: source + "/Ute [Vt4tTn1Xk2Q].info.json", withDestinationPath: "../outside/hemlig.info.json")
        try info("LinkIn00003").write(to: URL(fileURLWithPath: source + "/Inne [LinkIn00003].info.json"))
        try manager.createSymbolicLink(atPath: source + "/Inne [LinkIn00003].sv.vtt", withDestinationPath: "inne.vtt")

        let archive = base + "/archive"
        let run = try TalksExecutable.run(["import-ytdlp", source, "--into", archive])
        XCTAssertEqual(run.status, 65, run.error)
        XCTAssertEqual(try files(archive), ["video-LinkIn00003"], run.error)
        XCTAssertEqual(try text(archive + "/video-LinkIn00003/transcript.vtt"), try text(real + ".sv.vtt"))
        let realOutside = try XCTUnwrap(URL(fileURLWithPath: base + "/outside").resolvingSymlinksInPath().path)
        for (name, id) in [("Länk ut", "LinkOut0001"), ("Absolut", "LinkAbs0002")] {
            XCTAssertTrue(run.error.contains("\(source)/\(name) [\(id)].sv.vtt: warning: refused: its real path "
                + "\(realOutside)/hemlig.vtt is outside the yt-dlp folder"), run.error)
            XCTAssertTrue(run.error.contains("\(source)/\(name) [\(id)].info.json: warning: video 'Video \(id)' is not imported"), run.error)
        }
        XCTAssertTrue(run.error.contains("\(source)/Ute [Vt4tTn1Xk2Q].info.json: error: refused: its real path \(realOutside)/hemlig.info.json"),
                      run.error)
    }

    /// The sample archive's yt-dlp episode is exactly what the import makes of its source
    /// folder, and its rolling auto-captions index every spoken word once: a word said once
    /// is one hit, linking into YouTube at that second.
    func testTheSampleEpisodeIsTheImportOfItsFolderAndIndexesEachWordOnce() throws {
        let archive = try root() + "/archive"
        let run = try TalksExecutable.run(["import-ytdlp", Self.fixtures + "/ytdlp-sample", "--into", archive, "--series", "Landet lär"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertEqual(run.error, "")
        let id = "youtube-Lq7pZ2mW9xK"
        let shipped = TalksExecutable.repositoryRoot.appendingPathComponent("archive/" + id).path
        XCTAssertEqual(try files(archive + "/" + id), try files(shipped))
        for name in try files(shipped) {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: archive + "/" + id + "/" + name)),
                           try Data(contentsOf: URL(fileURLWithPath: shipped + "/" + name)), name)
        }

        let index = try root() + "/index"
        let ingest = try TalksExecutable.run(["ingest", archive, "--index", index])
        XCTAssertEqual(ingest.status, 0, ingest.error)
        let spoken = try text(Self.fixtures + "/ytdlp-sample-spoken.txt").split(separator: "\n")
        for word in ["käringtand", "honungsört", "gräsband"] {
            XCTAssertEqual(spoken.filter { $0.split(separator: " ").contains(Substring(word)) }.count, 1, "\(word) is said once")
            let search = try TalksExecutable.run(["search", word, "--index", index, "--json"])
            let answer = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(search.output.utf8)) as? [String: Any])
            let results = try XCTUnwrap(answer["results"] as? [[String: Any]])
            let hits = results.flatMap { ($0["hits"] as? [[String: Any]]) ?? [] }
            XCTAssertEqual(hits.count, 1, "\(word): \(search.output)")
            let url = try XCTUnwrap(hits.first?["url"] as? String)
            XCTAssertTrue(url.hasPrefix("https://www.youtube.com/watch?v=Lq7pZ2mW9xK&t="), url)
        }
        // check says what collapsing did, as a note, not a warning; the shipped archive is clean.
        let text = try TalksExecutable.run(["check", archive + "/" + id])
        XCTAssertTrue(text.output.contains("/transcript.vtt: note: rolling captions: 136 cues → 68 lines (68 hold cues and 67 "
            + "repeated lines left out; each line is kept once, at the cue that first shows it)\n"), text.output)
        XCTAssertTrue(text.output.contains("  chapters   6, from 0:00 \"Inledning\"\n"), text.output)
        XCTAssertTrue(text.output.hasSuffix("1 checked: 1 valid, 0 rejected, 0 warnings.\n"), text.output)
        let shippedArchive = try TalksExecutable.run(["check", TalksExecutable.repositoryRoot.appendingPathComponent("archive").path])
        XCTAssertEqual(shippedArchive.status, 0)
        XCTAssertTrue(shippedArchive.output.hasSuffix("14 checked: 14 valid, 0 rejected, 0 warnings.\n"), shippedArchive.output)  // 13 episodes and synonyms.txt

        // Every cue of the rolling track is one spoken line, each once.
        let check = try TalksExecutable.run(["check", archive + "/" + id, "--json"])
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(check.output.utf8)) as? [String: Any])
        let episode = try XCTUnwrap((report["episodes"] as? [[String: Any]])?.first)
        let cues = try XCTUnwrap(episode["cues"] as? [[String: Any]]).compactMap { $0["text"] as? String }
        XCTAssertEqual(cues, spoken.map(String.init))
    }
}

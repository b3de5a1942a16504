import Foundation
import TalksTestSupport
import XCTest

/// End-to-end: `talks ingest --memory` is a bound for any one transcript. A long transcript
/// is indexed within the budget, or refused with a message naming the file, its size and
/// the budget, and the index stays as it was. The peak is the child's own `ru_maxrss`.
///
/// The transcripts are the shape that once took `--memory 256` to 453 MB (a 60 MB file of
/// 81,795 cues of 700 bytes), scaled down to budgets the tests can afford.
final class IngestMemoryCommandTests: XCTestCase {
    private var scratch = URL(fileURLWithPath: "/")
    private var index: String { scratch.appendingPathComponent("index").path }
    private var sampleArchive: String { TalksExecutable.repositoryRoot.appendingPathComponent("archive").path }

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
        scratch = try TalksExecutable.temporaryDirectory("ingest-memory")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: scratch)
    }

    func testALongTranscriptIsIndexedWithinTheMemoryBudget() throws {
        // 10 MB: before the bound it peaked near 80 MB, now near 58 MB.
        let archive = try writeArchive("long", episodes: ["lang-konferens": Self.longTranscript(cues: 14_000, seed: 1)])
        let measured = try TalksExecutable.runMeasuringMemory(["ingest", archive, "--index", index, "--memory", "72"],
                                                              scratch: scratch)
        XCTAssertEqual(measured.run.status, 0, measured.run.error)
        XCTAssertTrue(measured.run.output.hasPrefix("Indexed 1 episode (14000 cues, "), measured.run.output)
        XCTAssertLessThanOrEqual(measured.peakBytes, 72 << 20,
                                 "ingest peaked at \(measured.peakBytes >> 20) MB under --memory 72")
        // The first and the last slice of the transcript are both in the index.
        for word in ["inledningsordet", "avslutningsordet"] {
            let search = try TalksExecutable.run(["search", word, "--index", index])
            XCTAssertTrue(search.output.contains("lang-konferens"), "\(word): \(search.output)")
        }
        let verify = try TalksExecutable.run(["verify", "--index", index])
        XCTAssertEqual(verify.status, 0, verify.output)
    }

    func testATranscriptTooLongToLoadWithinTheBudgetIsRefusedBeforeItIsReadAndTheIndexIsUntouched() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: sampleArchive), "no archive/ in this checkout")
        XCTAssertEqual(try TalksExecutable.run(["ingest", sampleArchive, "--index", index]).status, 0)
        let manifest = try Data(contentsOf: URL(fileURLWithPath: index + "/manifest.json"))

        let archive = try writeArchive("too-long", episodes: ["lang-konferens": Self.longTranscript(cues: 11_000, seed: 2)])
        let measured = try TalksExecutable.runMeasuringMemory(["ingest", archive, "--index", index, "--memory", "32"],
                                                              scratch: scratch)
        XCTAssertEqual(measured.run.status, 65, measured.run.output)
        let transcript = archive + "/lang-konferens/transcript.vtt"
        XCTAssertTrue(measured.run.error.contains("rejected episode 'lang-konferens'"), measured.run.error)
        XCTAssertTrue(measured.run.error.contains("\(transcript): error: the transcript is 7.8 MB with up to 11000 cues; "
            + "reading and parsing it takes about "), measured.run.error)
        XCTAssertTrue(measured.run.error.contains("the memory budget of 32 MB leaves beside the index itself; it was not "
            + "read or indexed. Index it with a larger budget (talks ingest --memory "), measured.run.error)
        XCTAssertTrue(measured.run.output.contains("0 added, 0 replaced, 0 unchanged, 1 rejected; generation 1, 13 episodes"),
                      measured.run.output)
        XCTAssertLessThanOrEqual(measured.peakBytes, 32 << 20, "refusing took \(measured.peakBytes >> 20) MB")

        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: index + "/manifest.json")), manifest,
                       "the refused episode left the index as it was")
        let search = try TalksExecutable.run(["search", "livsmedelsstrategi", "--index", index])
        XCTAssertTrue(search.output.contains("Landet lär #55"), search.output)
        XCTAssertEqual(try TalksExecutable.run(["verify", "--index", index]).status, 0)
    }

    func testATranscriptThatOutgrowsTheBudgetWhileBuiltIsRefusedAndTheOtherEpisodesAreIndexed() throws {
        // Words that never repeat: every one is a term, and a flush costs hundreds of bytes
        // per term. Loading the 3 MB file fits the budget; building it does not.
        var episodes: [String: String] = ["ett": Self.longTranscript(cues: 40, seed: 3),
                                          "tva": Self.longTranscript(cues: 40, seed: 4)]
        episodes["ord-utan-slut"] = Self.uniqueWordsTranscript(cues: 4_000, seed: 5)
        let archive = try writeArchive("unique", episodes: episodes)
        let measured = try TalksExecutable.runMeasuringMemory(["ingest", archive, "--index", index, "--memory", "64"],
                                                              scratch: scratch)
        XCTAssertEqual(measured.run.status, 65, measured.run.output)
        XCTAssertTrue(measured.run.error.contains("\(archive)/ord-utan-slut/transcript.vtt: error: indexing this "),
                      measured.run.error)
        XCTAssertTrue(measured.run.error.contains(" MB transcript needs more memory than the "), measured.run.error)
        XCTAssertTrue(measured.run.error.contains("the memory budget of 64 MB leaves beside the index itself"),
                      measured.run.error)
        XCTAssertTrue(measured.run.error.contains("it was not indexed and the index is unchanged."), measured.run.error)
        XCTAssertTrue(measured.run.output.contains("2 added, 0 replaced, 0 unchanged, 1 rejected; generation 1, 2 episodes"),
                      measured.run.output)
        XCTAssertLessThanOrEqual(measured.peakBytes, 64 << 20,
                                 "ingest peaked at \(measured.peakBytes >> 20) MB under --memory 64")
        let list = try TalksExecutable.run(["list", "--index", index])
        XCTAssertTrue(list.output.contains("ett ") && list.output.contains("tva "), list.output)
        XCTAssertFalse(list.output.contains("ord-utan-slut"), list.output)
        XCTAssertEqual(try TalksExecutable.run(["verify", "--index", index]).status, 0)
    }

    // MARK: - Transcripts

    /// Writes `episodes` (id → WebVTT text) as an archive folder; its path.
    private func writeArchive(_ name: String, episodes: [String: String]) throws -> String {
        let archive = scratch.appendingPathComponent(name)
        for (id, transcript) in episodes {
            let folder = archive.appendingPathComponent(id)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let metadata = "{\"title\": \"Konferens \(id)\", \"date\": \"2023-05-04T09:00:00+02:00\"}\n"
            try Data(metadata.utf8).write(to: folder.appendingPathComponent("episode.json"))
            try Data(transcript.utf8).write(to: folder.appendingPathComponent("transcript.vtt"))
        }
        return archive.path
    }

    /// A WebVTT transcript of `cues` cues of about 700 bytes of Swedish-looking words (a
    /// vocabulary of 20,000 words drawn Zipf-like), two speakers; the first cue starts with
    /// "inledningsordet", the last ends with "avslutningsordet".
    static func longTranscript(cues: Int, seed: UInt64) -> String {
        var random = SplitMix64(seed: seed)
        let syllables = ["lands", "byg", "den", "stra", "te", "gi", "mat", "vat", "ten", "skog", "kom", "mun", "för",
                         "ut", "veck", "ling", "sam", "ver", "kan", "bön", "der", "när", "ing", "ar", "na", "et"]
        var vocabulary = ["och", "det", "att", "är", "som", "en", "på", "för", "med", "har", "vi", "jag", "så"]
        while vocabulary.count < 20_000 {
            var word = ""
            for _ in 0..<(1 + random.below(3)) { word += syllables[random.below(syllables.count)] }
            vocabulary.append(word + String(vocabulary.count % 97))
        }
        var text = "WEBVTT\n\n"
        text.reserveCapacity(cues * 760)
        for cue in 0..<cues {
            text += "\(timestamp(cue * 30_000)) --> \(timestamp(cue * 30_000 + 29_000))\n"
            text += cue % 2 == 0 ? "<v Anna Berg>" : "<v Bo Ek>"
            if cue == 0 { text += "inledningsordet " }
            var length = 0
            while length < 690 {
                // Zipf-like: the product of two uniform draws favours the first words.
                let word = vocabulary[random.below(vocabulary.count) * random.below(vocabulary.count) / vocabulary.count]
                text += word
                text += " "
                length += word.utf8.count + 1
            }
            text += cue == cues - 1 ? "avslutningsordet.\n\n" : "så.\n\n"
        }
        return text
    }

    /// A WebVTT transcript of `cues` cues of about 750 bytes of random 6–9 letter words:
    /// nearly every word occurs once.
    static func uniqueWordsTranscript(cues: Int, seed: UInt64) -> String {
        var random = SplitMix64(seed: seed)
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var text = "WEBVTT\n\n"
        text.reserveCapacity(cues * 800)
        for cue in 0..<cues {
            text += "\(timestamp(cue * 30_000)) --> \(timestamp(cue * 30_000 + 29_000))\n"
            var length = 0
            while length < 750 {
                var word = ""
                for _ in 0..<(6 + random.below(4)) { word.append(letters[random.below(letters.count)]) }
                text += word + " "
                length += word.count + 1
            }
            text += "\n\n"
        }
        return text
    }

    /// `hh:mm:ss.mmm` for a time in milliseconds.
    static func timestamp(_ milliseconds: Int) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let millis = milliseconds % 1000
        let padded = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(two(milliseconds / 3_600_000)):\(two(milliseconds / 60_000 % 60)):\(two(milliseconds / 1000 % 60)).\(padded)"
    }
}

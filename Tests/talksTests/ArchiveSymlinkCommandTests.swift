import Foundation
import XCTest

/// End-to-end: files whose real path leaves the archive (through a symbolic link to a
/// transcript, a metadata file or a whole episode folder) are refused by `check` and
/// `ingest` with a message naming the path, never read, indexed or served; links that stay
/// inside the archive still work. Diagnostics about a file that is not what it should be
/// quote at most a short, escaped excerpt of it.
final class ArchiveSymlinkCommandTests: XCTestCase {
    private var scratch = URL(fileURLWithPath: "/")
    private var archive: String { scratch.appendingPathComponent("archive").path }
    private var outside: String { scratch.appendingPathComponent("outside").path }

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
        scratch = try TalksExecutable.temporaryDirectory("archive-symlinks")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func link(_ path: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: destination)
    }

    private func metadata(_ title: String) -> String {
        "{\"title\": \"\(title)\", \"date\": \"2022-10-19T12:00:00+02:00\"}\n"
    }

    private func transcript(_ words: String) -> String {
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n\(words)\n"
    }

    /// The archive: a plain episode, four whose files leave the archive (transcript, metadata,
    /// the whole folder, a password-like file posing as a transcript), and three whose links
    /// stay inside it (a relative transcript link, an absolute one, a folder link).
    private func makeArchive() throws {
        try write(metadata("Vanligt"), to: archive + "/vanligt/episode.json")
        try write(transcript("Ett vanligt samtal om vatten."), to: archive + "/vanligt/transcript.vtt")

        try write(transcript("Hemligtord som ligger utanför arkivet."), to: outside + "/secret.vtt")
        try write("root:x:0:0:LOSENORD-hunter2:/root:/bin/bash\n", to: outside + "/passwd")
        try write(metadata("Hemligtitel utanför"), to: outside + "/episode.json")
        try write(metadata("Hemligmapp"), to: outside + "/folder/episode.json")
        try write(transcript("Hemligmapp ord."), to: outside + "/folder/transcript.vtt")

        try write(metadata("Transkript utanför"), to: archive + "/transkript-ut/episode.json")
        try link(archive + "/transkript-ut/transcript.vtt", to: "../../outside/secret.vtt")
        try write(transcript("Metadata utanför."), to: archive + "/metadata-ut/transcript.vtt")
        try link(archive + "/metadata-ut/episode.json", to: outside + "/episode.json")
        try link(archive + "/mapp-ut", to: outside + "/folder")
        try write(metadata("Lösenord"), to: archive + "/losenord/episode.json")
        try link(archive + "/losenord/transcript.vtt", to: outside + "/passwd")

        try write(metadata("Länk inom arkivet"), to: archive + "/lank-inne/episode.json")
        try link(archive + "/lank-inne/transcript.vtt", to: "../vanligt/transcript.vtt")
        try write(metadata("Absolut länk inom arkivet"), to: archive + "/absolut-inne/episode.json")
        try link(archive + "/absolut-inne/transcript.vtt", to: archive + "/vanligt/transcript.vtt")
        try write(metadata("Mapp inom arkivet"), to: archive + "/.gomd/episode.json")
        try write(transcript("Gömd mapp med ordet kanelbulle."), to: archive + "/.gomd/transcript.vtt")
        try link(archive + "/mapp-inne", to: ".gomd")
    }

    private static let refused = ["transkript-ut", "metadata-ut", "mapp-ut", "losenord"]
    private static let secrets = ["Hemligtord", "Hemligtitel", "Hemligmapp", "LOSENORD", "hunter2", "root:x"]

    func testCheckRefusesFilesOutsideTheArchiveAndFollowsLinksInside() throws {
        try makeArchive()
        let check = try TalksExecutable.run(["check", archive])
        XCTAssertEqual(check.status, 65, check.output)
        for id in Self.refused {
            XCTAssertTrue(check.output.contains("REJECTED \(id)  ("), id + "\n" + check.output)
        }
        XCTAssertTrue(check.output.contains("\(archive)/transkript-ut/transcript.vtt: error: refused: its real path \(outside)/secret.vtt is outside the archive \(archive); talks reads only files inside the archive"), check.output)
        XCTAssertTrue(check.output.contains("\(archive)/metadata-ut/episode.json: error: refused: its real path \(outside)/episode.json is outside the archive \(archive)"), check.output)
        XCTAssertTrue(check.output.contains("\(archive)/mapp-ut: error: refused: its real path \(outside)/folder is outside the archive \(archive)"), check.output)
        XCTAssertTrue(check.output.contains("\(archive)/losenord/transcript.vtt: error: refused: its real path \(outside)/passwd is outside the archive"), check.output)
        for id in ["vanligt", "lank-inne", "absolut-inne", "mapp-inne"] {
            XCTAssertTrue(check.output.contains("OK       \(id)  ("), id + "\n" + check.output)
        }
        for secret in Self.secrets {
            XCTAssertFalse(check.output.contains(secret), "\(secret) was read: \(check.output)")
        }

        // Named directly, an episode folder is checked against the archive that holds it, and
        // a transcript inside one against that archive too.
        let folder = try TalksExecutable.run(["check", archive + "/transkript-ut"])
        XCTAssertEqual(folder.status, 65, folder.output)
        XCTAssertTrue(folder.output.contains("is outside the archive \(archive)"), folder.output)
        let linkedFolder = try TalksExecutable.run(["check", archive + "/mapp-ut"])
        XCTAssertEqual(linkedFolder.status, 65, linkedFolder.output)
        XCTAssertFalse(linkedFolder.output.contains("Hemligmapp"), linkedFolder.output)
        let file = try TalksExecutable.run(["check", archive + "/losenord/transcript.vtt"])
        XCTAssertEqual(file.status, 65, file.output)
        XCTAssertTrue(file.output.contains("is outside the archive \(archive)"), file.output)
        XCTAssertFalse(file.output.contains("LOSENORD") || file.output.contains("root:x"), file.output)
        let inside = try TalksExecutable.run(["check", archive + "/lank-inne/transcript.vtt"])
        XCTAssertEqual(inside.status, 0, inside.output)
        // `talks check .` inside an episode folder: its archive is the folder above.
        let here = try TalksExecutable.run(["check", "."], in: URL(fileURLWithPath: archive + "/lank-inne"))
        XCTAssertEqual(here.status, 0, here.output)
        let hereOutside = try TalksExecutable.run(["check", "."], in: URL(fileURLWithPath: archive + "/transkript-ut"))
        XCTAssertEqual(hereOutside.status, 65, hereOutside.output)
        XCTAssertTrue(hereOutside.output.contains("./transcript.vtt: error: refused: its real path \(outside)/secret.vtt is outside the archive \(archive)"), hereOutside.output)

        // An archive reached through a link of its own is fine: only where files really are counts.
        let alias = scratch.appendingPathComponent("alias").path
        try link(alias, to: archive)
        let throughAlias = try TalksExecutable.run(["check", alias + "/lank-inne"])
        XCTAssertEqual(throughAlias.status, 0, throughAlias.output)
    }

    func testIngestIndexesNothingFromOutsideAndServesOnlyWhatIsInside() throws {
        try makeArchive()
        let index = scratch.appendingPathComponent("index").path
        let ingest = try TalksExecutable.run(["ingest", archive, "--index", index])
        XCTAssertEqual(ingest.status, 65, ingest.error)
        XCTAssertTrue(ingest.output.contains("4 added, 0 replaced, 0 unchanged, 4 rejected"), ingest.output)
        XCTAssertTrue(ingest.error.contains("\(archive)/transkript-ut/transcript.vtt: error: refused: its real path \(outside)/secret.vtt is outside the archive"), ingest.error)
        for secret in Self.secrets {
            XCTAssertFalse(ingest.error.contains(secret), "\(secret) was read: \(ingest.error)")
            let search = try TalksExecutable.run(["search", secret, "--index", index])
            XCTAssertTrue(search.output.hasPrefix("Inga träffar"), "\(secret) is indexed: \(search.output)")
        }
        XCTAssertTrue(try TalksExecutable.run(["search", "kanelbulle", "--index", index]).output.contains("Mapp inom arkivet"))

        let server = try ServedIndex(index: index)
        for id in Self.refused {
            XCTAssertEqual(try server.get("episodes/\(id)/transcript").status, 404, id)
            XCTAssertEqual(try server.get("episodes/\(id)/transcript?format=vtt").status, 404, id)
        }
        let inside = try server.get("episodes/lank-inne/transcript?format=vtt")
        XCTAssertEqual(inside.status, 200)
        XCTAssertTrue(inside.body.contains("Ett vanligt samtal om vatten."), inside.body)
        let episodes = try server.get("episodes")
        for secret in Self.secrets { XCTAssertFalse(episodes.body.contains(secret), episodes.body) }
    }

    /// What a diagnostic may quote of a file that did not parse: a short excerpt with control
    /// characters escaped, never a whole line, for every kind of file talks reads.
    func testDiagnosticsQuoteOnlyAShortEscapedExcerpt() throws {
        let escape = "\u{1B}]0;kapad\u{07}\u{1B}[2J"
        let long = String(repeating: "x", count: 200) + "SLUTETAVRADEN"
        try write(metadata("Inte WebVTT"), to: archive + "/inte-vtt/episode.json")
        try write("\(escape)root:x:0:0:\(long)\nrad två\n", to: archive + "/inte-vtt/transcript.vtt")
        try write(metadata("Block utan tid"), to: archive + "/block/episode.json")
        try write("WEBVTT\n\n\(escape)block \(long)\n\n00:00:01.000 --> 00:00:02.000\nHej.\n", to: archive + "/block/transcript.vtt")
        try write(metadata("Fel i SRT"), to: archive + "/srt/episode.json")
        try write("1\n\(escape)00:00:01 \(long)\nHej.\n", to: archive + "/srt/transcript.srt")
        try write("{\"title\": \"Okänt fält\", \"\(long)\\u001b[31m\": 1, \"date\": \"\\u001b]0;kapad\\u0007\(long)\", \"language\": \"\(long)!\"}\n",
                  to: archive + "/json/episode.json")
        try write(transcript("Hej."), to: archive + "/json/transcript.vtt")

        let check = try TalksExecutable.run(["check", archive])
        XCTAssertEqual(check.status, 65, check.output)
        XCTAssertFalse(check.output.contains("\u{1B}") || check.output.contains("\u{07}"), "raw control characters: \(check.output)")
        XCTAssertFalse(check.output.contains("SLUTETAVRADEN"), check.output)
        XCTAssertFalse(check.output.contains(String(repeating: "x", count: 41)), check.output)
        XCTAssertTrue(check.output.contains("\(archive)/inte-vtt/transcript.vtt:1: error: not a WebVTT file: the first line must be \"WEBVTT\""), check.output)
        XCTAssertTrue(check.output.contains("\\u{1B}]0;kapad\\u{7}"), check.output)
        for file in ["block/transcript.vtt:3: warning:", "srt/transcript.srt:2: warning:", "json/episode.json:1: warning: unknown field", "json/episode.json:1: error: field 'date'", "json/episode.json:1: error: field 'language'"] {
            XCTAssertTrue(check.output.contains("\(archive)/\(file)"), file + "\n" + check.output)
        }
    }
}

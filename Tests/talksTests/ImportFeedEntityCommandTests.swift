import Foundation
import XCTest

/// A feed's entities cannot make `talks import-feed` expand it without bound (a 100 KB
/// entity referenced 2,000 times was 200 MB of episode.json, 20,000 times 2 GB): a field
/// past `IngestLimits.maximumFieldTextBytes` or a feed past `maximumDocumentTextBytes` is
/// refused with exit 65, the file and line of the field, and nothing is written.
final class ImportFeedEntityCommandTests: XCTestCase {
    private var scratch: URL?

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
        scratch = try TalksExecutable.temporaryDirectory("import-entities")
    }

    override func tearDown() {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    private func files(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    /// A feed whose `<!DOCTYPE>` declares one entity of `entityBytes` and uses it in `body`.
    private func amplifiedFeed(entityBytes: Int, body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE rss [<!ENTITY big "\(String(repeating: "a", count: entityBytes - 1)) ">]>
        <rss version="2.0"><channel><title>Landet lär</title>
        \(body)
        </channel></rss>

        """
    }

    private func importFails(_ feed: String, file: String, with message: String) throws {
        let root = try XCTUnwrap(scratch).path
        let path = root + "/" + file
        try Data(feed.utf8).write(to: URL(fileURLWithPath: path))
        let archive = root + "/archive-" + file
        let run = try TalksExecutable.run(["import-feed", path, "--into", archive])
        XCTAssertEqual(run.status, 65, "\(file): \(run.output)")
        XCTAssertTrue(run.error.hasPrefix("talks import-feed: \(path):"), run.error)
        XCTAssertTrue(run.error.contains(message), "\(file): \(run.error)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: archive), "\(file): nothing may be written")
    }

    func testEntityAmplificationInOneFieldIsRefused() throws {
        let references = String(repeating: "&big;", count: 200)  // 100 KB × 200 = 20 MB
        try importFails(amplifiedFeed(entityBytes: 100_000, body: "<item><title>Ett</title><description>\(references)</description></item>"),
                        file: "description.xml", with: ":4: <description> holds more than 1 MiB (1048576 bytes) of text, the limit for one field")
        try importFails(amplifiedFeed(entityBytes: 100_000, body: "<item><title>\(references)</title></item>"),
                        file: "title.xml", with: ":4: <title> holds more than 1 MiB")
        try importFails(amplifiedFeed(entityBytes: 100_000, body: "<item><title>Ett</title><enclosure url=\"\(references)\"/></item>"),
                        file: "attribute.xml", with: ":4: the url attribute of <enclosure> holds more than 1 MiB")
        let channel = amplifiedFeed(entityBytes: 100_000, body: "<item><title>Ett</title></item>")
            .replacingOccurrences(of: "<title>Landet lär</title>", with: "<title>\(references)</title>")
        try importFails(channel, file: "series.xml", with: ":3: <title> holds more than 1 MiB")
    }

    func testEntityAmplificationSpreadOverManyFieldsIsRefused() throws {
        // Each description is 900 KB, under the field limit; 40 of them pass the document's 4 MiB + 2 × size.
        let item = "<item><title>Avsnitt</title><description>" + String(repeating: "&big;", count: 9) + "</description></item>\n"
        try importFails(amplifiedFeed(entityBytes: 100_000, body: String(repeating: item, count: 40)),
                        file: "spread.xml", with: "the text read from this document passed its limit of ")
    }

    func testEntitiesWithinTheLimitsStillImport() throws {
        let root = try XCTUnwrap(scratch).path
        let feed = amplifiedFeed(entityBytes: 1000, body: "<item><title>Ett &big;</title><description>&big;&big;</description></item>")
        try Data(feed.utf8).write(to: URL(fileURLWithPath: root + "/small.xml"))
        let run = try TalksExecutable.run(["import-feed", root + "/small.xml", "--into", root + "/archive"])
        XCTAssertEqual(run.status, 0, run.error)
        let folder = try XCTUnwrap(try files(in: root + "/archive").first)
        let json = try String(contentsOfFile: root + "/archive/" + folder + "/episode.json", encoding: .utf8)
        XCTAssertTrue(json.contains("\"description\": \"" + String(repeating: "a", count: 999) + " " + String(repeating: "a", count: 999) + "\""), json)
    }
}

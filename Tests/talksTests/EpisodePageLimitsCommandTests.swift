import Foundation
import XCTest

/// An `episode.html` cannot make talks read more text than `IngestLimits` allows, end to end
/// through the real `talks check` and `talks ingest`: elements nested so that the same text
/// is read once per level, or a huge attribute read again for every heading under it, are
/// rejected with the file, the line and the limit, quickly; entities declared in a page's
/// DOCTYPE are never expanded (libxml2's HTML parser does not read them).
final class EpisodePageLimitsCommandTests: XCTestCase {
    private var scratch: URL?

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
        scratch = try TalksExecutable.temporaryDirectory("page-limits")
    }

    override func tearDown() {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    /// An episode folder `name` with `html` as its episode.html and a one-cue transcript.
    private func episode(_ name: String, html: String) throws -> String {
        let folder = try XCTUnwrap(scratch).path + "/archive/" + name
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(html.utf8).write(to: URL(fileURLWithPath: folder + "/episode.html"))
        try Data("WEBVTT\n\n00:01.000 --> 00:02.000\nHej och välkomna.\n".utf8).write(to: URL(fileURLWithPath: folder + "/transcript.vtt"))
        return folder
    }

    private func page(_ main: String, doctype: String = "<!DOCTYPE html>") -> String {
        "\(doctype)\n<html lang=\"sv\"><head><title>Landet lär</title></head>\n<body><main><h1>Vatten och torka</h1>\n\(main)\n</main></body></html>\n"
    }

    func testNestedElementsThatRepeatTheirTextPastTheFieldLimitAreRejected() throws {
        // 40 <strong> inside each other, 30 KB of text each: the outer one holds 1.2 MB.
        let words = String(repeating: "ord ", count: 7_500)
        let folder = try episode("nested", html: page(String(repeating: "<strong>" + words, count: 40)))
        let check = try TalksExecutable.run(["check", folder])
        XCTAssertEqual(check.status, 65, check.output)
        XCTAssertTrue(check.output.contains("REJECTED nested"), check.output)
        XCTAssertTrue(check.output.contains(folder + "/episode.html:4: error: <strong> holds more than 1 MiB (1048576 bytes) of text, the limit for one field"), check.output)

        let index = try XCTUnwrap(scratch).path + "/index"
        let ingest = try TalksExecutable.run(["ingest", folder, "--index", index])
        XCTAssertEqual(ingest.status, 65, ingest.output)
        XCTAssertTrue(ingest.error.contains(folder + "/episode.html:4: error: <strong> holds more than 1 MiB"), ingest.error)
    }

    func testAHugeAttributeReadForEveryHeadingPassesTheDocumentLimit() throws {
        // A 900 KB class on <main> is read again for each of 20 headings: 18 MB from a 0.9 MB page.
        let headings = (1...20).map { "<p><strong>Punkt \($0)</strong></p>" }.joined()
        let html = page(headings).replacingOccurrences(of: "<main>", with: "<main class=\"\(String(repeating: "x", count: 900_000))\">")
        let folder = try episode("wide-class", html: html)
        let check = try TalksExecutable.run(["check", folder])
        XCTAssertEqual(check.status, 65, check.output)
        XCTAssertTrue(check.output.contains(folder + "/episode.html:3: error: the text read from this document passed its limit of "), check.output)
        XCTAssertTrue(check.output.contains("(4 MiB plus twice the file's size) at the class attribute of <main>"), check.output)
    }

    func testEntitiesDeclaredInAPageAreNotExpanded() throws {
        let doctype = "<!DOCTYPE html [<!ENTITY big \"\(String(repeating: "a", count: 100_000))\">]>"
        let folder = try episode("entity", html: page("<p>" + String(repeating: "&big;", count: 2_000) + "</p>", doctype: doctype)
            .replacingOccurrences(of: "<h1>Vatten och torka</h1>", with: "<h1>Vatten &big;</h1>"))
        let check = try TalksExecutable.run(["check", folder, "--json"])
        XCTAssertEqual(check.status, 0, check.output)
        XCTAssertTrue(check.output.contains("\"title\":\"Vatten &big;\""), String(check.output.prefix(300)))
        XCTAssertLessThan(check.output.utf8.count, 10_000, "the page's text was expanded")
    }
}

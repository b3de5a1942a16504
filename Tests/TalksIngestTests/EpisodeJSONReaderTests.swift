import XCTest
import TalksModel
@testable import TalksIngest

/// `link_template` in `episode.json`: an http(s) URL with `{seconds}` or `{hh:mm:ss}` is
/// kept; anything that could send a viewer somewhere wrong is ignored with a warning naming
/// the line, and the episode is still accepted.
final class EpisodeJSONReaderTests: XCTestCase {
    private func read(linkTemplate: String) -> EpisodeMetadata {
        let json = """
        {
          "title": "Nätverket för lokal energi",
          "date": "2024-02-08T13:00:00+01:00",
          "link_template": \(linkTemplate)
        }
        """
        return EpisodeJSONReader.read(Array(json.utf8), file: "episode.json", defaultID: "energi-3")
    }

    func testAnHTTPTemplateWithAPlaceholderIsKept() {
        for template in ["https://play.example.se/v/123?start={seconds}", "http://play.example.se/v/123#t={hh:mm:ss}",
                         "https://play.example.se/v/123?from={seconds}&label={hh:mm:ss}"] {
            let metadata = read(linkTemplate: "\"\(template)\"")
            XCTAssertEqual(metadata.episode?.linkTemplate, template)
            XCTAssertEqual(metadata.diagnostics, [])
        }
        XCTAssertNil(read(linkTemplate: "null").episode?.linkTemplate)
        XCTAssertEqual(read(linkTemplate: "null").diagnostics, [])
    }

    func testAnythingElseIsIgnoredWithAWarningOnItsLine() {
        let cases: [(String, String)] = [
            ("javascript:alert({seconds})", "is not an http(s) URL; ignored"),
            ("ftp://play.example.se/{seconds}", "is not an http(s) URL; ignored"),
            ("https://play.example.se/v/123", "has no {seconds} or {hh:mm:ss}, so every hit would link to the same place; ignored"),
            ("https://play.example.se/v/123?start={minutes}", "unknown placeholder '{minutes}' (use {seconds} or {hh:mm:ss}); ignored"),
            ("https://play.example.se/v/123?start={seconds", "has a '{' without '}'; ignored"),
            ("https://play.example.se/v/1 23?start={seconds}", "contains a space, quote or angle bracket; ignored"),
            ("https://play.example.se/\\\"><script>{seconds}", "contains a space, quote or angle bracket; ignored"),
        ]
        for (template, reason) in cases {
            let metadata = read(linkTemplate: "\"\(template)\"")
            XCTAssertNotNil(metadata.episode, template)
            XCTAssertNil(metadata.episode?.linkTemplate, template)
            XCTAssertEqual(metadata.warnings.count, 1, template)
            XCTAssertEqual(metadata.warnings.first?.line, 4, template)
            XCTAssertTrue(metadata.warnings.first?.message.hasSuffix(reason) ?? false, "\(metadata.warnings)")
        }
        let wrongType = read(linkTemplate: "42")
        XCTAssertNil(wrongType.episode, "a wrong type is an error, as for every string field")
        XCTAssertEqual(wrongType.errors.map(\.message), ["field 'link_template' must be a string, not the number 42"])
    }
}

import XCTest
@testable import TalksModel

final class DiagnosticTests: XCTestCase {
    func testDescriptionNamesFileAndLine() {
        let diagnostic = Diagnostic(.error, file: "archive/55/transcript.vtt", line: 12, "cue ends before it starts")
        XCTAssertEqual(diagnostic.description, "archive/55/transcript.vtt:12: error: cue ends before it starts")
    }

    func testDescriptionWithoutLine() {
        let diagnostic = Diagnostic(.warning, file: "episode.json", "unknown field 'foo' ignored")
        XCTAssertEqual(diagnostic.description, "episode.json: warning: unknown field 'foo' ignored")
    }
}

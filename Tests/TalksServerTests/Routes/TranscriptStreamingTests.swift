import Foundation
import TalksIndex
import TalksIndexing
import TalksModel
import TalksSearch
import XCTest
@testable import TalksServer

/// A long transcript is sent part by part (`TranscriptBody`): the bytes are exactly those
/// of the whole document, for WebVTT and for JSON, and conditional requests and HEAD still
/// work.
final class TranscriptStreamingTests: XCTestCase {
    nonisolated(unsafe) static var directory: String?
    var harness: ServerHarness!
    var index = ""

    /// An index holding one episode of 3,000 cues (about 500 kB of WebVTT, several parts)
    /// with speakers, line breaks and characters WebVTT must escape.
    override func setUpWithError() throws {
        if Self.directory == nil {
            let directory = try SampleIndex.temporaryDirectory("long-transcript")
            var vtt = "WEBVTT\n"
            for number in 0..<3000 {
                let start = Double(number) * 2
                vtt += "\n\(WebVTTWriter.timestamp(start)) --> \(WebVTTWriter.timestamp(start + 1.5))\n"
                vtt += "<v Talare \(number % 7)>Rad \(number) om våtmarker &amp; torka, &lt;ordet&gt; och bevattning i Östergötland\n"
                vtt += "andra raden med lite mer text så att varje cue blir ungefär hundrafemtio byte lång\n"
            }
            try FileManager.default.createDirectory(atPath: directory + "/archive/lang", withIntermediateDirectories: true)
            try Data(#"{"title": "Ett långt webbinarium", "date": "2023-01-01T12:00:00+01:00"}"#.utf8)
                .write(to: URL(fileURLWithPath: directory + "/archive/lang/episode.json"))
            try Data(vtt.utf8).write(to: URL(fileURLWithPath: directory + "/archive/lang/transcript.vtt"))
            let summary = try ArchiveIndexer.ingest(paths: [directory + "/archive"], index: directory + "/index")
            XCTAssertEqual(summary.added, 1)
            Self.directory = directory
        }
        index = try XCTUnwrap(Self.directory) + "/index"
        harness = try ServerHarness(handler: TalksRoutes(backend: IndexSearchBackend(directory: index)))
    }

    override func tearDown() {
        harness?.stop()
    }

    func testWebVTTIsStreamedWithTheBytesOfTheWholeDocument() throws {
        let cues = try XCTUnwrap(try Searcher(directory: index).transcript(id: "lang"))
        XCTAssertEqual(cues.count, 3000)
        let expected = WebVTTWriter.document(cues)
        XCTAssertGreaterThan(expected.utf8.count, 4 * HTTPServer.streamPartBytes)
        let connection = try RawConnection(port: harness.port)
        connection.send("GET /episodes/lang/transcript?format=vtt HTTP/1.1\r\nHost: x\r\n\r\n")
        let response = try XCTUnwrap(connection.readResponses(1, timeout: 10).first)
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.header("Transfer-Encoding"), "chunked")
        XCTAssertEqual(response.header("Content-Type"), "text/vtt; charset=utf-8")
        XCTAssertNotNil(response.header("ETag"))
        XCTAssertEqual(response.body, expected)
    }

    func testJSONIsStreamedWithTheBytesOfTheWholeDocument() throws {
        let cues = try XCTUnwrap(try Searcher(directory: index).transcript(id: "lang"))
        let expected = JSONWriter().string(.object(["episode_id": .string("lang"), "cues": .array(cues.map(\.jsonValue))]))
        let reply = try harness.fetch("/episodes/lang/transcript")
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(reply.headers["content-type"], "application/json; charset=utf-8")
        XCTAssertEqual(String(decoding: reply.body, as: UTF8.self), expected)
    }

    func testConditionalRequestAndHeadSendNoBody() throws {
        let first = try harness.fetch("/episodes/lang/transcript?format=vtt")
        let tag = try XCTUnwrap(first.headers["etag"])
        let connection = try RawConnection(port: harness.port)
        connection.send("GET /episodes/lang/transcript?format=vtt HTTP/1.1\r\nHost: x\r\nIf-None-Match: \(tag)\r\n\r\n"
                        + "HEAD /episodes/lang/transcript?format=vtt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let (text, closed) = connection.readUntilClose()
        XCTAssertTrue(closed)
        XCTAssertTrue(text.hasPrefix("HTTP/1.1 304 Not Modified\r\n"), String(text.prefix(200)))
        let heads = text.components(separatedBy: "\r\n\r\n")
        XCTAssertEqual(heads.count, 3, "two heads and nothing after them: \(text.prefix(600))")
        XCTAssertTrue(heads[1].hasPrefix("HTTP/1.1 200 OK\r\n"), heads[1])
        XCTAssertEqual(heads[2], "")
    }
}

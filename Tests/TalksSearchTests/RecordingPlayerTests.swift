import TalksModel
import XCTest
@testable import TalksSearch

/// `RecordingPlayer`: which player a recording link gets, its URL at a time and its origin.
final class RecordingPlayerTests: XCTestCase {
    private func player(_ text: String) throws -> RecordingPlayer {
        RecordingPlayer(recording: try XCTUnwrap(WebLink(text), text))
    }

    func testYouTubeLinksOfEveryShapePlayInTheNoCookieEmbed() throws {
        for link in [
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=30s", "https://youtube.com/watch?feature=x&v=dQw4w9WgXcQ",
            "https://m.youtube.com/watch?v=dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ?t=5",
            "https://www.youtube.com/live/dQw4w9WgXcQ", "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=9",
        ] {
            let recognised = try player(link)
            XCTAssertEqual(recognised, .youTube(videoID: "dQw4w9WgXcQ"), link)
            XCTAssertEqual(recognised.playerURL(startingAt: 106.6)?.text, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=106", link)
            XCTAssertEqual(recognised.playerURL(startingAt: 0)?.text, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", link)
            XCTAssertEqual(recognised.origin, "https://www.youtube-nocookie.com")
        }
        XCTAssertEqual(try player("https://www.youtube.com/@landsbygd"), .page(try XCTUnwrap(WebLink("https://www.youtube.com/@landsbygd"))))
        // An id with characters no YouTube id has is not put into an embed URL.
        XCTAssertEqual(try player("https://www.youtube.com/watch?v=a%22b"), .page(try XCTUnwrap(WebLink("https://www.youtube.com/watch?v=a%22b"))))
        XCTAssertNil(try player("https://www.youtube.com/@landsbygd").playerURL(startingAt: 5))
    }

    func testVimeoLinksPlayInVimeosPlayer() throws {
        XCTAssertEqual(try player("https://vimeo.com/76979871").playerURL(startingAt: 75)?.text, "https://player.vimeo.com/video/76979871#t=75s")
        XCTAssertEqual(try player("https://player.vimeo.com/video/76979871#t=3s").playerURL(startingAt: 0)?.text, "https://player.vimeo.com/video/76979871")
        XCTAssertEqual(try player("https://vimeo.com/76979871/abc123ef"), .vimeo(videoID: "76979871", hash: "abc123ef"))
        XCTAssertEqual(try player("https://vimeo.com/76979871/abc123ef").playerURL(startingAt: 2)?.text, "https://player.vimeo.com/video/76979871?h=abc123ef#t=2s")
        XCTAssertEqual(try player("https://vimeo.com/channels/staffpicks/76979871"), .vimeo(videoID: "76979871", hash: nil))
        XCTAssertEqual(try player("https://vimeo.com/landsbygd"), .page(try XCTUnwrap(WebLink("https://vimeo.com/landsbygd"))))
        XCTAssertEqual(try player("https://vimeo.com/1").origin, "https://player.vimeo.com")
    }

    func testMediaFilesPlayInTheBrowserByExtension() throws {
        let video = try player("https://Media.Example.org:8443/landet-lar/55.mp4#t=3")
        guard case .mediaFile(_, .video) = video else { return XCTFail("\(video)") }
        XCTAssertEqual(video.playerURL(startingAt: 106.6)?.text, "https://Media.Example.org:8443/landet-lar/55.mp4#t=106.6")
        XCTAssertEqual(video.playerURL(startingAt: 106)?.text, "https://Media.Example.org:8443/landet-lar/55.mp4#t=106")
        XCTAssertEqual(video.playerURL(startingAt: 7.05)?.text, "https://Media.Example.org:8443/landet-lar/55.mp4#t=7.05")
        XCTAssertEqual(video.playerURL(startingAt: 0)?.text, "https://Media.Example.org:8443/landet-lar/55.mp4#t=3", "no start: the link as given")
        XCTAssertEqual(video.origin, "https://media.example.org:8443")
        for audio in ["https://podd.example.se/12.mp3", "https://podd.example.se/12.M4A?x=1", "http://p.example/a.opus"] {
            guard case .mediaFile(_, .audio) = try player(audio) else { return XCTFail(audio) }
        }
        for other in ["https://cdn.example.se/stream", "https://cdn.example.se/a.webm", "https://cdn.example.se/mp3/file"] {
            guard case .mediaFile(_, .video) = try player(other) else { return XCTFail(other) }
        }
    }
}

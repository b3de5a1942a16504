import TalksModel
import XCTest
@testable import TalksSearch

/// Links into a recording in the form each platform's player understands, replacing any
/// time the URL already carries, and an episode's link template for any other player.
final class DeepLinkTests: XCTestCase {
    private func link(_ recording: String, _ seconds: Double = 75.9) -> String? {
        DeepLink.url(recording: WebLink(recording), seconds: seconds)?.text
    }

    func testYouTubeGetsItsOwnTimeParameter() {
        XCTAssertEqual(link("https://www.youtube.com/watch?v=aB3dE5fG7hJ"), "https://www.youtube.com/watch?v=aB3dE5fG7hJ&t=75s")
        XCTAssertEqual(link("https://youtube.com/watch?v=aB3dE5fG7hJ"), "https://youtube.com/watch?v=aB3dE5fG7hJ&t=75s")
        XCTAssertEqual(link("https://m.youtube.com/watch?v=aB3dE5fG7hJ&feature=share"),
                       "https://m.youtube.com/watch?v=aB3dE5fG7hJ&feature=share&t=75s")
        XCTAssertEqual(link("https://WWW.YouTube.com/watch?v=aB3dE5fG7hJ"), "https://WWW.YouTube.com/watch?v=aB3dE5fG7hJ&t=75s")
        XCTAssertEqual(link("https://youtu.be/aB3dE5fG7hJ"), "https://youtu.be/aB3dE5fG7hJ?t=75")
        XCTAssertEqual(link("https://youtu.be/aB3dE5fG7hJ?si=Xy12"), "https://youtu.be/aB3dE5fG7hJ?si=Xy12&t=75")
        XCTAssertEqual(link("https://www.youtube.com/live/aB3dE5fG7hJ?si=Xy12"), "https://www.youtube.com/live/aB3dE5fG7hJ?si=Xy12&t=75")
        XCTAssertEqual(link("https://www.youtube.com/shorts/aB3dE5fG7hJ"), "https://www.youtube.com/watch?v=aB3dE5fG7hJ&t=75s")
        XCTAssertEqual(link("https://www.youtube-nocookie.com/embed/aB3dE5fG7hJ"), "https://www.youtube-nocookie.com/embed/aB3dE5fG7hJ?start=75")
        XCTAssertEqual(link("https://www.youtube.com/embed/aB3dE5fG7hJ?rel=0"), "https://www.youtube.com/embed/aB3dE5fG7hJ?rel=0&start=75")
    }

    func testAnExistingTimeIsReplacedNotRepeated() {
        XCTAssertEqual(link("https://www.youtube.com/watch?v=aB3dE5fG7hJ&t=5s"), "https://www.youtube.com/watch?v=aB3dE5fG7hJ&t=75s")
        XCTAssertEqual(link("https://www.youtube.com/watch?t=1m5s&v=aB3dE5fG7hJ"), "https://www.youtube.com/watch?v=aB3dE5fG7hJ&t=75s")
        XCTAssertEqual(link("https://youtu.be/aB3dE5fG7hJ?t=12"), "https://youtu.be/aB3dE5fG7hJ?t=75")
        XCTAssertEqual(link("https://youtu.be/x#old", 3), "https://youtu.be/x?t=3")
        XCTAssertEqual(link("https://www.youtube-nocookie.com/embed/aB3dE5fG7hJ?start=12&end=90"),
                       "https://www.youtube-nocookie.com/embed/aB3dE5fG7hJ?end=90&start=75")
        XCTAssertEqual(link("https://www.youtube.com/watch?v=aB3dE5fG7hJ#t=3"), "https://www.youtube.com/watch?v=aB3dE5fG7hJ&t=75s")
        XCTAssertEqual(link("https://vimeo.com/76979871#t=12s"), "https://vimeo.com/76979871#t=75s")
        XCTAssertEqual(link("https://example.se/v.mp4#t=12"), "https://example.se/v.mp4#t=75")
    }

    func testVimeoAndMediaFiles() {
        XCTAssertEqual(link("https://vimeo.com/76979871"), "https://vimeo.com/76979871#t=75s")
        XCTAssertEqual(link("https://player.vimeo.com/video/76979871?h=abc"), "https://player.vimeo.com/video/76979871?h=abc#t=75s")
        XCTAssertEqual(link("https://media.example.org/landet-lar/55.mp4"), "https://media.example.org/landet-lar/55.mp4#t=75")
        XCTAssertEqual(link("https://example.se/v.mp4", -1), "https://example.se/v.mp4#t=0")
        XCTAssertEqual(link("https://example.se/v.mp4", .nan), "https://example.se/v.mp4#t=0")
        // Not an http(s) link with a host: never stored (WebLink), so never linked into.
        XCTAssertNil(link("media/55.mp4"))
        XCTAssertNil(link("https://"))
    }

    func testAYouTubePageThatIsNoVideoGetsNoTime() {
        XCTAssertEqual(link("https://www.youtube.com/@Landsbygdsnatverket#videos"), "https://www.youtube.com/@Landsbygdsnatverket")
        XCTAssertEqual(link("https://www.youtube.com/watch?list=PL123"), "https://www.youtube.com/watch?list=PL123")
    }

    func testTheLinkTemplateWinsForAnyOtherPlayer() {
        let episode = Episode(id: "energi-3", title: "Möte 3", recording: WebLink("https://media.example.org/3.mp4"),
                              linkTemplate: "https://play.example.se/v/8841?start={seconds}&at={hh:mm:ss}")
        XCTAssertEqual(DeepLink.url(DeepLink.Source(episode: episode), seconds: 3_725.4)?.text,
                       "https://play.example.se/v/8841?start=3725&at=01:02:05")
        XCTAssertEqual(DeepLink.url(DeepLink.Source(recording: nil, linkTemplate: "https://play.example.se/{seconds}"), seconds: 9)?.text,
                       "https://play.example.se/9")
        // Never a link with another scheme, even if one reached the index.
        XCTAssertEqual(DeepLink.url(DeepLink.Source(recording: WebLink("https://example.se/v.mp4"), linkTemplate: "javascript:x({seconds})"),
                                    seconds: 9)?.text, "https://example.se/v.mp4#t=9")
        XCTAssertNil(DeepLink.url(DeepLink.Source(recording: nil), seconds: 9))
        XCTAssertNil(DeepLink.url(recording: nil, seconds: 10))
    }

    func testHostileURLsNeverCrash() {
        // Every link that is stored links somewhere (and is a WebLink again); the rest are never stored.
        for text in ["https://[::1]:8080/watch?v=x", "https://youtu.be", "https://youtu.be/?&&t&=",
                     "https://www.youtube.com/shorts/", "https://vimeo.com#", "https://x.se/" + String(repeating: "?&=#", count: 400)] {
            guard WebLink(text) != nil else { continue }
            XCTAssertNotNil(link(text), text)
        }
        for text in ["https://@:/?#", "http://a@b@youtube.com:x/watch?v=", "https://user@youtu.be:443/aB3dE5fG7hJ"] {
            XCTAssertNil(link(text), text)
        }
        XCTAssertEqual(link("https://[::1]:8080/v.mp4"), "https://[::1]:8080/v.mp4#t=75")
    }
}

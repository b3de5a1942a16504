import XCTest
@testable import TalksModel

/// `WebLink` is the one rule for links: absolute http(s) with a host, nothing that a browser
/// would read as another scheme. Each class of disguise is tried, not one payload.
final class WebLinkTests: XCTestCase {
    func testAcceptsAbsoluteHTTPAndHTTPSLinksWithAHost() {
        let accepted: [(String, String)] = [
            ("https://media.example.org/landet-lar/55.mp4", "https://media.example.org/landet-lar/55.mp4"),
            ("http://example.org", "http://example.org"),
            ("HTTPS://Media.Example.org/A.mp4", "https://Media.Example.org/A.mp4"),
            ("  https://example.org/x?a=1&b=2#t=3\n", "https://example.org/x?a=1&b=2#t=3"),
            ("https://räksmörgås.se/evenemang/landet-lär", "https://räksmörgås.se/evenemang/landet-lär"),
            ("https://example.org:8443/v.mp4", "https://example.org:8443/v.mp4"),
            ("https://[2001:db8::1]:8080/v.mp4", "https://[2001:db8::1]:8080/v.mp4"),
            ("https://example.org/a%20b.mp4", "https://example.org/a%20b.mp4"),
        ]
        for (input, stored) in accepted {
            XCTAssertEqual(WebLink(input)?.text, stored, input)
        }
    }

    func testRefusesOtherSchemesHoweverTheyAreWritten() {
        let refused: [(String, WebLink.Problem)] = [
            ("javascript:alert(1)", .scheme("javascript")),
            ("JaVaScRiPt:alert(1)", .scheme("javascript")),
            (" \n javascript:alert(1)", .scheme("javascript")),
            ("vbscript:msgbox(1)", .scheme("vbscript")),
            ("data:text/html,<script>alert(1)</script>", .scheme("data")),
            ("data:text/html;base64,PHNjcmlwdD4=", .scheme("data")),
            ("file:///etc/passwd", .scheme("file")),
            ("ftp://example.org/x", .scheme("ftp")),
            ("https+javascript://x", .scheme("https+javascript")),
        ]
        for (input, problem) in refused {
            XCTAssertNil(WebLink(input), input)
            XCTAssertEqual(WebLink.parse(input).failure, problem, input)
        }
    }

    func testRefusesControlAndInvisibleCharactersAnywhere() {
        // Browsers drop tabs and newlines inside a URL and strip leading controls, so each of
        // these would run as javascript: if it were let through as "not http" text.
        for input in ["java\tscript:alert(1)", "java\nscript:alert(1)", "java\rscript:alert(1)", "\u{1}javascript:alert(1)",
                      "\u{0}https://example.org", "https://exa\u{200B}mple.org", "https://example.org/\u{202E}4pm.exe",
                      "https://example.org/a b", "https://example.org/\u{7F}", "https://example.org/\u{85}x",
                      "https://example.org\\@evil.example", "https://example.org/\"onmouseover=alert(1)",
                      "https://example.org/<script>", "https://example.org/{x}"] {
            guard case .forbiddenCharacter = WebLink.parse(input).failure else {
                return XCTFail("accepted or misjudged \(input.debugDescription): \(WebLink.parse(input))")
            }
        }
    }

    func testRefusesRelativeAndHostlessLinks() {
        let refused: [(String, WebLink.Problem)] = [
            ("", .empty), ("   ", .empty),
            ("//evil.example/video.mp4", .notAbsolute),
            ("/media/video.mp4", .notAbsolute),
            ("video.mp4", .notAbsolute),
            (":javascript:alert(1)", .notAbsolute),
            ("https:evil.example/video.mp4", .noAuthority),
            ("https:/evil.example/video.mp4", .noAuthority),
            ("https://", .noHost),
            ("https:///video.mp4", .noHost),
            ("https://:443/", .noHost),
            ("https://user:secret@example.org/", .userInfo),
            ("https://example.org@evil.example/", .userInfo),
            ("https://example.org:99999/", .badPort),
            ("https://example.org:8o/", .badPort),
            ("https://[::1/", .noHost),
            ("https://example.org/" + String(repeating: "a", count: WebLink.maximumBytes), .tooLong(bytes: WebLink.maximumBytes + 20)),
        ]
        for (input, problem) in refused {
            XCTAssertEqual(WebLink.parse(input).failure, problem, input)
        }
    }

    func testReplacingTheFragmentKeepsALink() {
        let link = WebLink("https://youtu.be/x?si=1#old")
        XCTAssertEqual(link?.replacingFragment(with: "t=75")?.text, "https://youtu.be/x?si=1#t=75")
        XCTAssertNil(link?.replacingFragment(with: "t 75"), "a fragment that breaks the rule is refused too")
    }

    func testProblemsReadWellAndQuoteNothingRaw() {
        XCTAssertEqual(WebLink.parse("javascript:alert(1)").failure?.description, "is a javascript: link")
        XCTAssertEqual(WebLink.parse("java\tscript:x").failure?.description,
                       "contains the invisible character U+9 at position 5; a link holds no blanks or control characters, and percent-encodes \"<>\\^`{|}")
        XCTAssertEqual(WebLink.parse("//evil.example/x").failure?.description, "is not an absolute link (it must start with https:// or http://)")
    }
}

extension Result {
    /// The error, or nil on success.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

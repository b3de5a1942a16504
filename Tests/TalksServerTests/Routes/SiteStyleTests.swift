import Foundation
import XCTest
@testable import TalksServer

/// The site's one look (`SiteStyle`): its palettes meet WCAG 2.1 AA, the pages add layout
/// but no colours of their own, and both pages (and the error page) carry it.
final class SiteStyleTests: XCTestCase {
    /// The `--name: #colour` declarations of the block after `marker` (a default inside
    /// `var(--host-accent, #1a6b3c)` counts).
    private func palette(after marker: String) throws -> [String: String] {
        let css = SiteStyle.css
        let start = try XCTUnwrap(css.range(of: marker), marker).upperBound
        let block = css[start...].prefix { $0 != "}" }
        var colours: [String: String] = [:]
        for declaration in block.split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            guard parts.count == 2, parts[0].hasPrefix("--") else { continue }
            let value = parts[1].split(separator: ",").last.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " )")) } ?? parts[1]
            if value.hasPrefix("#") { colours[String(parts[0].dropFirst(2))] = value }
        }
        return colours
    }

    /// Every text colour against the backgrounds it is shown on, light and dark, read from
    /// the CSS itself: 4.5:1 for text, 3:1 for field borders (1.4.11).
    func testThePalettesMeetWCAGAAContrast() throws {
        let pairs = [("fg", "bg"), ("muted", "bg"), ("muted", "panel"), ("accent", "bg"), ("accent", "panel"), ("on-accent", "accent"),
                     ("mark-fg", "mark-bg"), ("mark-fg", "mark-active-bg"), ("fg", "field"), ("muted", "field"),
                     ("fg", "current"), ("muted", "current"), ("accent", "current")]
        let light = try palette(after: ":root { color-scheme: light dark;")
        let dark = try palette(after: ":root[data-theme=dark] {")
        XCTAssertEqual(dark, try palette(after: ":root:not([data-theme=light]) {"), "the media query and data-theme=dark give one dark palette")
        for (name, colours) in [("light", light), ("dark", dark)] {
            for (text, background) in pairs {
                let ratio = SearchPage.contrast(try XCTUnwrap(colours[text], "\(name) \(text)"), try XCTUnwrap(colours[background], "\(name) \(background)"))
                XCTAssertGreaterThanOrEqual(ratio, 4.5, "\(name): \(text) on \(background)")
            }
            XCTAssertGreaterThanOrEqual(SearchPage.contrast(try XCTUnwrap(colours["field-line"]), try XCTUnwrap(colours["field"])), 3, "\(name): field borders")
        }
    }

    /// The page styles hold layout only: every colour comes from the shared palette (the
    /// video's black letterbox is the one literal).
    func testThePagesDefineNoColoursOfTheirOwn() throws {
        let pattern = try NSRegularExpression(pattern: "#[0-9a-fA-F]{3,8}\\b|rgb\\(|hsl\\(|font-family|prefers-color-scheme")
        for (name, css) in [("SearchPageStyle", SearchPageStyle.css), ("WatchPageStyle", WatchPageStyle.css)] {
            let found = pattern.matches(in: css, range: NSRange(css.startIndex..., in: css)).compactMap { Range($0.range, in: css).map { String(css[$0]) } }
            XCTAssertEqual(found.filter { $0 != "#000" }, [], name)
        }
    }

    /// The search page, the watch page and the error page all start their CSS with the site's.
    func testEveryPageCarriesTheSharedLook() throws {
        let directory = try SampleIndex.temporaryDirectory("site-style")
        try SampleIndex.commit(SampleIndex.episodes(), into: directory)
        let harness = try ServerHarness(handler: TalksRoutes(backend: IndexSearchBackend(directory: directory)))
        defer { harness.stop() }
        for path in ["/", "/?q=strategi", "/watch/landet-lar-55?t=106&q=strategi", "/watch/nope"] {
            let html = String(decoding: try harness.fetch(path).body, as: UTF8.self)
            XCTAssertTrue(html.contains("<style>\n" + SiteStyle.css), path)
        }
    }
}

import XCTest
import TalksModel
@testable import TalksIngest

final class EpisodePageReaderTests: XCTestCase {
    private func read(_ name: String) throws -> EpisodeMetadata {
        EpisodePageReader.read(try Fixtures.bytes("pages/" + name), file: name, defaultID: "landet-lar-55")
    }

    func testStructuredDataWinsAndChromeIsIgnored() throws {
        let metadata = try read("landet-lar-55.html")
        XCTAssertEqual(metadata.errors, [])
        let episode = try XCTUnwrap(metadata.episode)
        XCTAssertEqual(episode.id, "landet-lar-55")
        XCTAssertEqual(episode.title, "Landet lär: Om Vreta Kluster och de gröna klustren i Sverige")
        XCTAssertEqual(episode.series, "Landet lär")
        XCTAssertEqual(episode.date, "2022-10-19T12:00:00+02:00")
        XCTAssertEqual(episode.timestamp, 1_666_173_600)
        XCTAssertEqual(episode.language, "sv")
        XCTAssertEqual(episode.speakers, [Speaker(name: "Helene Oscarsson", organisation: "Vreta Kluster")])
        XCTAssertTrue(episode.description?.hasPrefix("Gröna kluster är regionala noder") ?? false, "\(episode.description ?? "")")
        XCTAssertEqual(episode.page?.text, "https://www.landsbygdsnatverket.se/evenemang/landet-lar-55")
        XCTAssertEqual(episode.tags, ["gröna kluster", "livsmedelsstrategi", "kompetensförsörjning"])
        XCTAssertTrue(metadata.warnings.isEmpty, "\(metadata.warnings)")
    }

    func testFallsBackToOpenGraphTimeAndSpeakerListWithoutStructuredData() throws {
        let metadata = EpisodePageReader.read(try Fixtures.bytes("pages/landet-lar-plain.html"), file: "plain.html", defaultID: "56-vatten")
        XCTAssertEqual(metadata.errors, [])
        let episode = try XCTUnwrap(metadata.episode)
        XCTAssertEqual(episode.title, "Vatten och torka i lantbruket")
        XCTAssertEqual(episode.date, "2022-11-02T12:00:00+01:00")
        XCTAssertEqual(episode.timestamp, 1_667_386_800)
        XCTAssertEqual(episode.speakers, [
            Speaker(name: "Per Andersson", organisation: "Hushållningssällskapet"),
            Speaker(name: "Karin Berg", organisation: "Jordbruksverket"),
        ])
        let description = try XCTUnwrap(episode.description)
        XCTAssertTrue(description.contains("Torkan 2018 lärde lantbruket mycket"), description)
        XCTAssertFalse(description.contains("kakor"), description)
        XCTAssertFalse(description.contains("Evenemang"), description)
        XCTAssertFalse(description.contains("info@example.org"), description)
        let warnings = metadata.warnings.map(\.message)
        XCTAssertTrue(warnings.contains { $0.hasPrefix("JSON-LD block ignored") }, "\(warnings)")
        XCTAssertTrue(warnings.contains { $0.contains("taken as Swedish time") }, "\(warnings)")
        XCTAssertEqual(metadata.warnings.first { $0.message.hasPrefix("JSON-LD") }?.line, 8)
    }

    func testMainTextSkipsNavigationCookieBannerAndFooter() throws {
        guard let document = MarkupDocument.html(try Fixtures.bytes("pages/landet-lar-55.html")),
            let main = document.select("//main").first
        else { return XCTFail("no main") }
        let text = try PageText.text(of: main)
        XCTAssertTrue(text.contains("Om Vreta Kluster och de gröna klustren i Sverige"))
        XCTAssertTrue(text.contains("en företagspark med 150 personer i 30 företag"))
        XCTAssertFalse(text.contains("Dela:"))
        let body = try PageText.text(of: try XCTUnwrap(document.select("//body").first))
        XCTAssertFalse(body.contains("kakor (cookies)"), body)
        XCTAssertFalse(body.contains("Huvudmeny"), body)
        XCTAssertFalse(body.contains("Tillgänglighetsredogörelse"), body)
        XCTAssertFalse(body.contains("Fler evenemang"), body)
        XCTAssertTrue(body.contains("Anmäl dig senast den 17 oktober."), body)
    }

    func testSpeakerListHeadingIsFoundOnTheStructuredPageToo() throws {
        guard let document = MarkupDocument.html(try Fixtures.bytes("pages/landet-lar-55.html")) else { return XCTFail() }
        let speakers = try PageFacts.speakerList(document: document, scope: document.select("//main").first)
        XCTAssertEqual(speakers, [
            Speaker(name: "Helene Oscarsson", organisation: "Vreta Kluster"),
            Speaker(name: "Anna Lindqvist", organisation: "Landsbygdsnätverket (moderator)"),
        ])
    }

    func testPageWithoutTitleIsAnError() throws {
        let metadata = EpisodePageReader.read(try Fixtures.bytes("pages/no-title.html"), file: "no-title.html", defaultID: "x")
        XCTAssertNil(metadata.episode)
        XCTAssertEqual(metadata.errors.count, 1)
        XCTAssertTrue(metadata.errors.first?.message.hasPrefix("no title found") ?? false)
    }

    func testUnreadableDateNamesTheElementLine() throws {
        let metadata = EpisodePageReader.read(try Fixtures.bytes("pages/bad-date.html"), file: "bad-date.html", defaultID: "x")
        XCTAssertNil(metadata.episode)
        XCTAssertEqual(metadata.errors.first?.line, 4)
        XCTAssertTrue(metadata.errors.first?.message.contains("'i höst'") ?? false, "\(metadata.errors)")
    }

    func testGarbageAndEmptyInputNeverCrash() {
        for bytes: [UInt8] in [[], [0], [0xFF, 0xFE, 0x00], Array("<<<>>><html".utf8), Array(String(repeating: "<div>", count: 20_000).utf8)] {
            let metadata = EpisodePageReader.read(bytes, file: "x.html", defaultID: "x")
            XCTAssertNil(metadata.episode)
            XCTAssertFalse(metadata.errors.isEmpty)
        }
    }
}

import TalksModel
import XCTest
@testable import TalksIndexing

/// How transcript names join the metadata's speakers (`EpisodeSpeakers`).
final class EpisodeSpeakersTests: XCTestCase {
    private func merge(_ metadata: [String], _ cueSpeakers: [String?]) -> (speakers: [String], cues: [String?]) {
        let episode = Episode(id: "e", title: "T", speakers: metadata.map { Speaker(name: $0) })
        let cues = cueSpeakers.enumerated().map { Cue(start: Double($0.offset), end: Double($0.offset) + 1, speaker: $0.element, text: "ord") }
        let merged = EpisodeSpeakers.merge(episode, cues: cues)
        return (merged.episode.speakers.map(\.name), merged.cues.map(\.speaker))
    }

    func testCaseSpacingAndUniquePartsAreTheMetadataPerson() {
        let result = merge(["Karin Lindqvist", "Jonas Ek"], ["KARIN  LINDQVIST", "Karin", "jonas ek", "Lindqvist", "Helene Oscarsson", nil])
        XCTAssertEqual(result.speakers, ["Karin Lindqvist", "Jonas Ek", "Helene Oscarsson"])
        XCTAssertEqual(result.cues, ["Karin Lindqvist", "Karin Lindqvist", "Jonas Ek", "Karin Lindqvist", "Helene Oscarsson", nil],
                       "with several speakers an unattributed cue stays unattributed")
    }

    func testAnAmbiguousPartIsASpeakerOfItsOwn() {
        let result = merge(["Karin Lindqvist", "Karin Berg"], ["Karin", "karin berg"])
        XCTAssertEqual(result.speakers, ["Karin Lindqvist", "Karin Berg", "Karin"])
        XCTAssertEqual(result.cues, ["Karin", "Karin Berg"])
        // "Berg" is a whole word of one name only; "Ber" is no word of any.
        XCTAssertEqual(merge(["Karin Berg", "Anna Bergström"], ["Berg", "Ber"]).speakers, ["Karin Berg", "Anna Bergström", "Ber"])
    }

    func testTranscriptOnlyNamesKeepTheirFirstSpelling() {
        let result = merge([], ["Maja Ström", "MAJA STRÖM", "Olof Berg"])
        XCTAssertEqual(result.speakers, ["Maja Ström", "Olof Berg"])
        XCTAssertEqual(result.cues, ["Maja Ström", "Maja Ström", "Olof Berg"])
    }

    func testALoneSpeakerSaysTheUnattributedCues() {
        XCTAssertEqual(merge(["Per Ahlström"], [nil, nil]).cues, ["Per Ahlström", "Per Ahlström"])
        // One metadata speaker, but the transcript names another: no one gets the rest.
        XCTAssertEqual(merge(["Per Ahlström"], ["Lena Holm", nil]).cues, ["Lena Holm", nil])
        XCTAssertEqual(merge([], [nil]).speakers, [])
    }
}

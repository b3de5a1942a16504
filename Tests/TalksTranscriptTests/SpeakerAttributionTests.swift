import TalksModel
import XCTest
@testable import TalksTranscript

/// Speaker attribution from `Name:` prefixes and speaker-change marks, on fixtures and on
/// small hand-made cue lists.
final class SpeakerAttributionTests: XCTestCase {
    func testNamePrefixesAreAttributedOnlyWhenUnambiguous() throws {
        let transcript = try TranscriptReader.read(TestData.fixture("name-prefixes.vtt"), format: .webVTT, file: "n.vtt")
        XCTAssertEqual(transcript.cues.map(\.speaker), ["Helene Oscarsson", "ANNA", nil, nil])
        XCTAssertEqual(transcript.cues.map(\.text), [
            "Välkomna allihop.",
            "Tack! Vi börjar kl. 12:30 i dag.",
            "Det var så här: vi startade 2019.",
            "Och sedan fortsatte vi.",
        ])
    }

    func testChangeMarksInheritButNeverAcrossAnotherVoice() throws {
        let transcript = try TranscriptReader.read(TestData.fixture("change-marks.vtt"), format: .webVTT, file: "c.vtt")
        XCTAssertEqual(transcript.cues.map(\.speaker), [
            "HELENE OSCARSSON", "HELENE OSCARSSON", nil, nil, "ANNA BERG", "Bo Ek", nil,
        ])
        XCTAssertEqual(transcript.cues.map(\.text), [
            "Välkomna.", "Vi ska prata om kluster.", "Tack. Jag har en fråga.", "Hur många företag finns i parken?",
            "Jättebra fråga.", "Får jag flika in?", "Det gäller upphandling.",
        ])
    }

    func testPrefixRecognition() {
        func name(_ text: String) -> String? { SpeakerPrefix.namePrefix(in: text)?.name }
        XCTAssertEqual(name("Helene Oscarsson: Välkomna"), "Helene Oscarsson")
        XCTAssertEqual(name("HELENE: Hej"), "HELENE")
        XCTAssertEqual(name("Anna-Karin Öberg: Ja"), "Anna-Karin Öberg")
        XCTAssertEqual(name("Ärla: Ja"), "Ärla")
        XCTAssertEqual(name("Anna Maria Berg Ek: Ja"), "Anna Maria Berg Ek")
        XCTAssertEqual(SpeakerPrefix.namePrefix(in: "Bo:\nnästa rad")?.rest, "\nnästa rad")
        XCTAssertNil(name("Anna Maria Berg Ek Lind: för många ord"))
        XCTAssertNil(name("kl. 12:30 börjar vi"))
        XCTAssertNil(name("Kl 12:30 börjar vi"))
        XCTAssertNil(name("Det var så här: vi började"))
        XCTAssertNil(name("Det: är inget namn"))
        XCTAssertNil(name("Obs: viktigt"))
        XCTAssertNil(name("Agtech 2030: ett program"))
        XCTAssertNil(name("Se https://example.se för mer"))
        XCTAssertNil(name("Helene:Oscarsson"))
        XCTAssertNil(name(" Helene: mellanslag först"))
        XCTAssertNil(name("Helene , Bo: komma"))
        XCTAssertNil(name("Ingen kolon alls"))
    }

    func testWithoutConsistentMarksNothingIsInherited() {
        // Marks of two kinds: not a consistent convention.
        let mixed = SpeakerAttribution.attribute([
            .init(voice: nil, text: "- ANNA: Hej"),
            .init(voice: nil, text: "fortsätter"),
            .init(voice: nil, text: ">> BO: Hallå"),
            .init(voice: nil, text: "fortsätter"),
        ])
        XCTAssertEqual(mixed.map(\.speaker), ["ANNA", nil, "BO", nil])
        // A name without a mark shows the marks are not systematic.
        let unmarkedName = SpeakerAttribution.attribute([
            .init(voice: nil, text: ">> ANNA: Hej"),
            .init(voice: nil, text: "BO: Hallå"),
            .init(voice: nil, text: ">> Tjena"),
            .init(voice: nil, text: "fortsätter"),
        ])
        XCTAssertEqual(unmarkedName.map(\.speaker), ["ANNA", "BO", nil, nil])
        // A single mark is not a convention either.
        let single = SpeakerAttribution.attribute([
            .init(voice: nil, text: "- ANNA: Hej"),
            .init(voice: nil, text: "fortsätter"),
        ])
        XCTAssertEqual(single.map(\.speaker), ["ANNA", nil])
    }

    func testDashMarksAndSameVoiceKeepInheritance() {
        let outputs = SpeakerAttribution.attribute([
            .init(voice: nil, text: "- Helene Oscarsson: Hej"),
            .init(voice: nil, text: "och välkomna"),
            .init(voice: "Helene Oscarsson", text: "Vi börjar"),
            .init(voice: nil, text: "nu direkt"),
            .init(voice: nil, text: "- Bo: Tack"),
        ])
        XCTAssertEqual(outputs.map(\.speaker), ["Helene Oscarsson", "Helene Oscarsson", "Helene Oscarsson",
                                                "Helene Oscarsson", "Bo"])
        XCTAssertEqual(outputs.map(\.text), ["Hej", "och välkomna", "Vi börjar", "nu direkt", "Tack"])
    }

    func testSwedishEnDashAndTightChevronsAreChangeMarks() {
        XCTAssertEqual(SpeakerPrefix.changeMark(in: "– Hej!").0, .enDash)
        XCTAssertEqual(SpeakerPrefix.changeMark(in: ">>HELENE: Hej").1, "HELENE: Hej")
        XCTAssertNil(SpeakerPrefix.changeMark(in: ">>> citat").0)
        XCTAssertNil(SpeakerPrefix.changeMark(in: "-5 grader").0)
        let outputs = SpeakerAttribution.attribute([
            .init(voice: nil, text: "– Vi har torka i år."),
            .init(voice: nil, text: "Vattnet räcker inte."),
            .init(voice: nil, text: "– Bo Ek: Det stämmer."),
            .init(voice: nil, text: "Vi får borra nya brunnar."),
        ])
        XCTAssertEqual(outputs.map(\.speaker), [nil, nil, "Bo Ek", "Bo Ek"])
        XCTAssertEqual(outputs.map(\.text), ["Vi har torka i år.", "Vattnet räcker inte.", "Det stämmer.",
                                             "Vi får borra nya brunnar."])
    }
}

import TalksModel
import XCTest
@testable import TalksTranscript

/// Zoom and Microsoft Teams transcripts as those tools export them: speakers are found on
/// every cue they are named on (names with diacritics, hyphens, particles and an affiliation
/// in parentheses), never in a colon that is not after a name, and across a Teams utterance
/// split over several cue ids. The transcript's speakers are listed once each.
final class MeetingTranscriptTests: XCTestCase {
    func testZoomNamePrefixes() throws {
        let transcript = try TranscriptReader.read(TestData.fixture("zoom-meeting.vtt"), format: .webVTT, file: "zoom.vtt")
        XCTAssertEqual(transcript.diagnostics, [])
        XCTAssertEqual(transcript.notes, [])
        XCTAssertEqual(transcript.cues.map(\.id), (1...15).map(String.init))
        XCTAssertEqual(transcript.cues.map(\.speaker), [
            "Åsa Öberg-Lindqvist", "Åsa Öberg-Lindqvist", "Åsa Öberg-Lindqvist",
            "Karl-Johan Åkesson", "Karl-Johan Åkesson", "Karl-Johan Åkesson",
            "Anna-Karin af Klercker", "Anna-Karin af Klercker",
            "Karl-Johan Åkesson", "Karl-Johan Åkesson",
            "Lena Holm (LRF)", "Lena Holm (LRF)",
            nil,
            "Anna-Karin af Klercker", "Åsa Öberg-Lindqvist",
        ])
        XCTAssertEqual(transcript.cues.map(\.text), [
            "Hej allihop och välkomna till dagens möte om vattnet i Kinda.",
            "Vi spelar in, så stäng av kameran om ni inte vill synas.",
            "Med oss i dag har vi Karl-Johan från Hushållningssällskapet\noch Anna-Karin från länsstyrelsen.",
            "Tack, Åsa. Ja, jag tänkte börja med läget just nu.",
            "Grundvattennivåerna är under det normala i hela länet:\ndet gäller särskilt de små magasinen.",
            "Klockan 14:30 i går låg Stångån på den lägsta nivån sedan 2018.",
            "Får jag flika in där?",
            "Det viktiga är: vem har rätt att ta ut vatten när det är ont om det?",
            "Ja, precis.",
            "Ja, precis. Det är den frågan vi får oftast.",
            "Från vårt håll ser vi att många vill bygga bevattningsdammar.",
            "Men tillståndsprocessen tar lång tid, ofta mer än ett år.",
            "Fråga från chatten: hur lång tid tar en anmälan om vattenverksamhet?",
            "En anmälan handläggs normalt inom åtta veckor.",
            "Tack! Då tar vi en kort paus och ses igen 14:45.",
        ])
        XCTAssertEqual(transcript.speakers, ["Åsa Öberg-Lindqvist", "Karl-Johan Åkesson", "Anna-Karin af Klercker", "Lena Holm (LRF)"])
    }

    func testTeamsVoicesAndUtterancesSplitOverCues() throws {
        let transcript = try TranscriptReader.read(TestData.fixture("teams-meeting.vtt"), format: .webVTT, file: "teams.vtt")
        XCTAssertEqual(transcript.diagnostics, [])
        XCTAssertEqual(transcript.cues.first?.id, "3f9a1c2e-7b4d-4e8a-9c1f-2d3e4f5a6b7c/12-0")
        XCTAssertEqual(transcript.cues.map(\.speaker), [
            "Åsa Öberg-Lindqvist", "Åsa Öberg-Lindqvist", "Åsa Öberg-Lindqvist",
            "Karl-Johan Åkesson (Extern)", "Karl-Johan Åkesson (Extern)",
            "Karl-Johan Åkesson (Extern)",  // …/3-2 has no voice span: the rest of utterance 3
            "Strand, Eva", "Karl-Johan Åkesson (Extern)", "Strand, Eva",
            nil,  // …/9-0 is a new utterance without a voice: nobody is guessed
            "Åsa Öberg-Lindqvist", "Karl-Johan Åkesson (Extern)", "Karl-Johan Åkesson (Extern)",
        ])
        XCTAssertEqual(transcript.cues[0].text, "Hej allihop, vi väntar en minut till\nså att alla hinner ansluta.")
        XCTAssertEqual(transcript.cues[5].text, "och den ger ungefär fyra gigawattimmar om året.")
        XCTAssertEqual(transcript.cues[7].text, "Det tog fjorton månader. Det är: den stora flaskhalsen i dag.")
        XCTAssertEqual(transcript.cues[9].text, "Fråga från chatten: gäller det även mindre anläggningar på gårdar?")
        XCTAssertEqual(transcript.speakers, ["Åsa Öberg-Lindqvist", "Karl-Johan Åkesson (Extern)", "Strand, Eva"])
    }

    func testTeamsUtteranceKeys() {
        XCTAssertEqual(SpeakerAttribution.utteranceKey(of: "3f9a1c2e-7b4d-4e8a-9c1f-2d3e4f5a6b7c/12-0"),
                       "3f9a1c2e-7b4d-4e8a-9c1f-2d3e4f5a6b7c/12")
        XCTAssertNil(SpeakerAttribution.utteranceKey(of: "12"))
        XCTAssertNil(SpeakerAttribution.utteranceKey(of: "/12-0"))
        XCTAssertNil(SpeakerAttribution.utteranceKey(of: "abc/12-"))
        XCTAssertNil(SpeakerAttribution.utteranceKey(of: "abc/-0"))
        XCTAssertNil(SpeakerAttribution.utteranceKey(of: "abc/x-0"))
        XCTAssertNil(SpeakerAttribution.utteranceKey(of: "intro-1"))
        // Only the same utterance continues a speaker; the next utterance does not.
        let outputs = SpeakerAttribution.attribute([
            .init(voice: "Eva Strand", text: "Vi börjar", id: "c0ffee/1-0"),
            .init(voice: nil, text: "med vattnet", id: "c0ffee/1-1"),
            .init(voice: nil, text: "och sedan?", id: "c0ffee/2-0"),
            .init(voice: nil, text: "okänd", id: nil),
        ])
        XCTAssertEqual(outputs.map(\.speaker), ["Eva Strand", "Eva Strand", nil, nil])
    }

    func testNamesWithParticlesAndAffiliations() {
        func name(_ text: String) -> String? { SpeakerPrefix.namePrefix(in: text)?.name }
        XCTAssertEqual(name("Anna-Karin af Klercker: Ja"), "Anna-Karin af Klercker")
        XCTAssertEqual(name("Jan van der Berg: Ja"), "Jan van der Berg")
        XCTAssertEqual(name("Lena Holm (LRF): Ja"), "Lena Holm (LRF)")
        XCTAssertEqual(name("Åsa Öberg-Lindqvist (Region Östergötland): Ja"), "Åsa Öberg-Lindqvist (Region Östergötland)")
        XCTAssertNil(name("af Klercker: particle first"))
        XCTAssertNil(name("Anna af: particle last"))
        XCTAssertNil(name("Fråga från chatten: hur gör man?"))
        XCTAssertNil(name("Fråga (från chatten): hur gör man?"))
        XCTAssertNil(name("Viktigt: glöm inte anmälan"))
        XCTAssertNil(name("Bild (3): kartan"))
        XCTAssertNil(name("Lena Holm (): tomt"))
        XCTAssertNil(name("Lena Holm(LRF): utan mellanslag"))
        XCTAssertNil(name("(LRF): bara organisation"))
        XCTAssertNil(name("Eva och Bo: två personer"))
    }
}

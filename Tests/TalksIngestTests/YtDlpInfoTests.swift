import XCTest
import TalksModel
@testable import TalksIngest

/// What `talks import-ytdlp` reads from a yt-dlp info.json and a folder's subtitle names:
/// the episode id, the date, the chapters, and which track is preferred.
final class YtDlpInfoTests: XCTestCase {
    private func info(_ json: String, series: String? = nil) -> (YtDlpInfo?, [Diagnostic]) {
        YtDlpInfo.read(Array(json.utf8), file: "v.info.json", series: series)
    }

    func testEpisodeIDsAreStableFolderSafeAndDistinct() {
        XCTAssertEqual(YtDlpEpisodeID.make(videoID: "aB3dE5fG7hJ", extractor: "youtube"), "youtube-aB3dE5fG7hJ")
        XCTAssertEqual(YtDlpEpisodeID.make(videoID: "-x_Y9", extractor: "Youtube"), "youtube--x_Y9")
        XCTAssertEqual(YtDlpEpisodeID.make(videoID: "76979871", extractor: "vimeo"), "vimeo-76979871")
        XCTAssertEqual(YtDlpEpisodeID.make(videoID: "../../etc", extractor: nil), "video-.2E.2E.2F.2E.2E.2Fetc")
        XCTAssertEqual(YtDlpEpisodeID.make(videoID: "a.b", extractor: "generic"), "generic-a.2Eb")
        XCTAssertNotEqual(YtDlpEpisodeID.make(videoID: "a/b", extractor: nil), YtDlpEpisodeID.make(videoID: "a.2Fb", extractor: nil))
        let long = String(repeating: "x", count: 300)
        let id = YtDlpEpisodeID.make(videoID: long, extractor: "generic")
        XCTAssertEqual(id.utf8.count, EpisodeID.maximumLength)
        XCTAssertNotEqual(id, YtDlpEpisodeID.make(videoID: long + "y", extractor: "generic"))
        for videoID in ["aB3dE5fG7hJ", "../../etc", "å ä ö", long, ""] {
            XCTAssertNil(EpisodeID.problem(with: YtDlpEpisodeID.make(videoID: videoID, extractor: "youtube")), videoID)
        }
    }

    func testTheDateComesFromTheMostPreciseField() throws {
        let cases: [(String, String?, Int64?)] = [
            (#""release_timestamp": 1729072800, "timestamp": 1729000000, "upload_date": "20241015""#, "2024-10-16T10:00:00Z", 1_729_072_800),
            (#""timestamp": 1705316400.7, "upload_date": "20240115""#, "2024-01-15T11:00:00Z", 1_705_316_400),
            (#""upload_date": "20240229""#, "2024-02-29", 1_709_164_800),
            (#""release_date": "19991231""#, "1999-12-31", 946_598_400),
            (#""upload_date": "20230229""#, nil, nil),
            (#""timestamp": 1e300"#, nil, nil),
        ]
        for (fields, date, timestamp) in cases {
            let (read, diagnostics) = info(#"{"id": "v", "title": "T", \#(fields)}"#)
            let episode = try XCTUnwrap(read?.episode)
            XCTAssertEqual(episode.date, date, fields)
            XCTAssertEqual(episode.timestamp, timestamp, fields)
            XCTAssertEqual(diagnostics.count, date == nil ? 1 : 0, "\(fields): \(diagnostics)")
            if let date { XCTAssertNoThrow(try ISO8601Date.parse(date).get(), "the reader takes what import writes") }
        }
    }

    func testChaptersFromStartTimesWithBadEntriesLeftOut() throws {
        let json = """
            {"id": "v", "title": "T", "chapters": [
              {"start_time": 95.0, "end_time": 200.0, "title": "Huvuddel"},
              {"start_time": 0.0, "end_time": 95.0, "title": "Inledning"},
              {"start_time": "tio", "title": "Fel"},
              {"start_time": 120.0, "title": ""},
              {"start_time": -1, "title": "Före"}
            ]}
            """
        let (read, diagnostics) = info(json)
        XCTAssertEqual(read?.episode.chapters, [Chapter(start: 0, title: "Inledning"), Chapter(start: 95, title: "Huvuddel")])
        XCTAssertEqual(diagnostics.map { "\($0.line ?? 0): \($0.message)" }, [
            "4: chapter 3 has no 'start_time' in seconds; left out",
            "6: chapter 5: 'start_time' must be 0 or more seconds; left out",
            "5: chapter 4 has an empty title; left out",
        ])
    }

    func testWhatIsNotAVideoGivesNoEpisode() {
        for (json, severity, message) in [
            ("[1, 2]", Diagnostic.Severity.error, "not a yt-dlp info.json: the top level must be an object"),
            (#"{"title": "T"}"#, .error, "not a yt-dlp info.json of a video: no 'id'"),
            (#"{"id": "v", "title": "  "}"#, .error, "video 'v' has no 'title'; not imported"),
            (#"{"id": "PL1", "title": "Spellista", "_type": "playlist"}"#, .note, "the info.json of a 'playlist'"),
            ("{\"id\": \"v\",\n\"title\": }", .error, "not a yt-dlp info.json: invalid JSON: line 2"),
        ] {
            let (read, diagnostics) = info(json)
            XCTAssertNil(read, json)
            XCTAssertEqual(diagnostics.map(\.severity), [severity], json)
            XCTAssertTrue(diagnostics.first?.message.hasPrefix(message) == true, "\(json): \(diagnostics)")
        }
    }

    func testSeriesIsTheOptionThenTheChannelThenTheUploader() {
        let both = #"{"id": "v", "title": "T", "channel": "Kanalen", "uploader": "Uppladdaren"}"#
        XCTAssertEqual(info(both).0?.episode.series, "Kanalen")
        XCTAssertEqual(info(#"{"id": "v", "title": "T", "uploader": "Uppladdaren"}"#).0?.episode.series, "Uppladdaren")
        XCTAssertEqual(info(both, series: "Landet lär").0?.episode.series, "Landet lär")
    }

    func testHumanTracksComeFirstThenOrigThenThePlainLanguageThenWebVTT() throws {
        let json = #"{"id": "v", "title": "T", "subtitles": {"sv-SE": [], "sv": []}, "automatic_captions": {"sv-orig": [], "sv": [], "svx": []}}"#
        let read = try XCTUnwrap(info(json).0)
        let names = ["T [v].sv-orig.vtt", "T [v].sv.srt", "T [v].sv-SE.vtt", "T [v].sv.vtt", "T [v].sv-x-auto.vtt",
                     "T [v].en.vtt", "T [v].info.json", "T [v].webp", "T [v].sv.vtt.part", "Annan [w].sv.vtt", "T [v]..vtt"]
        let tracks = names.compactMap { YtDlpSubtitleTrack.parse(fileName: $0, base: "T [v]", info: read) }.filter { $0.isIn("sv") }
        let ordered = tracks.sorted { $0.isPreferred(to: $1) }
        XCTAssertEqual(ordered.map(\.fileName), ["T [v].sv.vtt", "T [v].sv.srt", "T [v].sv-SE.vtt", "T [v].sv-x-auto.vtt", "T [v].sv-orig.vtt"])
        XCTAssertEqual(ordered.map(\.kind), [.human, .human, .human, .unknown, .automatic])
        XCTAssertEqual(tracks.count, 5, "svx is another language, and .part, .webp and an empty tag are not tracks")
    }
}

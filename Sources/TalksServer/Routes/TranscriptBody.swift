import TalksModel
import TalksSearch

/// The body of `/episodes/{id}/transcript`: the cues written as WebVTT or as JSON, part by
/// part while the server sends them (an `HTTPBodyStream`), each cue read from the index
/// just before it is written.
///
/// A transcript may have 100,000 cues and 60 MB of text. Built whole, it held a worker for
/// seconds and lived in memory as cues, a string and the response bytes at once; streamed,
/// each part costs a fraction of a millisecond and the server answers other requests
/// between parts. The bytes are the same as writing the whole document: WebVTT from
/// `WebVTTWriter`, JSON `{"episode_id": …, "cues": [Cue.jsonValue …]}` from `JSONWriter`.
///
/// `@unchecked Sendable`: the server calls a body from one thread at a time, and hands the
/// connection that owns it between threads through its locked queues.
final class TranscriptBody: HTTPBodyStream, @unchecked Sendable {
    enum Format {
        case webVTT
        case json
    }

    private let cues: TranscriptCues
    private let format: Format
    private let episodeID: String
    /// The next cue to write.
    private var next = 0
    private var begun = false

    init(cues: TranscriptCues, format: Format, episodeID: String) {
        self.cues = cues
        self.format = format
        self.episodeID = episodeID
    }

    func nextPart(into buffer: inout [UInt8], preferredBytes: Int) throws -> Bool {
        let start = buffer.count
        if !begun {
            begun = true
            switch format {
            case .webVTT:
                buffer.append(contentsOf: WebVTTWriter.header)
            case .json:
                buffer.append(contentsOf: "{\"episode_id\":\(JSONWriter().string(.string(episodeID))),\"cues\":[".utf8)
            }
        }
        while next < cues.count && buffer.count - start < preferredBytes {
            let cue = try cues.cue(next)
            switch format {
            case .webVTT:
                WebVTTWriter.append(cue, to: &buffer)
            case .json:
                if next > 0 { buffer.append(UInt8(ascii: ",")) }
                buffer.append(contentsOf: JSONWriter().string(cue.jsonValue).utf8)
            }
            next += 1
        }
        guard next >= cues.count else { return true }
        if format == .json { buffer.append(contentsOf: "]}".utf8) }
        return false
    }
}

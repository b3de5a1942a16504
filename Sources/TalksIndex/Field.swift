/// The indexed fields of an episode.
///
/// `transcript` is indexed per cue (its documents are cue ordinals); the other fields are
/// indexed per episode (their documents are episode ordinals). The raw value is the field's
/// number in the on-disk format (see FORMAT.md, "Streams"), so never reorder the cases.
public enum Field: UInt8, Sendable, CaseIterable {
    case title, description, speakers, tags, series, transcript

    /// The metadata fields, indexed per episode.
    public static let episodeFields: [Field] = [.title, .description, .speakers, .tags, .series]

    /// Whether documents of this field are cues (true) or episodes (false).
    public var isPerCue: Bool { self == .transcript }
}

/// A postings stream inside a segment: one per field plus the per-episode aggregate of the
/// transcript. Stream numbers 0–5 equal `Field.rawValue`; 6 is `episodeTranscript`.
@usableFromInline
enum Stream: Int, CaseIterable {
    case title = 0, description, speakers, tags, series, transcript, episodeTranscript

    init(_ field: Field) {
        switch field {
        case .title: self = .title
        case .description: self = .description
        case .speakers: self = .speakers
        case .tags: self = .tags
        case .series: self = .series
        case .transcript: self = .transcript
        }
    }

    /// Whether the stream stores positions (everything but the episode aggregate).
    var hasPositions: Bool { self != .episodeTranscript }

    static let count = 7

    /// The stream as error messages name it.
    var name: String {
        switch self {
        case .title, .description, .speakers, .tags, .series: return "\(self)"
        case .transcript: return "transcript (per cue)"
        case .episodeTranscript: return "transcript (per episode)"
        }
    }
}

/// The indexed fields of an episode.
///
/// `transcript` is indexed per cue (its documents are cue ordinals); the other fields are
/// indexed per episode (their documents are episode ordinals). The raw value is the field's
/// number in the on-disk format (see FORMAT.md, "Streams"), so never reorder the cases:
/// a new field is added after the last.
public enum Field: UInt8, Sendable, CaseIterable {
    case title, description, speakers, tags, series, transcript
    /// The titles of the recording's chapters (format version 2), one value per chapter.
    case chapters

    /// The metadata fields, indexed per episode, in the order the `.lengths` file keeps them.
    public static let episodeFields: [Field] = [.title, .description, .speakers, .tags, .series, .chapters]

    /// Whether documents of this field are cues (true) or episodes (false).
    public var isPerCue: Bool { self == .transcript }

    /// The field's place in `episodeFields` (the row of `.lengths` section 0, the slot of an
    /// analysed episode's field streams); 0 for the transcript, which has none.
    var episodeFieldSlot: Int {
        switch self {
        case .title: return 0
        case .description: return 1
        case .speakers: return 2
        case .tags: return 3
        case .series: return 4
        case .chapters: return 5
        case .transcript: return 0
        }
    }
}

/// A postings stream inside a segment: one per field plus the per-episode aggregate of the
/// transcript. Stream numbers 0–5 equal `Field.rawValue`; 6 is `episodeTranscript`; 7 is
/// the chapter titles (added in format version 2 after the existing streams).
@usableFromInline
enum Stream: Int, CaseIterable {
    case title = 0, description, speakers, tags, series, transcript, episodeTranscript, chapters

    init(_ field: Field) {
        switch field {
        case .title: self = .title
        case .description: self = .description
        case .speakers: self = .speakers
        case .tags: self = .tags
        case .series: self = .series
        case .transcript: self = .transcript
        case .chapters: self = .chapters
        }
    }

    /// Whether the stream stores positions (everything but the episode aggregate).
    var hasPositions: Bool { self != .episodeTranscript }

    static let count = 8

    /// The stream as error messages name it.
    var name: String {
        switch self {
        case .title, .description, .speakers, .tags, .series, .chapters: return "\(self)"
        case .transcript: return "transcript (per cue)"
        case .episodeTranscript: return "transcript (per episode)"
        }
    }
}

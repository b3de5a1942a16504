import TalksIndex
import TalksModel

/// Writes a generation of the index as newline-delimited JSON in the bulk format of
/// OpenSearch and Elasticsearch (`POST _bulk`): the way out to a distributed engine when an
/// archive outgrows one machine (README, "Running on more than one machine").
///
/// Two indexes: `<prefix>-episodes`, one document per live episode (its metadata, chapters and
/// cue count), and `<prefix>-cues`, one document per cue with its episode's searchable fields
/// repeated and the title of the chapter the cue starts in, so that a hit is a moment, as in
/// talks, and filters need no join:
///
/// ```
/// {"index":{"_index":"talks-cues","_id":"landet-lar-55/18"}}
/// {"episode_id":"landet-lar-55","series":"Landet lär","number":55,"title":"…","date":"2022-10-19T12:00:00+02:00",
///  "tags":["kluster"],"episode_speakers":["Helene Oscarsson"],"cue":18,"start":106.6,"end":110.8,
///  "speaker":"Helene Oscarsson","text":"…","url":"https://media.example.org/landet-lar/55.mp4#t=106",
///  "chapter":null}
/// ```
/// It reads the index, not the archive, so what is exported is what talks serves, deep
/// links included (at the cue's start, in the player's form or the episode's `link_template`). Each episode's lines are written as soon as its cues are read, so memory
/// holds every episode's metadata (for the sort by date) and one transcript at a time.
public enum BulkExport {
    /// What an export wrote.
    public struct Summary: Sendable, Equatable {
        public var episodes: Int
        public var cues: Int
    }

    /// Writes every live episode of `reader`'s generation, sorted by date then id, through
    /// `write` (called once per episode with its lines, each ending in a newline).
    public static func export(
        _ reader: IndexReader, prefix: String, write: (String) -> Void
    ) throws(IndexError) -> Summary {
        var summary = Summary(episodes: 0, cues: 0)
        var live: [(segment: SegmentReader, ordinal: Int, episode: Episode)] = []
        for segment in reader.segments {
            for ordinal in 0..<segment.episodeCount where !segment.isDeleted(episode: ordinal) {
                live.append((segment, ordinal, try segment.episode(ordinal)))
            }
        }
        live.sort { ($0.episode.timestamp ?? 0, $0.episode.id) < ($1.episode.timestamp ?? 0, $1.episode.id) }
        let json = JSONWriter()
        for item in live {
            let episode = item.episode
            let cues = item.segment.cueRange(ofEpisode: item.ordinal)
            var text = action(index: prefix + "-episodes", id: episode.id, json: json)
            text += json.string(episodeDocument(episode, cueCount: cues.count)) + "\n"
            let link = DeepLink.Resolved(DeepLink.Source(episode: episode))
            for (number, ordinal) in cues.enumerated() {
                let cue = try item.segment.cue(ordinal)
                text += action(index: prefix + "-cues", id: episode.id + "/" + String(number), json: json)
                text += json.string(cueDocument(cue, number: number, of: episode, url: link.url(seconds: cue.start))) + "\n"
            }
            write(text)
            summary.episodes += 1
            summary.cues += cues.count
        }
        return summary
    }

    private static func action(index: String, id: String, json: JSONWriter) -> String {
        json.string(.object([JSONMember("index", .object([
            JSONMember("_index", .string(index)), JSONMember("_id", .string(id)),
        ]))])) + "\n"
    }

    private static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    static func episodeDocument(_ episode: Episode, cueCount: Int) -> JSONValue {
        .object([
            JSONMember("id", .string(episode.id)),
            JSONMember("series", optional(episode.series)),
            JSONMember("number", episode.number.map { .integer(Int64($0)) } ?? .null),
            JSONMember("title", .string(episode.title)),
            JSONMember("date", optional(episode.date)),
            JSONMember("language", .string(episode.language)),
            JSONMember("speakers", .array(episode.speakers.map { speaker in
                .object([JSONMember("name", .string(speaker.name)), JSONMember("organisation", optional(speaker.organisation))])
            })),
            JSONMember("description", optional(episode.description)),
            JSONMember("recording", optional(episode.recording?.text)),
            JSONMember("page", optional(episode.page?.text)),
            JSONMember("tags", .array(episode.tags.map(JSONValue.string))),
            JSONMember("duration", episode.duration.map(JSONValue.number) ?? .null),
            JSONMember("chapters", .array(episode.chapters.map { chapter in
                .object([JSONMember("start", .number(chapter.start)), JSONMember("title", .string(chapter.title))])
            })),
            JSONMember("cues", .integer(Int64(cueCount))),
        ])
    }

    static func cueDocument(_ cue: Cue, number: Int, of episode: Episode, url: WebLink?) -> JSONValue {
        .object([
            JSONMember("episode_id", .string(episode.id)),
            JSONMember("series", optional(episode.series)),
            JSONMember("number", episode.number.map { .integer(Int64($0)) } ?? .null),
            JSONMember("title", .string(episode.title)),
            JSONMember("date", optional(episode.date)),
            JSONMember("tags", .array(episode.tags.map(JSONValue.string))),
            JSONMember("episode_speakers", .array(episode.speakers.map { .string($0.name) })),
            JSONMember("cue", .integer(Int64(number))),
            JSONMember("start", .number(cue.start)),
            JSONMember("end", .number(cue.end)),
            JSONMember("speaker", optional(cue.speaker)),
            JSONMember("text", .string(cue.text)),
            JSONMember("url", optional(url?.text)),
            JSONMember("chapter", optional(episode.chapters.chapter(at: cue.start)?.title)),
        ])
    }
}

import TalksModel
import TalksSearch

/// The JSON shapes the server writes for episodes and errors (cues use `Cue.jsonValue`
/// from TalksModel, shared with `talks check --json`), built with
/// `JSONValue` so keys keep a stable, readable order. The OpenAPI document
/// (`OpenAPIDocument`) describes exactly these shapes.
enum WireFormat {
    static func episode(_ episode: Episode) -> JSONValue {
        .object([
            "id": .string(episode.id),
            "series": .optional(episode.series),
            "number": .optional(episode.number),
            "title": .string(episode.title),
            "date": .optional(episode.date),
            "language": .string(episode.language),
            "speakers": .array(episode.speakers.map { speaker in
                .object(["name": .string(speaker.name), "organisation": .optional(speaker.organisation)])
            }),
            "description": .optional(episode.description),
            "recording": .optional(episode.recording?.text),
            "page": .optional(episode.page?.text),
            "tags": .array(episode.tags.map(JSONValue.string)),
            "duration": .optional(episode.duration),
            "chapters": episode.chaptersJSON,
        ])
    }

    static func error(status: HTTPStatus, message: String) -> JSONValue {
        .object(["error": .object(["status": .integer(Int64(status.code)), "message": .string(message)])])
    }
}

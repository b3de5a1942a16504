extension Cue {
    /// The cue as JSON: `{"id", "start", "end", "speaker", "text"}` (times in seconds, `id`
    /// and `speaker` null when absent). `talks check --json` and the server's
    /// `/episodes/{id}/transcript` both write exactly this shape. A cue with word timings
    /// adds `"word_times": [[utf8Offset, seconds], …]` (see `Cue.wordTimes`); without them
    /// the shape is unchanged.
    public var jsonValue: JSONValue {
        var members: [JSONMember] = [
            JSONMember("id", .optional(id)),
            JSONMember("start", .number(start)),
            JSONMember("end", .number(end)),
            JSONMember("speaker", .optional(speaker)),
            JSONMember("text", .string(text)),
        ]
        if !wordTimes.isEmpty {
            members.append(JSONMember("word_times", .array(wordTimes.map { word in
                .array([.integer(Int64(word.utf8Offset)), .number(word.seconds)])
            })))
        }
        return .object(members)
    }
}

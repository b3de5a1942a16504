extension Cue {
    /// The cue as JSON: `{"id", "start", "end", "speaker", "text"}` (times in seconds, `id`
    /// and `speaker` null when absent). `talks check --json` and the server's
    /// `/episodes/{id}/transcript` both write exactly this shape.
    public var jsonValue: JSONValue {
        .object([
            "id": .optional(id),
            "start": .number(start),
            "end": .number(end),
            "speaker": .optional(speaker),
            "text": .string(text),
        ])
    }
}

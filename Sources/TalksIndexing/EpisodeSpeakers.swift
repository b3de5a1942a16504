import TalksModel

/// Who speaks in an episode: the metadata's speakers merged with the names its transcript
/// gives (Zoom's `Name:` prefixes, Teams' and WebVTT's `<v Name>` voices), each person once.
///
/// Why at indexing time: an archive's metadata often names only the host, or nobody, while
/// the transcript names every voice. Merging here, where `IndexableEpisode` is built, makes
/// transcript-only speakers part of the stored episode (the speakers field, `/episodes`,
/// `talks list`, results, `speaker:`) with no change to the index format.
///
/// How names relate (compared by `key`: lowercased, runs of white space as one space):
/// - the same key is the same person: "KARIN  LINDQVIST" in a transcript is the metadata's
///   "Karin Lindqvist";
/// - a transcript name whose words are a whole-word run of exactly one metadata name is that
///   person: "Karin" or "Lindqvist" is "Karin Lindqvist" when no other metadata speaker is
///   called Karin (with two Karins, "Karin" stays a speaker of its own);
/// - any other transcript name is a speaker of its own, added after the metadata's, in order
///   of first appearance (the first spelling wins).
/// Cues carry the merged name, so a hit shows "Karin Lindqvist" where the transcript said
/// "Karin:". When the merged list has exactly one speaker, cues the transcript attributes
/// to nobody are that speaker's (a lecture with one speaker listed, an unlabelled transcript).
public enum EpisodeSpeakers {
    /// The episode with its speakers merged and its cues' speakers made canonical.
    public static func merge(_ episode: Episode, cues: [Cue]) -> (episode: Episode, cues: [Cue]) {
        var episode = episode
        var cues = cues
        var speakers = episode.speakers
        var canonical: [String: String] = [:]  // key of a transcript name → merged name
        for speaker in speakers where canonical[key(speaker.name)] == nil {
            canonical[key(speaker.name)] = speaker.name
        }
        let metadataWords = speakers.map { words(of: $0.name) }
        // Exact spellings already resolved: a long transcript repeats a handful of names, so
        // each distinct spelling is normalised once, not once per cue.
        var resolved: [String: String] = [:]
        for index in cues.indices {
            guard let name = cues[index].speaker else { continue }
            if let known = resolved[name] {
                if known != name { cues[index].speaker = known }
                continue
            }
            let nameKey = key(name)
            if let known = canonical[nameKey] {
                resolved[name] = known
                // Assigned only when it differs: an unchanged array stays shared with the
                // loader's (no copy of a long transcript's cues).
                if known != name { cues[index].speaker = known }
                continue
            }
            let nameWords = words(of: nameKey)
            let holders = metadataWords.indices.filter { contains(metadataWords[$0], nameWords) }
            let merged: String
            if holders.count == 1 {
                merged = speakers[holders[0]].name
            } else {
                merged = name
                speakers.append(Speaker(name: name))
            }
            canonical[nameKey] = merged
            resolved[name] = merged
            if merged != name { cues[index].speaker = merged }
        }
        if speakers.count == 1, let only = speakers.first?.name, cues.contains(where: { $0.speaker == nil }) {
            for index in cues.indices where cues[index].speaker == nil { cues[index].speaker = only }
        }
        episode.speakers = speakers
        return (episode, cues)
    }

    /// A name as compared: lowercased, with runs of white space as one space and none at
    /// either end.
    public static func key(_ name: String) -> String {
        words(of: name.lowercased()).joined(separator: " ")
    }

    private static func words(of name: String) -> [String] {
        name.lowercased().split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    /// Whether `needle` (not empty) occurs as consecutive words of `haystack`.
    private static func contains(_ haystack: [String], _ needle: [String]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<(start + needle.count)]) == needle {
            return true
        }
        return false
    }
}

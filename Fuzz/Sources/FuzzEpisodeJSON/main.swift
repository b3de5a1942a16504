/// Fuzzes the metadata reader: `EpisodeJSONReader.read` (JSON parsing plus field checks,
/// `episode.json` → `Episode`) on arbitrary bytes.
///
/// Beyond "never traps", it checks the reader's contract: an episode is returned exactly
/// when no error was found; every diagnostic names the file read and a line inside it; an
/// accepted episode has a non-empty id and title, a finite non-negative duration, and a
/// date that `ISO8601`-style parsing accepted (a timestamp when there is a date).
import FuzzSupport
import TalksModel
import TalksIngest

let fileName = "fuzz/episode.json"

runFuzzer { bytes in
    let lines = lineCount(bytes)
    let metadata = EpisodeJSONReader.read(bytes, file: fileName, defaultID: "fuzz-episode")
    check((metadata.episode != nil) == metadata.errors.isEmpty,
          "episode must be present exactly when there are no errors (errors: \(metadata.errors.count))")
    for diagnostic in metadata.diagnostics {
        check(diagnostic.file == fileName, "diagnostic names \(diagnostic.file), not the file read")
        if let line = diagnostic.line {
            check(line >= 1 && line <= lines, "diagnostic line \(line) outside 1...\(lines)")
        }
    }
    if let episode = metadata.episode {
        check(!episode.id.isEmpty, "accepted episode has an empty id")
        check(!episode.title.isEmpty, "accepted episode has an empty title")
        if let duration = episode.duration {
            check(duration.isFinite && duration >= 0, "accepted episode has duration \(duration)")
        }
        if episode.date != nil {
            check(episode.timestamp != nil, "accepted episode has a date but no timestamp")
        }
    }
}

/// Fuzzes the `episode.html` reader: `EpisodePageReader.read` (libxml2's HTML parser,
/// XPath, JSON-LD, page text under `TextBudget`, dates) on arbitrary bytes.
///
/// Beyond "never traps", it checks the reader's contract: an episode exactly when there is
/// no error; every diagnostic names the file and a line inside it; an accepted episode has
/// the folder's id, a non-empty title, no field longer than
/// `IngestLimits.maximumFieldTextBytes`, a timestamp with its date and non-empty speaker
/// names; and reading the same bytes twice gives the same result.
import FuzzSupport
import TalksIngest
import TalksModel

let fileName = "fuzz/episode.html"
let fieldLimit = IngestLimits.maximumFieldTextBytes

runFuzzer { bytes in
    let lines = lineCount(bytes)
    let metadata = EpisodePageReader.read(bytes, file: fileName, defaultID: "fuzz-episode")
    check((metadata.episode != nil) == metadata.errors.isEmpty,
          "episode must be present exactly when there are no errors (errors: \(metadata.errors.count))")
    for diagnostic in metadata.diagnostics {
        check(diagnostic.file == fileName, "diagnostic names \(diagnostic.file), not the file read")
        if let line = diagnostic.line {
            check(line >= 1 && line <= lines, "diagnostic '\(diagnostic.message)': line \(line) outside 1...\(lines)")
        }
    }
    if let episode = metadata.episode {
        check(episode.id == "fuzz-episode", "accepted episode has id '\(episode.id)', not the folder's")
        check(!episode.title.isEmpty, "accepted episode has an empty title")
        for text in [episode.title, episode.description ?? "", episode.series ?? "", episode.recording ?? "", episode.page ?? ""] {
            check(text.utf8.count <= fieldLimit, "a field of \(text.utf8.count) bytes passed the field limit")
        }
        if episode.date != nil { check(episode.timestamp != nil, "accepted episode has a date but no timestamp") }
        check(episode.speakers.allSatisfy { !$0.name.isEmpty }, "an empty speaker name")
    }
    let again = EpisodePageReader.read(bytes, file: fileName, defaultID: "fuzz-episode")
    check(again == metadata, "the second reading gave another result")
}

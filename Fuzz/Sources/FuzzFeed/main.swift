/// Fuzzes the XML half of `talks import-feed`: `FeedPlan(feed:file:)` (libxml2's XML
/// parser, XPath, entity expansion under `TextBudget`, RSS fields, ids) on arbitrary bytes.
/// It touches no file system: `FeedPlan` reads bytes only, and the transcript files it
/// names are `FeedImporter`'s business.
///
/// Beyond "never traps", it checks the plan's contract: a rejected feed is an
/// `IngestError.invalidInput` naming the file and a line inside it; an accepted one has a
/// valid, unique id and a non-empty title per entry, no field longer than
/// `IngestLimits.maximumFieldTextBytes`, a finite duration ≥ 0, a timestamp with every date,
/// WebVTT transcripts before SubRip ones, diagnostics naming the file and a line inside it;
/// and reading the same bytes twice gives the same plan or the same error.
import FuzzSupport
import TalksIngest
import TalksModel

let fileName = "fuzz/feed.xml"
let fieldLimit = IngestLimits.maximumFieldTextBytes

func checkLine(_ line: Int?, within lines: Int, _ what: String) {
    if let line { check(line >= 1 && line <= lines, "\(what): line \(line) outside 1...\(lines)") }
}

runFuzzer { bytes in
    let lines = lineCount(bytes)
    let plan: FeedPlan
    do throws(IngestError) {
        plan = try FeedPlan(feed: bytes, file: fileName)
    } catch {
        guard case .invalidInput(let path, let line, let reason) = error else {
            check(false, "a feed read from bytes failed with \(error), not invalidInput")
            return
        }
        check(path == fileName, "error names \(path), not the feed")
        check(!reason.isEmpty, "error without a reason")
        checkLine(line, within: lines, "error '\(reason)'")
        do throws(IngestError) {
            _ = try FeedPlan(feed: bytes, file: fileName)
            check(false, "the second reading accepted what the first rejected")
        } catch {
            check(error == .invalidInput(path: path, line: line, reason: reason), "the second reading failed differently: \(error)")
        }
        return
    }
    var ids: Set<String> = []
    for entry in plan.entries {
        let episode = entry.episode
        check(EpisodeID.problem(with: episode.id) == nil, "id '\(episode.id)' \(EpisodeID.problem(with: episode.id) ?? "")")
        check(ids.insert(episode.id).inserted, "id '\(episode.id)' used twice")
        check(!episode.title.isEmpty, "entry without a title")
        checkLine(entry.line, within: lines, "item '\(episode.id)'")
        for text in [episode.title, episode.description ?? "", episode.series ?? "", episode.recording ?? "", episode.page ?? ""] {
            check(text.utf8.count <= fieldLimit, "a field of \(text.utf8.count) bytes passed the field limit")
        }
        if let duration = episode.duration { check(duration.isFinite && duration >= 0, "duration \(duration)") }
        if episode.date != nil { check(episode.timestamp != nil, "a date without a timestamp") }
        check(episode.speakers.allSatisfy { !$0.name.isEmpty }, "an empty speaker name")
        check(episode.tags.allSatisfy { !$0.isEmpty } && Set(episode.tags).count == episode.tags.count, "empty or repeated tags")
        let formats = entry.transcripts.map(\.format)
        check(formats == formats.filter { $0 == .webVTT } + formats.filter { $0 != .webVTT }, "SubRip before WebVTT")
        check(entry.transcripts.allSatisfy { !$0.url.isEmpty }, "a transcript without a URL")
    }
    for diagnostic in plan.diagnostics {
        check(diagnostic.file == fileName, "diagnostic names \(diagnostic.file), not the feed")
        checkLine(diagnostic.line, within: lines, "diagnostic '\(diagnostic.message)'")
    }
    do {
        let again = try FeedPlan(feed: bytes, file: fileName)
        check(again == plan, "the second reading gave another plan")
    } catch {
        check(false, "the second reading rejected what the first accepted: \(error)")
    }
}

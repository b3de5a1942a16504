import Foundation
import TalksModel
import TalksTranscript

/// Decides which local file, if any, a feed item may bring into the archive as its transcript.
///
/// The feed is outside input and the archive gets published, so a feed must not be able to
/// copy an arbitrary local file (`file:///etc/passwd`, `../../.ssh/id_ed25519`, a link that
/// points out of the feed's folder). A transcript is taken only when
/// 1. its URL is a relative reference or a `file:` URL (nothing is downloaded);
/// 2. the file lies inside the feed's folder (or below it) once every symbolic link, `.` and
///    `..` is resolved;
/// 3. its `<podcast:transcript>` has a transcript type or extension (`FeedPlan`);
/// 4. it is a regular file within `IngestLimits.maximumTranscriptFileBytes`, is UTF-8, and
///    reads as WebVTT or SubRip with at least one cue, as `talks ingest` would read it.
/// Anything else is skipped with a warning that names the feed, the item's line and title,
/// and nothing is written for it; the candidates are tried in order (WebVTT first).
enum FeedTranscriptSource {
    /// A transcript to write into the episode folder: its bytes and the name it gets there.
    struct TranscriptFile {
        var name: String
        var bytes: [UInt8]
    }

    /// The first candidate of `entry` that passes every rule, or nil (with warnings).
    static func choose(for entry: FeedPlan.Entry, feedPath: String, diagnostics: inout [Diagnostic]) -> TranscriptFile? {
        let title = entry.episode.title
        for reference in entry.transcripts {
            switch check(reference, feedPath: feedPath) {
            case .success(let file):
                return file
            case .failure(let skipped):
                diagnostics.append(Diagnostic(.warning, file: feedPath, line: entry.line,
                    "\(Excerpt.quoted(title, limit: 120, quote: "'")): transcript \(Excerpt.escaped(reference.url, limit: 200)) \(skipped.reason)"))
            }
        }
        diagnostics.append(Diagnostic(.warning, file: feedPath, line: entry.line,
            "\(Excerpt.quoted(title, limit: 120, quote: "'")): no local transcript; add transcript.vtt or transcript.srt to the folder before ingesting"))
        return nil
    }

    /// Why a candidate was not taken, worded to follow "transcript <url>".
    struct Skipped: Error {
        var reason: String
    }

    /// Applies the rules to one candidate.
    static func check(_ reference: FeedPlan.TranscriptReference, feedPath: String) -> Result<TranscriptFile, Skipped> {
        guard let path = localPath(reference.url, feedPath: feedPath) else {
            return .failure(Skipped(reason: "is not a local file; talks does not download (add it to the folder by hand)"))
        }
        let folder: String
        let resolved: String
        do {
            folder = try ArchiveRoot.resolve(FileSystem.parent(feedPath))
            resolved = try ArchiveRoot.resolve(path)
        } catch {
            return .failure(Skipped(reason: "cannot be read: \(error); skipped"))
        }
        guard isInside(resolved, folder: folder) else {
            return .failure(Skipped(reason: "resolves to \(resolved), outside the feed's folder \(folder) "
                + "(links followed); skipped: a feed may only bring in transcripts from its own folder"))
        }
        let bytes: [UInt8]
        do {
            // Read as an archive's files are: without following a link swapped in since the
            // check, and refused if the open file is not inside the folder after all.
            bytes = try FileSystem.readFile(resolved, limit: IngestLimits.maximumTranscriptFileBytes, insideFolder: folder)
        } catch {
            return .failure(Skipped(reason: "cannot be read: \(error); skipped"))
        }
        if let problem = TranscriptFileCheck.problem(bytes, format: reference.format, file: resolved) {
            return .failure(Skipped(reason: problem))
        }
        return .success(TranscriptFile(name: reference.format == .webVTT ? "transcript.vtt" : "transcript.srt", bytes: bytes))
    }

    /// Whether `path` lies below `folder` (not the folder itself); both resolved, absolute
    /// paths. The containment rule is `ArchiveRoot`'s: a feed's folder is a root like an archive.
    static func isInside(_ path: String, folder: String) -> Bool {
        var root = folder
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        return path != root && ArchiveRoot(realPath: root).contains(realPath: path)
    }

    /// A relative URL or `file:` URL as a path (relative ones resolved against the feed's
    /// folder); nil for anything with another scheme or a `file:` URL naming another host.
    /// Whether the path may be used is `check`'s question.
    static func localPath(_ url: String, feedPath: String) -> String? {
        var reference = url
        if let colon = reference.firstIndex(of: ":"),
            reference[..<colon].allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." }),
            reference.distance(from: reference.startIndex, to: colon) > 1
        {
            guard reference[..<colon].lowercased() == "file" else { return nil }
            reference = String(reference[reference.index(after: colon)...])
            if reference.hasPrefix("//") {
                reference = String(reference.dropFirst(2))
                guard let slash = reference.firstIndex(of: "/") else { return nil }
                let host = reference[..<slash]
                guard host.isEmpty || host == "localhost" else { return nil }
                reference = String(reference[slash...])
            }
        }
        reference = reference.removingPercentEncoding ?? reference
        guard !reference.isEmpty, !reference.contains("\0") else { return nil }
        if reference.hasPrefix("/") { return reference }
        return FileSystem.join(FileSystem.parent(feedPath), reference)
    }
}

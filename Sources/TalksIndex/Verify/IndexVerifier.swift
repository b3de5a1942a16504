/// What `talks verify` found.
public struct VerifyReport: Sendable {
    public var generation: UInt64 = 0
    public var segments = 0
    public var files = 0
    public var bytes = 0
    public var episodes = 0
    public var cues = 0
    /// Damage: each names the file and what is wrong.
    public var problems: [IndexError] = []
    /// Harmless findings (files no manifest names, left by a crashed writer).
    public var warnings: [String] = []

    public var isCorrupt: Bool { !problems.isEmpty }
}

/// Checks a whole index: the manifest's checksum, every segment file's header and CRC,
/// every structure inside (`SegmentVerifier`), deleted ordinals and that every episode id
/// is live in at most one segment. It ignores `checked.json` and, when all is well,
/// refreshes it.
public enum IndexVerifier {
    public static func verify(directory: String) throws(IndexError) -> VerifyReport {
        var report = VerifyReport()
        guard let manifest = try Manifest.read(directory: directory) else {
            throw IndexError.noIndex(directory: directory)
        }
        report.generation = manifest.generation
        report.segments = manifest.segments.count
        var liveIDs: [String: SegmentID] = [:]
        var verified = CheckedStamps(generation: manifest.generation, files: [:])
        for entry in manifest.segments {
            // Checksums first, file by file, so damage is blamed on the file that has it
            // rather than on another file whose cross-check it breaks.
            var checksumProblems: [IndexError] = []
            for kind in FileKind.allCases {
                do {
                    let file = try MappedFile(path: directory + "/" + entry.id.fileName(kind))
                    try FileContainer.verifyChecksum(file.bytes, file: file.name)
                    verified.files[file.name] = file.identity
                } catch {
                    checksumProblems.append(error)
                }
            }
            guard checksumProblems.isEmpty else {
                report.problems += checksumProblems
                continue
            }
            let segment: SegmentReader
            do {
                segment = try SegmentReader(directory: directory, id: entry.id, deleted: entry.deleted)
            } catch {
                report.problems.append(error)
                continue
            }
            report.files += FileKind.allCases.count
            report.bytes += segment.fileSizes.values.reduce(0, +)
            if segment.episodeCount != entry.episodes || segment.cueCount != entry.cues {
                report.problems.append(.corrupt(file: Manifest.fileName, detail: "\(entry.id) holds \(segment.episodeCount) episodes and \(segment.cueCount) cues, the manifest says \(entry.episodes) and \(entry.cues)"))
            }
            for ordinal in entry.deleted where ordinal < 0 || ordinal >= segment.episodeCount {
                report.problems.append(.corrupt(file: Manifest.fileName, detail: "\(entry.id) lists deleted episode \(ordinal), outside 0..<\(segment.episodeCount)"))
            }
            let problems = segment.verify()
            report.problems += problems
            guard problems.isEmpty else { continue }
            for ordinal in 0..<segment.episodeCount where !segment.isDeleted(episode: ordinal) {
                guard let id = try? segment.episodeID(ordinal) else { continue }
                if let other = liveIDs[id] {
                    report.problems.append(.corrupt(file: Manifest.fileName, detail: "episode '\(id)' is live in both \(other) and \(entry.id)"))
                }
                liveIDs[id] = entry.id
                report.episodes += 1
                report.cues += segment.cueRange(ofEpisode: ordinal).count
            }
        }
        if !report.isCorrupt {
            // Every file was verified in full: readers may skip them until they change.
            verified.write(directory: directory) {
                (try? Manifest.read(directory: directory))?.generation == manifest.generation
            }
        }
        let named = Set(manifest.segments.map(\.id))
        for name in (try? FileSystem.list(directory)) ?? [] where name.hasPrefix("seg-") {
            let stem = name.split(separator: ".").first.map(String.init) ?? name
            if let id = SegmentID(name: stem), !named.contains(id) {
                report.warnings.append("\(name) is not named by the manifest (left by an interrupted writer; the next ingest deletes it)")
            }
        }
        return report
    }
}

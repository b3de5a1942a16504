import TalksIndex
import TalksModel

/// `talks publish --index SRC DEST`: copies the index's current generation to a replica's
/// folder so the `talks serve` reading it moves to it atomically. The work is done by
/// `IndexPublisher` in TalksIndex.
struct PublishCommand: Command {
    static let configuration = CommandConfiguration(
        name: "publish",
        abstract: "Copy the index's current generation to a replica's folder, atomically for its server.",
        discussion: """
            For serving one index from several machines: ingest into one index, then publish
            it to each replica's folder (local, or a network mount such as NFS) that a
            'talks serve --index DEST' reads. The server moves to the new generation between
            two requests, and no request fails:

              1. The segment files of the index's current generation that DEST lacks (or
                 holds with another size or footer) are copied under temporary names,
                 fsynced, read back and checked against their CRC-32C, then renamed into
                 place. A damaged source file stops the publish; DEST keeps its generation.
              2. The manifest is written last (temporary name, fsync, rename, fsync), so a
                 server sees either the old generation or the new one, whole.
              3. Segment files the new generation no longer uses are removed by a later
                 publish once unused for --grace seconds (listed meanwhile in
                 DEST/publish-pending.json), so a server still reading the old generation is
                 never cut off. Publish again (say, from cron) to remove them.

            Idempotent: a second run copies nothing and says so. The index is not locked,
            so an ingest may run meanwhile (if it commits during the copy, the copy starts
            again from the new generation); DEST's .write.lock is held, so two publishes
            into one folder cannot overlap. No hard links, and no rename across file
            systems. DEST may not already serve a newer generation than the index's.
            """,
        arguments: [destination],
        options: [CommonOptions.index, grace, quiet],
        examples: [
            "talks publish /srv/replica-1/index",
            "talks publish --index /var/lib/talks/index /mnt/replica-2/index --grace 300",
        ],
        exitStatuses: [
            .success,
            ExitStatusSpec(status: 1, meaning: "Nothing was published: no index, a damaged source file, DEST locked, newer or from another index, or a failed write (DEST keeps its generation)."),
            .usage,
        ]
    )

    static let destination = Argument.single("destination", help: "The replica's index folder (created if missing).")
    static let grace = Option.integer(
        "grace", value: "SECONDS", default: IndexPublisher.defaultGraceSeconds, in: 0...604_800,
        help: "How long a segment file the new generation no longer uses stays in DEST before a publish removes it.")
    static let quiet = Flag("quiet", help: "Print only the summary, not each file copied or removed.")

    let index: String
    let destination: String
    let graceSeconds: Int
    let quiet: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        index = arguments[CommonOptions.index]
        destination = arguments[Self.destination]
        graceSeconds = arguments[Self.grace]
        quiet = arguments[Self.quiet]
    }

    func run() throws -> Int32 {
        let quiet = self.quiet
        let summary = try IndexPublisher.publish(source: index, destination: destination, graceSeconds: graceSeconds) { event in
            guard !quiet else { return }
            switch event {
            case .copied(let file, let bytes):
                Console.errorLine("copied \(file) (\(IngestCommand.megabytes(bytes)) MB)")
            case .restarted(let generation):
                Console.errorLine("\(index) committed after generation \(generation); copying its new generation")
            case .removed(let file):
                Console.errorLine("removed \(file) (unused for at least \(graceSeconds) s)")
            }
        }
        Console.outputLine(Self.summaryLine(summary, destination: destination))
        return ExitStatus.success
    }

    /// "published generation 14 to DEST: 3 segments copied (12.4 MB), 5 unchanged, 2 scheduled for removal".
    static func summaryLine(_ summary: PublishSummary, destination: String) -> String {
        var parts: [String] = []
        if summary.segmentsCopied > 0 {
            parts.append("\(counted(summary.segmentsCopied, "segment")) copied (\(IngestCommand.megabytes(summary.bytesCopied)) MB)")
            parts.append("\(summary.segmentsUnchanged) unchanged")
        } else {
            parts.append("nothing copied, \(counted(summary.segmentsUnchanged, "segment")) unchanged")
        }
        if summary.segmentsScheduledForRemoval > 0 { parts.append("\(summary.segmentsScheduledForRemoval) scheduled for removal") }
        if summary.segmentsRemoved > 0 { parts.append("\(summary.segmentsRemoved) removed") }
        let head = summary.manifestReplaced
            ? "published generation \(summary.generation) to \(destination)"
            : "generation \(summary.generation) is already published to \(destination)"
        return head + ": " + parts.joined(separator: ", ")
    }
}

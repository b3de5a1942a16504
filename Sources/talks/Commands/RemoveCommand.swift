import TalksAnalysis
import TalksIndex
import TalksModel

/// `talks remove ID…`: deletes episodes from the index.
struct RemoveCommand: Command {
    static let configuration = CommandConfiguration(
        name: "remove",
        abstract: "Remove episodes from the index by id.",
        discussion: """
            The episodes disappear from searches as soon as the command commits; their bytes
            leave the disk when their segment is next merged. Ids not in the index are named;
            the others are still removed. Removing an episode does not touch the archive: a later 'talks ingest' of the
            same folder adds it again.
            """,
        arguments: [id],
        options: [CommonOptions.index],
        examples: ["talks remove landet-lar-55", "talks remove landet-lar-55 landet-lar-58 --index /var/lib/talks/index"],
        exitStatuses: [
            .success, .failure, .usage,
            ExitStatusSpec(status: 65, meaning: "An id was not in the index (the others were removed)."),
        ]
    )

    static let id = Argument.repeating("id", atLeastOne: true, help: "An episode id, as 'talks list' shows it.")

    let ids: [String]
    let index: String

    init(_ arguments: ParsedArguments) throws(UsageError) {
        ids = arguments[Self.id]
        index = arguments[CommonOptions.index]
    }

    func run() throws -> Int32 {
        guard IndexReader.exists(directory: index) else { throw IndexError.noIndex(directory: index) }
        let writer = try IndexWriter.open(directory: index)
        defer { writer.close() }
        // A merge re-analyses what it merges: with the lexicon, loaded only if one is due.
        writer.lexicon = PendingLexicon(startingNow: false)
        var missing: [String] = []
        for id in ids {
            do { try writer.remove(id: id) } catch {
                if case .episodeNotFound = error { missing.append(id) } else { throw error }
            }
        }
        let summary = try writer.commit()
        for id in missing {
            Console.errorLine("talks remove: no episode with id '\(id)' in \(index)/")
        }
        Console.outputLine("Removed \(counted(summary.episodesRemoved, "episode")); generation \(summary.generation), \(counted(summary.liveEpisodes, "episode")) in \(index)/")
        return missing.isEmpty ? ExitStatus.success : ExitStatus.dataError
    }
}

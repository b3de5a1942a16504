import Foundation
import TalksIndex
import TalksIndexing
import TalksModel
import TalksSystem

/// `talks ingest [PATH…] [--index DIR] [--memory MB] [--threads N]`: brings the index up to date with archive folders.
struct IngestCommand: Command {
    static let configuration = CommandConfiguration(
        name: "ingest",
        abstract: "Index archive folders (new, changed and unchanged episodes are told apart).",
        discussion: """
            Reads every episode folder under the paths (default: archive/), skips episodes
            whose files did not change since the last ingest, replaces changed ones and adds
            new ones, then commits one new generation of the index. Searches running at the
            same time keep seeing the previous generation until the commit.

            A broken episode is named with file:line and the reason and left out; the good
            ones are indexed all the same ('talks check' shows the same problems without
            indexing): links that are not http(s) are dropped, and files whose real path
            leaves the archive are refused unread. One writer at a time: while another
            ingest or remove holds the index's lock, this one stops at once and says so.
            Progress (episodes, cues, MB) is shown on stderr when it is a terminal.

            --memory bounds the memory ingest holds, whatever the episodes: ordinary ones
            are buffered and written as a segment when about half of it is used; a long
            transcript (one whose loading may take more than a 16th of it) is read and built
            on its own, cue by cue. A transcript that cannot be indexed within the budget is
            rejected, naming the file, its size and a budget that would do, and nothing in
            the index changes. Reading a transcript takes about 3.5 times its file size plus
            400 bytes per cue (at the default 256 MB, files up to about 55 MB; the largest
            transcript read, 64 MiB, needs --memory 320), and a transcript of hundreds of
            thousands of distinct words needs several hundred bytes per word. The budget covers
            the whole process: besides the buffers, the program, the Swedish lexicon (about
            45 MB), the open index and the compound lexicon take 25-60 MB without the lexicon
            and 110-125 MB with it (growing about 0.3 MB per segment: 120 MB at 20,000
            episodes), and the buffers get what is left. The list of episodes found keeps
            their parsed episode.json files up to a 16th of the budget (each dropped once the
            episode is indexed; the rest are read again when loaded) beside their paths.
            The open index's file pages are read (episode ids and
            hashes, each file's header, the vocabulary for compound splitting) and dropped
            again, so adding to a 50,000-episode index holds about 90 MB before its buffers.
            Budgets under about 100 MB cannot be met.

            --threads sets how many threads load, analyse and write (default: one per
            processor the process may use). Episodes are spread over the threads by their
            order, never by timing, so the same archive at the same --threads gives the same
            segment files byte for byte; a different --threads orders episodes differently
            inside a segment (searches find the same episodes).

            Swedish analysis: with Debian's hunspell-sv-se installed (/usr/share/hunspell/sv_SE.aff
            and .dic, or the folder named by TALKS_HUNSPELL_DIR), ingest keys the words by the
            dictionary's lemmas as well as by the rules (vapen, vapnet, vapnen; öken, öknen)
            and splits compounds against its compound words, and stores all search needs in
            the index. Without it, one line on stderr says so and the rules alone are used.
            The lexicon's tables take about 45 MB, so a --memory under 128 uses the rules
            only (and says so). The manifest records the analysis of every segment; 'talks
            stats' shows it.
            --rebuild indexes every episode again, unchanged ones too: after installing the
            dictionary, or when 'talks stats' says the analysis is mixed.
            """,
        arguments: [path],
        options: [CommonOptions.index, memory, threads, rebuild],
        examples: [
            "talks ingest",
            "talks ingest archive/ --index /var/lib/talks/index",
            "talks ingest archive/landet-lar-55",
        ],
        exitStatuses: [
            ExitStatusSpec(status: 0, meaning: "Every episode was indexed or is unchanged."),
            ExitStatusSpec(status: 1, meaning: "The index could not be written (locked by another writer, disk full, corrupt)."),
            ExitStatusSpec(status: 64, meaning: "The command line was wrong, or a path does not exist."),
            ExitStatusSpec(status: 65, meaning: "An episode was rejected (a transcript too long for --memory among them), or some of its cues were skipped or cut (each named with file:line); everything else was indexed."),
        ]
    )

    static let path = Argument.repeating(
        "path", atLeastOne: false, help: "An archive folder or an episode folder (default: \(IndexBootstrap.defaultArchive)/).")
    static let memory = Option.integer("memory", value: "MB", default: 256, in: 16...4096,
                                       help: "Memory budget in MB: the most ingest holds at once, long transcripts included.")

    static let threads = Option.integer(
        "threads", value: "N", default: Parallel.defaultWorkers, in: 1...256, defaultShownAs: "one per processor",
        help: "Threads to load, analyse and write on. The same archive gives the same index at a given N.")

    static let rebuild = Flag("rebuild", help: "Index every episode again, unchanged ones too (after the Swedish analysis changed).")

    let paths: [String]
    let index: String
    let rebuildAll: Bool
    let memoryBudget: Int
    let threadCount: Int

    init(_ arguments: ParsedArguments) throws(UsageError) {
        let given = arguments[Self.path]
        index = arguments[CommonOptions.index]
        memoryBudget = arguments[Self.memory] << 20
        threadCount = arguments[Self.threads]
        rebuildAll = arguments[Self.rebuild]
        if given.isEmpty {
            guard IndexBootstrap.defaultArchiveExists else {
                throw UsageError(command: Self.configuration.name, message: "there is no \(IndexBootstrap.defaultArchive)/ "
                    + "folder here; name the archive to index, e.g. 'talks ingest path/to/archive'")
            }
            paths = [IndexBootstrap.defaultArchive]
        } else {
            paths = given
        }
    }

    func run() throws -> Int32 {
        let showProgress = Console.errorIsTerminal
        let summary = try ArchiveIndexer.ingest(paths: paths, index: index, memoryBudget: memoryBudget,
                                                threads: threadCount, rebuild: rebuildAll) { progress in
            guard showProgress else { return }
            Console.standardError("\r\(progress.episodesDone)/\(progress.episodesTotal) episodes, \(progress.cues) cues, \(Self.megabytes(progress.bytes)) MB\u{1B}[K")
        }
        if showProgress { Console.standardError("\r\u{1B}[K") }
        if let notice = summary.analysisNotice { Console.errorLine("talks ingest: " + notice) }
        if summary.analysis.hasPrefix(IndexAnalysis.mixedPrefix) {
            Console.errorLine("talks ingest: the index's segments were analysed differently (\(summary.analysis)); "
                + "'talks ingest --rebuild' analyses every episode again")
        }
        for warning in summary.warnings {
            Console.errorLine("\(warning)")
        }
        for rejection in summary.rejections {
            let who = rejection.id.map { "episode '\($0)' (\(rejection.path))" } ?? rejection.path
            Console.errorLine("rejected \(who):")
            for diagnostic in rejection.diagnostics where diagnostic.severity == .error {
                Console.errorLine("  \(diagnostic)")
            }
        }
        let indexed = summary.added + summary.replaced
        var line = "Indexed \(counted(indexed, "episode")) (\(counted(summary.cues, "cue")), \(Self.megabytes(summary.bytes)) MB)"
        line += " in \(String(format: "%.2f", summary.seconds)) s: \(summary.added) added, \(summary.replaced) replaced,"
        line += " \(summary.unchanged) unchanged, \(summary.rejections.count) rejected"
        if !summary.warnings.isEmpty { line += ", \(counted(summary.warnings.count, "warning"))" }
        line += "; generation \(summary.generation),"
        line += " \(counted(summary.liveEpisodes, "episode")) in \(index)/"
        Console.outputLine(line)
        // A skipped or cut cue is input that did not make it into the index, like a rejected
        // episode: the organiser has something to fix, and scripts should notice.
        return summary.rejections.isEmpty && summary.warnings.isEmpty ? ExitStatus.success : ExitStatus.dataError
    }

    static func megabytes(_ bytes: Int) -> String {
        let megabytes = Double(bytes) / 1_000_000
        return String(format: megabytes < 10 ? "%.2f" : "%.1f", megabytes)
    }
}

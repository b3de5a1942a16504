import Dispatch

/// The Swedish lexicon being loaded on another thread: started when an ingest knows it
/// has work, awaited only when a segment is written.
///
/// Why: building the lexicon takes about half a second of CPU (`SwedishLexicon.load`),
/// while an ingest spends its first seconds reading and analysing files, which need no
/// lexicon (tokens are terms; lemma keys are a property of the vocabulary, computed when
/// a segment is written). Loading meanwhile keeps the half second out of the ingest's
/// wall time whenever there is more than that to read.
///
/// `result` blocks until the load has finished, then returns the same value every time;
/// safe to call from any thread. A deferred one (`startingNow: false`, for `talks remove`,
/// which writes a segment only when a merge is due) loads on the first `result`.
public final class PendingLexicon: @unchecked Sendable {
    private let group = DispatchGroup()
    private let paths: (affix: String, dictionary: String)
    /// Guards `started` (a deferred load starts once, whoever asks first).
    private let startLock = DispatchSemaphore(value: 1)
    private var started = false
    /// Written once by the loading thread before `group.leave()`, read only after
    /// `group.wait()`: the group orders the two.
    private var outcome: Result<SwedishLexicon, SwedishLexiconError>?

    /// Loads the lexicon from `paths` (default: `SwedishLexicon.configuredPaths`), on
    /// another thread from now on, or (`startingNow: false`) when first asked for.
    public init(paths: (affix: String, dictionary: String) = SwedishLexicon.configuredPaths, startingNow: Bool = true) {
        self.paths = paths
        group.enter()
        if startingNow { start() }
    }

    /// A lexicon already at hand (or its absence), for callers and tests that have one.
    public init(_ result: Result<SwedishLexicon, SwedishLexiconError>) {
        paths = SwedishLexicon.configuredPaths
        started = true
        outcome = result
    }

    /// Starts the load on another thread unless it has started.
    public func start() {
        startLock.wait()
        let first = !started
        started = true
        startLock.signal()
        guard first else { return }
        let paths = paths
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            outcome = Result { () throws(SwedishLexiconError) in
                try SwedishLexicon.load(affixPath: paths.affix, dictionaryPath: paths.dictionary)
            }
            group.leave()
        }
    }

    /// Waits for the load (starting it if deferred); the lexicon or why it is unavailable.
    public var result: Result<SwedishLexicon, SwedishLexiconError> {
        start()
        group.wait()
        return outcome ?? .failure(.notInstalled(path: paths.dictionary))
    }

    /// Waits for the load; the lexicon, or nil when it is unavailable.
    public var lexicon: SwedishLexicon? { try? result.get() }
}

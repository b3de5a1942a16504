/// TalksIndexing: from archive folders to a committed index generation, the layer that
/// drives the other two.
///
/// What it does: `ArchiveIndexer` scans the paths (TalksIngest), then per batch of
/// episodes loads and analyses each on `threads` threads (`Parallel`) and hands it to the index writer's lanes
/// (TalksIndex's `LaneBatch`), skipping unchanged episodes and naming rejected ones, and
/// commits once. `IndexBootstrap` builds the default index from the sample archive on
/// first use. The command-line tool and anything else that turns an archive into an index
/// (the server's tests, benchmarks) go through here.
///
/// Why a module of its own, and why this name: ingest (reading organisers' folders) and
/// the index (storing episodes) must not know each other; something above both has to run
/// scan → load → analyse → write. That is indexing, the act, as opposed to the index, the
/// store: TalksIngest says what an episode is, TalksIndex keeps it, TalksIndexing moves it
/// from one to the other and owns the threads that do so.
///
/// What it does not do: read or validate files (TalksIngest), analyse text or lay out
/// segments (TalksIndex, TalksAnalysis), search (TalksSearch).
public enum TalksIndexing {}

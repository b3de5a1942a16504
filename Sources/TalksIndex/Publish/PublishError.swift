import TalksModel

/// What can stop `talks publish`, with the folder or file involved. In every case the
/// destination keeps the generation it had: the manifest is only replaced once every
/// file it names is in place and verified.
public enum PublishError: TalksError, Equatable {
    /// A file or lock operation failed (the source has no index, a disk is full, …).
    case index(IndexError)
    /// A segment file in the source fails its own check (magic, footer or CRC-32C): the
    /// source is damaged, and nothing of this generation is published.
    case damagedSource(file: String, detail: String)
    /// The copy of a file in the destination does not read back as it was written (a
    /// failing disk or network mount).
    case copyDamaged(file: String, detail: String)
    /// The source's manifest names a segment none of whose files is there.
    case missingSegment(source: String, segment: String)
    /// The source committed new generations faster than they could be copied.
    case sourceKeptChanging(source: String, attempts: Int)
    /// The destination already serves a newer generation than the source's.
    case destinationIsNewer(destination: String, destinationGeneration: UInt64, sourceGeneration: UInt64)
    /// A file the destination's current generation uses differs from the source's file of
    /// the same name: the destination was published from another index.
    case foreignDestination(destination: String, file: String)
    /// Source and destination are the same folder.
    case sameFolder(String)
    /// Another `talks publish` (or an ingest) holds the destination's writer lock.
    case destinationLocked(destination: String, pid: Int32?)

    public var description: String {
        switch self {
        case .index(let error):
            return error.description
        case .damagedSource(let file, let detail):
            return "\(file) is damaged (\(detail)); nothing was published. Run 'talks verify' on the source and rebuild it with 'talks ingest' into an empty directory."
        case .copyDamaged(let file, let detail):
            return "the copy \(file) does not read back as written (\(detail)); nothing was published. Check the destination's disk or mount and run the publish again."
        case .missingSegment(let source, let segment):
            return "\(source)/manifest.json names segment \(segment), but \(source) holds none of its files; nothing was published. Run 'talks verify --index \(source)'."
        case .sourceKeptChanging(let source, let attempts):
            return "\(source) committed a new generation during each of \(attempts) attempts to copy it; nothing was published. Run the publish again when ingest is done."
        case .destinationIsNewer(let destination, let destinationGeneration, let sourceGeneration):
            return "\(destination) already serves generation \(destinationGeneration), newer than the source's \(sourceGeneration): it was published from another index. Publish into an empty folder instead."
        case .foreignDestination(let destination, let file):
            return "\(destination)/\(file) differs from the source's file of that name and is in use by \(destination)'s generation: it was published from another index. Publish into an empty folder instead."
        case .sameFolder(let folder):
            return "the source and the destination are the same folder (\(folder)); name a replica's folder as the destination."
        case .destinationLocked(let destination, let pid):
            let who = pid.map { "PID \($0)" } ?? "another process"
            return "\(destination) is locked by \(who) (\(destination)/.write.lock): another 'talks publish' or an ingest is writing it. Wait for it to finish."
        }
    }
}

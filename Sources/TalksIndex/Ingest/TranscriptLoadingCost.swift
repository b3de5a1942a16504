#if canImport(Glibc)
import Glibc
#endif
import TalksSystem

/// What reading and parsing a transcript file will take in memory, estimated from the
/// file before it is loaded: its size and the number of its cue timing lines.
///
/// Why: the transcript reader holds the file, its raw cue texts, the plain texts and the
/// parsed cues at once, about three times the file plus a few hundred bytes per cue. For
/// a long transcript that alone can be most of the memory budget, so the ingester asks
/// before loading one (`IndexWriter.refusalBeforeLoading`). Counting `-->` costs one
/// streamed read of the file (1 MB at a time), only for files big enough to be long if
/// their cues were as short as can be (`of(transcript:countingAbove:)`); every WebVTT and
/// SubRip cue has one, so the count bounds the cues.
struct TranscriptLoadingCost: Sendable, Equatable {
    /// Resident bytes per two bytes of the file (3.5 per byte), and per cue. Fitted as an
    /// upper bound with a margin: the peak `ru_maxrss` above the baseline while loading
    /// the transcripts of `Benchmarks/generate_long_transcript.py` (every `--shape`, SubRip,
    /// CRLF; 3–62 MB, 8,000–100,000 cues; the "loaded alone" line of `TALKS_INDEX_TIMING`)
    /// was 62–87% of it.
    static let bytesPerTwoFileBytes = 7
    static let bytesPerCue = 400
    /// The shortest cue a file can hold ("00:00.000 --> 00:00.001\na\n\n"): bounds the
    /// cues when the file cannot be counted.
    static let minimumCueFileBytes = 24

    /// The file's size in bytes.
    var fileBytes: Int
    /// The `-->` in the file: at least its cues.
    var cueTimings: Int

    /// The estimate in bytes.
    var loadingBytes: Int {
        fileBytes / 2 * Self.bytesPerTwoFileBytes + cueTimings * Self.bytesPerCue
    }

    /// The cost of loading the transcript at `path` (none for nil): from its size alone
    /// (every cue as short as can be) when that is at most `limit`, else with its timing
    /// lines counted. When the file cannot be read, the size alone (the loader will say
    /// why it cannot be read).
    static func of(transcript path: String?, countingAbove limit: Int) -> TranscriptLoadingCost {
        guard let path, let bytes = FileSystem.size(path) else { return TranscriptLoadingCost(fileBytes: 0, cueTimings: 0) }
        let bound = TranscriptLoadingCost(fileBytes: bytes, cueTimings: bytes / minimumCueFileBytes)
        guard bound.loadingBytes > limit else { return bound }
        return counted(path, bound: bound)
    }

    /// Counts the `-->` of the regular file at `path`, 1 MB at a time; `bound` when it
    /// cannot be read.
    private static func counted(_ path: String, bound: TranscriptLoadingCost) -> TranscriptLoadingCost {
        guard let descriptor = try? SystemFile.open(path, O_RDONLY | O_NONBLOCK) else { return bound }
        defer { SystemCall.close(descriptor) }
        guard let status = try? SystemFile.status(descriptor: descriptor, path: path),
              status.st_mode & S_IFMT == S_IFREG else { return bound }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var count = 0
        var read = 0
        // The last two bytes of the previous chunk: an arrow may straddle two reads.
        var previous: (UInt8, UInt8) = (0, 0)
        while true {
            let got = chunk.withUnsafeMutableBytes { buffer in
                (try? SystemFile.readSome(descriptor, into: buffer, path: path)) ?? -1
            }
            if got < 0 { return bound }
            if got == 0 { break }
            read += got
            chunk.withUnsafeBufferPointer { bytes in
                for index in 0..<got where bytes[index] == UInt8(ascii: ">") {
                    let before = index >= 1 ? bytes[index - 1] : previous.1
                    let first = index >= 2 ? bytes[index - 2] : (index == 1 ? previous.1 : previous.0)
                    if before == UInt8(ascii: "-") && first == UInt8(ascii: "-") { count += 1 }
                }
                previous = (got >= 2 ? bytes[got - 2] : previous.1, bytes[got - 1])
            }
        }
        // A file that grew since it was measured is bounded by what was read.
        return TranscriptLoadingCost(fileBytes: max(bound.fileBytes, read), cueTimings: count)
    }
}

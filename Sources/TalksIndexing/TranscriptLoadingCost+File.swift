#if canImport(Glibc)
import Glibc
#endif
import TalksIndex
import TalksSystem

/// Measuring a transcript file for `TranscriptLoadingCost` before it is loaded: its size,
/// and for a file big enough to be long if its cues were as short as can be, its `-->`
/// counted in one streamed read (1 MB at a time).
///
/// Why here: reading archive files is TalksIndexing's (and TalksIngest's) job; the index
/// takes the cost as a plain value.
extension TranscriptLoadingCost {
    /// The cost of loading the transcript at `path` (none for nil): from its size alone
    /// (every cue as short as can be) when that is at most `limit`, else with its timing
    /// lines counted. When the file cannot be read, the size alone (the loader will say
    /// why it cannot be read).
    public static func of(transcript path: String?, countingAbove limit: Int) -> TranscriptLoadingCost {
        guard let path, let status = try? SystemFile.status(path) else { return TranscriptLoadingCost(fileBytes: 0, cueTimings: 0) }
        let bytes = Int(status.st_size)
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

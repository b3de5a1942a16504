#if canImport(Glibc)
import Glibc
#endif
import TalksSystem

/// What identifies one version of a file without reading it: inode, size and modification
/// time to the nanosecond. Why: the searcher re-opens the index when `manifest.json` changes
/// and re-reads `synonyms.txt` when it is edited, each at the cost of one `stat` per query.
struct FileStamp: Equatable {
    var inode: UInt64
    var size: Int64
    var seconds: Int
    var nanoseconds: Int
    /// Whether the path names a regular file (after symbolic links), not a folder or device.
    var isRegularFile: Bool

    /// The stamp of the file at `path` as it is now; nil when it cannot be `stat`ed.
    init?(path: String) {
        guard let status = try? SystemFile.status(path) else { return nil }
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        seconds = Int(status.st_mtim.tv_sec)
        nanoseconds = Int(status.st_mtim.tv_nsec)
        isRegularFile = status.st_mode & S_IFMT == S_IFREG
    }
}

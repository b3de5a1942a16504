#if canImport(Glibc)
import Glibc
#endif

/// Returns freed heap pages to the kernel after a flush.
///
/// A flush frees the builders' many arrays at once; glibc keeps those pages mapped (holes
/// in its heap), so without this the process's resident size ratchets up flush after flush
/// and leaves the memory budget behind. The corresponding C function is `malloc_trim`
/// (glibc only, looked up at run time because Swift's Glibc module does not declare it).
enum MemoryRelease {
    private typealias Trim = @convention(c) (Int) -> Int32

    private static let trim: Trim? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: Trim.self)
    }()

    static func releaseFreedPages() {
        _ = trim?(0)
    }
}

#if canImport(Glibc)
import Glibc
#endif
import TalksSystem

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

    private typealias Option = @convention(c) (Int32, Int32) -> Int32

    private static let setOption: Option? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return nil }
        return unsafeBitCast(symbol, to: Option.self)
    }()

    /// Makes every allocation of 256 KB or more its own mapping, returned to the kernel
    /// when freed (glibc's `mallopt(M_MMAP_THRESHOLD, …)`, which also turns off glibc's
    /// dynamic threshold). Without it the first flush's big freed arrays raise the
    /// threshold to 32 MB, later big arrays come from the heap, and the heap's holes kept
    /// 60-80 MB resident after every flush at 5,000 episodes.
    static func mapLargeAllocations() {
        _ = configured
    }

    private static let configured: Bool = {
        let mmapThreshold: Int32 = -3
        return setOption?(mmapThreshold, 256 << 10) == 1
    }()

    static func releaseFreedPages() {
        _ = trim?(0)
    }

    /// The process's resident set size in bytes (from `/proc/self/statm`: total and
    /// resident pages), 0 when unknown. For the timing report and the memory benchmark,
    /// not for decisions.
    static func residentBytes() -> Int {
        guard let statm = try? SystemFile.readFile("/proc/self/statm") else { return 0 }
        let fields = statm.split(separator: UInt8(ascii: " "), maxSplits: 2)
        guard fields.count >= 2, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

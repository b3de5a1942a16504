#if canImport(Glibc)
import Glibc
#endif

/// Measures elapsed time on the monotonic clock (`clock_gettime(CLOCK_MONOTONIC)`), for
/// `took_ms` and benchmarks; wall-clock changes do not affect it.
struct Stopwatch {
    private let start: timespec

    init() {
        start = Self.now()
    }

    static func now() -> timespec {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return time
    }

    var elapsedMilliseconds: Double {
        let end = Self.now()
        return Double(end.tv_sec - start.tv_sec) * 1_000 + Double(end.tv_nsec - start.tv_nsec) / 1_000_000
    }
}

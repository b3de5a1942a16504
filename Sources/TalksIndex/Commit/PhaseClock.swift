import Foundation

/// Wall-clock laps of a multi-step operation, printed to stderr when the environment
/// variable `TALKS_INDEX_TIMING` is set (used to find where ingest time goes).
///
/// The one reader of `TALKS_INDEX_TIMING`: the writer's flushes and TalksIndexing's ingest
/// report through it. When the variable is unset every call returns at once.
public struct PhaseClock {
    /// Whether `TALKS_INDEX_TIMING` is set.
    public static let enabled = ProcessInfo.processInfo.environment["TALKS_INDEX_TIMING"] != nil
    private var last = Date()
    private var laps: [(String, Double)] = []

    /// Starts timing now.
    public init() {}

    /// Ends a lap named `name` (the time since the previous lap or the start).
    public mutating func lap(_ name: String) {
        guard Self.enabled else { return }
        let now = Date()
        laps.append((name, now.timeIntervalSince(last)))
        last = now
    }

    /// A line of text among the laps (e.g. a memory figure).
    public mutating func note(_ text: String) {
        guard Self.enabled else { return }
        laps.append((text, -1))
    }

    /// Prints the laps and notes as one line: `talks-index timing: TITLE: lap 0.123 s, …`.
    public func report(_ title: String) {
        guard Self.enabled else { return }
        let parts = laps.map { $0.1 < 0 ? $0.0 : String(format: "%@ %.3f s", $0.0, $0.1) }.joined(separator: ", ")
        FileHandle.standardError.write(Data("talks-index timing: \(title): \(parts)\n".utf8))
    }
}

#if canImport(Glibc)
import Glibc
#endif
import TalksSystem
import Dispatch

/// Turns SIGINT and SIGTERM into one call of `action`, for a graceful shutdown.
///
/// The default handlers are ignored and the signals are delivered through Dispatch
/// sources instead, so `action` runs on an ordinary thread where it may take locks
/// (a C signal handler may not). Keep the returned value alive while serving.
public final class ShutdownSignals: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]

    public init(_ action: @escaping @Sendable (Int32) -> Void) {
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            SystemSignal.ignore(number)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { action(number) }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    /// Restores the default handlers.
    public func cancel() {
        for source in sources { source.cancel() }
        SystemSignal.restoreDefault(SIGINT)
        SystemSignal.restoreDefault(SIGTERM)
    }
}

/// Where one connection is in its life; the transitions are checked, so a connection can
/// never be handled by two threads or used after close.
///
/// ```
/// waiting ──bytes of a request──▶ readingHead ──head complete──▶ processing
///    ▲  ▲                                                           │
///    │  └──────────────────keep-alive, nothing buffered─────────────┤
///    └ (poller wakes a worker on readable)                          ▼
///                              any state ──timeout/EOF/error──▶ closed
/// ```
/// `waiting` and `readingHead` connections sit in the poller; `processing` ones belong to
/// exactly one worker.
enum ConnectionState: Equatable {
    /// Idle between requests; the idle timeout applies.
    case waiting
    /// Part of a request head has arrived; the header deadline applies.
    case readingHead
    /// A worker owns the connection.
    case processing
    case closed

    func canMove(to next: ConnectionState) -> Bool {
        switch (self, next) {
        case (.waiting, .processing), (.readingHead, .processing),
            (.processing, .waiting), (.processing, .readingHead),
            (.waiting, .closed), (.readingHead, .closed), (.processing, .closed):
            return true
        default:
            return false
        }
    }
}

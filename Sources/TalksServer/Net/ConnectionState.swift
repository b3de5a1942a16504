/// Where one connection is in its life; the transitions are checked, so a connection can
/// never be handled by two threads or used after close.
///
/// ```
/// waiting ──bytes of a request──▶ readingHead ──head complete──▶ processing
///    ▲  ▲                                                         │   │
///    │  └──────────────keep-alive, response written───────────────┘   │ socket full
///    └────────────── writing ◀───────────────────────────────────────┘
///                     (poller sends the rest on POLLOUT, then back to waiting)
///                              any state ──timeout/EOF/error──▶ closed
/// ```
/// `waiting`, `readingHead` and `writing` connections sit in the poller; `processing` ones
/// belong to exactly one worker. A client that does not read its responses therefore
/// holds a poll slot until the write timeout, never a worker.
enum ConnectionState: Equatable {
    /// Idle between requests; the idle timeout applies.
    case waiting
    /// Part of a request head has arrived; the header deadline applies.
    case readingHead
    /// A worker owns the connection.
    case processing
    /// The socket was full; the poller sends the rest of a response; the write timeout applies.
    case writing
    case closed

    func canMove(to next: ConnectionState) -> Bool {
        switch (self, next) {
        case (.waiting, .processing), (.readingHead, .processing),
            (.processing, .waiting), (.processing, .readingHead), (.processing, .writing),
            (.writing, .waiting), (.writing, .closed),
            (.waiting, .closed), (.readingHead, .closed), (.processing, .closed):
            return true
        default:
            return false
        }
    }
}

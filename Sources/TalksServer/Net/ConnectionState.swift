/// Where one connection is in its life; the transitions are checked, so a connection can
/// never be handled by two threads or used after close.
///
/// ```
/// waiting ──bytes of a request──▶ readingHead ──head complete──▶ processing ◀─────────┐
///    ▲  ▲                                                        │  │  │               │
///    │  └───────────keep-alive, response written─────────────────┘  │  └──turn over──▶ streaming
///    │                                                  socket full │     (more parts)   ▲
///    └─────────────────── writing ◀─────────────────────────────────┘                   │
///                          └──────── sent; a streamed body has more parts ──────────────┘
///                              any state ──timeout/EOF/error──▶ closed
/// ```
/// `waiting`, `readingHead` and `writing` connections sit in the poller; `processing` ones
/// belong to exactly one worker; `streaming` ones wait in the workers' queue to produce the
/// next parts of a streamed body (`HTTPBodyStream`). A client that does not read its
/// responses therefore holds a poll slot until the write timeout, never a worker, and a
/// long body is produced a few parts per turn, never in one stretch.
enum ConnectionState: Equatable {
    /// Idle between requests; the idle timeout applies.
    case waiting
    /// Part of a request head has arrived; the header deadline applies.
    case readingHead
    /// A worker owns the connection.
    case processing
    /// The socket was full; the poller sends the rest of a response; the write timeout applies.
    case writing
    /// A streamed body has more parts; the connection waits in the workers' queue.
    case streaming
    case closed

    func canMove(to next: ConnectionState) -> Bool {
        switch (self, next) {
        case (.waiting, .processing), (.readingHead, .processing),
            (.processing, .waiting), (.processing, .readingHead), (.processing, .writing),
            (.writing, .waiting), (.writing, .closed), (.writing, .streaming),
            (.processing, .streaming), (.streaming, .processing), (.streaming, .closed),
            (.waiting, .closed), (.readingHead, .closed), (.processing, .closed):
            return true
        default:
            return false
        }
    }
}

/// A response body produced part by part while it is sent, for bodies too large to build
/// at once (a transcript of 100,000 cues is 60 MB of WebVTT).
///
/// Built whole, such a body would hold a worker for seconds and sit in memory several times
/// over. Streamed, the server asks for one part (about `preferredBytes`), writes it, and
/// after a few parts puts the connection at the back of the workers' queue, so quick
/// requests (`/health`, a search) are answered in between; a client that reads slowly
/// waits in the poller, not in a worker.
///
/// Contract: `nextPart` is called by one thread at a time, in order, until it returns false.
/// The first call happens before anything is sent: when the whole body fits in the first
/// part, the response goes out with `Content-Length` like any other; otherwise with
/// `Transfer-Encoding: chunked` (HTTP/1.1) or, for HTTP/1.0, delimited by closing the
/// connection. A throw from the first call becomes a 500; a later throw ends the response
/// by closing the connection without the last chunk, so the client can tell the body is
/// incomplete.
public protocol HTTPBodyStream: AnyObject, Sendable {
    /// Appends the next part of the body, about `preferredBytes` of it, to `buffer`.
    /// Returns true when more parts follow, false when this was the last one.
    func nextPart(into buffer: inout [UInt8], preferredBytes: Int) throws -> Bool
}

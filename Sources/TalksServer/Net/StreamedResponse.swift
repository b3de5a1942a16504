/// A response whose body is still being produced (`HTTPBodyStream`): what a connection
/// needs to send the rest, and to write the access-log line once the body is done.
struct StreamedResponse {
    let body: any HTTPBodyStream
    /// Parts go out as chunks (HTTP/1.1); otherwise raw, and the body ends with the connection.
    let chunked: Bool
    /// Whether the connection stays open for the next request once the body is complete.
    let keepAlive: Bool
    let method: String
    let target: String
    let status: Int
    /// Monotonic µs when the request head was complete.
    let started: Int64
    /// Bytes handed to the socket so far, head included.
    var bytesWritten: Int
}

/// One served request, for the access log.
public struct AccessLogEntry: Sendable {
    public var method: String
    public var target: String
    public var status: Int
    /// Bytes written for the response, head included.
    public var bytes: Int
    /// Time from the complete request head to the last byte written.
    public var microseconds: Int64

    /// `GET /search?q=mat 200 1834 412us`.
    public var line: String {
        "\(method) \(target) \(status) \(bytes) \(microseconds)us"
    }
}

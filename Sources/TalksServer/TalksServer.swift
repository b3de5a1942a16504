/// TalksServer: a small, strict HTTP/1.1 server for websites that embed talks.
///
/// - `HTTP/`: pure protocol code, no sockets and no clocks. `HTTPRequestParser` turns bytes
///   into `HTTPRequest`s or a typed `HTTPParseError` carrying its status (400, 413, 414,
///   431, 501, 505); `HTTPResponseWriter` turns an `HTTPResponse` into bytes. Both are
///   tested on byte arrays and are the fuzzing surface.
/// - `Net/`: the thin POSIX shell. Every system call goes through TalksSystem's
///   `SystemCall` (its errors become `NetError`), a non-blocking listener, a poller thread that owns waiting connections and enforces the
///   connection limit and the idle and header timeouts, and a bounded pool of workers.
/// - `Routes/`: `TalksRoutes`, the read-only API (search, suggest, episodes, transcripts,
///   health, OpenAPI), the search page and `embed.js`, over a `SearchBackend` whose real
///   implementation reopens the index when ingest commits a new generation.
///
/// It does not write to the index, keep sessions, serve files from disk, speak TLS or
/// HTTP/2 (put a reverse proxy in front for HTTPS), or read request bodies.
public enum TalksServer {}

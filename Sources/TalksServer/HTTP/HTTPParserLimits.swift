/// The bounds the request parser enforces, so no request can make the server buffer
/// without limit.
///
/// The defaults follow common servers: 8 KiB request line (→ 414), 32 KiB of header
/// fields (→ 431), 100 fields (→ 431). Request bodies are never used by talks; one of up to
/// `maxDiscardedBodyBytes` is read and thrown away so the connection stays in sync,
/// a larger one is refused (→ 413).
public struct HTTPParserLimits: Sendable, Hashable {
    public var maxRequestLineBytes: Int
    public var maxHeaderSectionBytes: Int
    public var maxHeaderFields: Int
    public var maxDiscardedBodyBytes: Int

    public init(
        maxRequestLineBytes: Int = 8 * 1024, maxHeaderSectionBytes: Int = 32 * 1024,
        maxHeaderFields: Int = 100, maxDiscardedBodyBytes: Int = 64 * 1024
    ) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderSectionBytes = maxHeaderSectionBytes
        self.maxHeaderFields = maxHeaderFields
        self.maxDiscardedBodyBytes = maxDiscardedBodyBytes
    }
}

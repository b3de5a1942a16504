import TalksModel

/// The `ETag` values the routes send, built in one place: what a tag is made of decides
/// when a client's cached copy is still good (`If-None-Match` gives 304, `TalksRoutes`).
enum EntityTag {
    /// A strong tag of fixed bytes (scripts, the OpenAPI document, the search form without a
    /// query): the program's version and a hash of the body, so a new build changes it.
    static func content(_ body: [UInt8]) -> String {
        "\"v\(TalksModel.version)-\(String(FNV1a.hash(body), radix: 16))\""
    }

    /// A weak tag of an answer from the index: its generation and a key naming what was
    /// asked (the request target, and the origin where the page names its own address).
    /// Weak, since the same request against the same generation means the same but may
    /// differ in a byte (`took_ms`).
    static func index(generation: UInt64, key: String) -> String {
        "W/\"g\(generation)-\(String(FNV1a.hash(key), radix: 16))\""
    }

    /// `index(generation:key:)` keyed by the request's path and query.
    static func index(generation: UInt64, request: HTTPRequest) -> String {
        index(generation: generation, key: request.path + "?" + request.rawQuery)
    }
}

/// TalksServer: a small, strict HTTP/1.1 server for websites that embed talks.
///
/// A pure request parser and response writer, a POSIX socket shell, and read-only routes
/// over TalksSearch. It picks up new index generations without a restart.
public enum TalksServer {}

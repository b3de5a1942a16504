/// An error talks can explain to a person.
///
/// Every module's typed errors conform, so the CLI and the server can print any of them
/// without knowing its module. `description` is one or more complete sentences naming the
/// file, line or argument involved and, where it helps, what to do.
public protocol TalksError: Error, CustomStringConvertible, Sendable {
    /// The process exit status for this error: 65 (data error) for bad input files,
    /// 64 for usage, 1 otherwise. Values follow BSD sysexits.
    var exitStatus: Int32 { get }
}

extension TalksError {
    public var exitStatus: Int32 { 1 }
}

/// Exit statuses talks uses, after BSD `sysexits.h`.
public enum ExitStatus {
    public static let success: Int32 = 0
    public static let failure: Int32 = 1
    /// The command line was wrong.
    public static let usage: Int32 = 64
    /// An input file was rejected.
    public static let dataError: Int32 = 65
}

import TalksModel

/// Why a transcript file was rejected as a whole (a data error, exit status 65).
///
/// Problems with single cues are not errors: they become warnings in
/// `Transcript.diagnostics` and the rest of the file is still used.
public struct TranscriptError: TalksError, Equatable {
    /// The file as the caller named it.
    public var file: String
    /// 1-based line the problem is on, when it has one.
    public var line: Int?
    /// What is wrong, as a sentence fragment ("the file is empty").
    public var reason: String

    public init(file: String, line: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var exitStatus: Int32 { ExitStatus.dataError }

    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return "\(location): error: \(reason)"
    }
}

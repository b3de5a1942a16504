#if canImport(Glibc)
import Glibc
#endif
import TalksSystem

/// Writes to stdout/stderr without Foundation's buffering surprises, and knows whether a
/// stream is a terminal (bold matches and progress lines appear on terminals only).
///
/// Each text goes out in one `write` call (repeated only for the rest of a partial write,
/// through TalksSystem), so lines from several threads, such as the server's access log,
/// never interleave.
enum Console {
    static func standardOutput(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    static func standardError(_ text: String) {
        write(text, to: STDERR_FILENO)
    }

    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// One full write (TalksSystem loops over short writes and retries `EINTR`). A failure
    /// (a closed pipe, a full disk) is dropped: there is no better place left to report it.
    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { buffer in
            try? SystemFile.writeAll(descriptor, UnsafeRawBufferPointer(buffer))
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
import TalksSystem
import TalksModel

/// Writes to stdout/stderr without Foundation's buffering surprises, and knows whether a
/// stream is a terminal (bold matches and progress lines appear on terminals only).
///
/// Text that carries data (titles, names, paths, diagnostics) goes out through
/// `outputLine`/`errorLine`, which escape what a terminal would act on (`TerminalText`)
/// and then end the line; `standardOutput`/`standardError` write exactly what they are
/// given, for JSON, for help text and for printers that escape their data themselves
/// around their own escape codes (bold matches, the progress line).
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

    /// One line of human-readable text to stdout: escaped (`String.terminalEscaped`), then "\n".
    static func outputLine(_ line: String) {
        write(line.terminalEscaped + "\n", to: STDOUT_FILENO)
    }

    /// One line of human-readable text to stderr: escaped (`String.terminalEscaped`), then "\n".
    static func errorLine(_ line: String) {
        write(line.terminalEscaped + "\n", to: STDERR_FILENO)
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

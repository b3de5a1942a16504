import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

extension TalksExecutable {
    /// What one run of `talks` printed and returned, and the most memory it held.
    struct MeasuredRun {
        var run: Run
        /// The child's peak resident set size in bytes (`ru_maxrss` from `wait4`).
        var peakBytes: Int
    }

    /// Runs `talks arguments…` and measures its peak resident memory: `ru_maxrss` of the
    /// talks process alone, from `wait4`.
    ///
    /// Not a child spawned from here: `exec` records the high-water mark of the address
    /// space it replaces in the new program's `ru_maxrss`, and a spawned child runs in this
    /// test process's (large) address space until it execs. So `/bin/sh` starts talks in
    /// the background (a fork of a small shell) and exits, and this process, a child
    /// subreaper meanwhile (`prctl(PR_SET_CHILD_SUBREAPER)`), inherits talks and reaps it.
    /// Output goes to files in `scratch`, read back after the exit.
    static func runMeasuringMemory(_ arguments: [String], scratch: URL) throws -> MeasuredRun {
        let outputPath = scratch.appendingPathComponent("measured.out").path
        let errorPath = scratch.appendingPathComponent("measured.err").path
        let pidPath = scratch.appendingPathComponent("measured.pid").path
        try setChildSubreaper(true)
        defer { try? setChildSubreaper(false) }
        let script = "o=$1 e=$2; shift 2; \"$0\" \"$@\" >\"$o\" 2>\"$e\" </dev/null & echo $!"
        let shell = try spawn("/bin/sh", ["-c", script, url.path, outputPath, errorPath] + arguments, stdout: pidPath)
        let (shellStatus, _) = try reap(shell)
        XCTAssertEqual(shellStatus, 0, "/bin/sh could not start talks")
        let pidText = try String(contentsOfFile: pidPath, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let talks = pid_t(pidText) else { throw POSIXError(.ESRCH) }
        let (status, usage) = try reap(talks)
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let error = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        return MeasuredRun(run: Run(status: status, output: output, error: error), peakBytes: usage.ru_maxrss * 1024)
    }

    /// `posix_spawn` of `program` with `stdout` sent to a file; its pid.
    private static func spawn(_ program: String, _ arguments: [String], stdout path: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, program, &actions, nil, argv, environ)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
        return child
    }

    /// `wait4` for `child`: its exit status (128 + the signal when killed, as a shell
    /// reports it) and its resource usage.
    private static func reap(_ child: pid_t) throws -> (Int32, rusage) {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(child, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import.
        let exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (exitStatus, usage)
    }

    /// `prctl(PR_SET_CHILD_SUBREAPER, on)`: orphaned descendants become this process's
    /// children. prctl is variadic, which Swift does not import, so it is looked up.
    private static func setChildSubreaper(_ on: Bool) throws {
        typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl") else { throw POSIXError(.ENOSYS) }
        let prctl = unsafeBitCast(symbol, to: Prctl.self)
        let setChildSubreaper: Int32 = 36
        guard prctl(setChildSubreaper, on ? 1 : 0, 0, 0, 0) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EINVAL)
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// Signal dispositions, set with `sigaction` through `SystemCall`.
///
/// Only what talks needs: ignoring a signal (SIGPIPE, so writing to a closed socket is an
/// `EPIPE` error instead of the end of the process; SIGINT and SIGTERM while Dispatch
/// sources deliver them) and restoring the default. Handlers that run code are not offered:
/// a C signal handler may not take locks; use a `DispatchSourceSignal` instead.
public enum SystemSignal {
    /// Ignores `signal` from now on. The C function is `sigaction` with `SIG_IGN`.
    public static func ignore(_ signal: Int32) {
        setDisposition(signal, SIG_IGN)
    }

    /// Restores `signal`'s default action. The C function is `sigaction` with `SIG_DFL`.
    public static func restoreDefault(_ signal: Int32) {
        setDisposition(signal, SIG_DFL)
    }

    /// `sigaction` fails only for a number that is not a signal or for SIGKILL and SIGSTOP,
    /// whose action cannot change; talks passes neither, so a failure is ignored.
    private static func setDisposition(_ signal: Int32, _ handler: __sighandler_t?) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        _ = try? SystemCall.run("sigaction") { sigaction(signal, &action, nil) }
    }
}

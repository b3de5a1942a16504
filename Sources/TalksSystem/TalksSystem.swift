/// TalksSystem: the one layer between talks and the operating system's calls.
///
/// What it does: every system call of the other modules goes through `SystemCall`, which
/// reads `errno` at once, retries `EINTR` in a loop (never for `close`: on Linux the
/// descriptor is gone even when `close` reports `EINTR`, and a retry could close a
/// descriptor another thread just opened) and throws a `SystemCallError` naming the call,
/// the path or descriptor, and the error in words (`ENOSPC (No space left on device)`).
/// On top of it: `SystemFile` (open with `O_CLOEXEC`, `closeAfter` so descriptors cannot
/// leak, full reads and writes that loop over short counts, fsync, rename, unlink,
/// directories, `stat`, `realpath`, `flock`), `SystemMemory` (read-only `mmap`) and
/// `SystemSignal` (ignoring a signal, restoring its default). Beside the system calls,
/// `Parallel`: the one way the other modules run work on several threads (results as
/// values, in index order; the thread count a parameter).
/// `SystemCall.nonBlocking` is for non-blocking sockets and pipes only: `EAGAIN` returns
/// nil at once, so a write that would block reports what it wrote and never spins.
///
/// What it does not do: decide what an error means to a user. Each module maps a
/// `SystemCallError` into its own typed error (`IndexError.io`, `IngestError.systemError`,
/// `NetError.system`) and keeps its own policies: which missing file is not an error,
/// which limits apply, what a socket's would-block means. It has no dependencies but
/// Glibc, and wraps only the calls talks makes.
public enum TalksSystem {}

#if canImport(Glibc)
import Glibc
#endif
import Foundation
import XCTest

/// A pipe for the tests, with the helpers they share: a small kernel buffer, a signal
/// handler that interrupts blocking calls, and a thread whose blocking call a test can
/// interrupt with `pthread_kill`.
final class TestPipe {
    let readEnd: Int32
    let writeEnd: Int32

    init(file: StaticString = #filePath, line: UInt = #line) throws {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw XCTSkip("pipe failed: errno \(errno)") }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// Shrinks the kernel's buffer to one page, so a large write blocks part way.
    /// Linux's `F_SETPIPE_SZ` (1031), which Swift's Glibc module does not export.
    func useSmallBuffer() -> Int {
        let setPipeSize: Int32 = 1031
        return Int(fcntl(writeEnd, setPipeSize, 4096))
    }

    func makeNonBlocking(_ descriptor: Int32) {
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }
}

/// How many SIGUSR1 the test handler has caught (written by the handler only).
nonisolated(unsafe) var caughtSignals = 0

/// Installs a SIGUSR1 handler without `SA_RESTART`, so a blocking `read` or `write` that
/// the signal interrupts returns `EINTR` (or a short count) instead of resuming.
func installInterruptingHandler() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in caughtSignals += 1 }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGUSR1, &action, nil)
}

/// Runs `body` on a new thread and lets the test signal that thread while it blocks.
///
/// The thread stays alive after `body` until `value` is called, so `interrupt` never
/// signals a thread that has exited.
final class BlockingThread<Result: Sendable>: @unchecked Sendable {
    private let started = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let released = DispatchSemaphore(value: 0)
    private var thread = pthread_t()
    private var result: Result?

    init(_ body: @escaping @Sendable () -> Result) {
        Thread { [self] in
            thread = pthread_self()
            started.signal()
            result = body()
            finished.signal()
            released.wait()
        }.start()
        started.wait()
    }

    /// Sends SIGUSR1 to the thread.
    func interrupt() {
        pthread_kill(thread, SIGUSR1)
    }

    /// Whether the thread has finished its body.
    var isFinished: Bool {
        guard finished.wait(timeout: .now()) == .success else { return false }
        finished.signal()
        return true
    }

    /// The body's result, waiting at most `seconds`; lets the thread exit.
    func value(within seconds: Double = 10) -> Result? {
        guard finished.wait(timeout: .now() + seconds) == .success else { return nil }
        released.signal()
        return result
    }
}

/// The descriptors this process has open (the entries of /proc/self/fd).
func openDescriptorCount() throws -> Int {
    try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
}

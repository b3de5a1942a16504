#if canImport(Glibc)
import Glibc
#endif
import TalksSystem
import XCTest

/// `SystemSignal` changes what the kernel does with a signal.
final class SystemSignalTests: XCTestCase {
    /// The handler the kernel has for `signal` now, as a number (`SIG_DFL` is 0, `SIG_IGN` 1).
    private func disposition(_ signal: Int32) -> Int {
        var current = sigaction()
        XCTAssertEqual(sigaction(signal, nil, &current), 0)
        return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self)
    }

    func testIgnoreThenRestoreTheDefault() {
        SystemSignal.restoreDefault(SIGUSR2)
        XCTAssertEqual(disposition(SIGUSR2), 0)
        SystemSignal.ignore(SIGUSR2)
        XCTAssertEqual(disposition(SIGUSR2), 1)
        // Ignored for real: SIGUSR2's default action would end this process.
        XCTAssertEqual(raise(SIGUSR2), 0)
        SystemSignal.restoreDefault(SIGUSR2)
        XCTAssertEqual(disposition(SIGUSR2), 0)
    }
}

#if canImport(Glibc)
import Glibc
#endif
import TalksSystem
import XCTest

/// `SystemCall`: EINTR is retried, would-block is nil for non-blocking descriptors, and
/// `closeAfter` closes on every path out.
final class SystemCallTests: XCTestCase {
    override func setUp() {
        installInterruptingHandler()
    }

    /// The control for the next test: without the wrapper, a signal that arrives while
    /// `read` blocks on an empty pipe makes it fail with EINTR.
    func testARawReadInterruptedByASignalFailsWithEINTR() throws {
        let pipe = try TestPipe()
        let readEnd = pipe.readEnd
        let reader = BlockingThread { () -> [Int] in
            var byte: UInt8 = 0
            let result = read(readEnd, &byte, 1)
            return [result, Int(errno)]
        }
        usleep(100_000)  // let it block in read
        reader.interrupt()
        XCTAssertEqual(reader.value(), [-1, Int(EINTR)])
    }

    func testAReadInterruptedBySignalsIsRetriedUntilTheBytesArrive() throws {
        let pipe = try TestPipe()
        let readEnd = pipe.readEnd
        let before = caughtSignals
        let reader = BlockingThread { () -> Result<[UInt8], SystemCallError> in
            do throws(SystemCallError) {
                return .success(try SystemFile.readFully(readEnd, count: 5))
            } catch {
                return .failure(error)
            }
        }
        usleep(100_000)
        // Signals of one kind do not queue: send the next only once the last was caught,
        // so a loaded machine cannot merge two of them into one.
        for _ in 0..<3 {
            let caught = caughtSignals
            reader.interrupt()
            var waited = 0
            while caughtSignals == caught, waited < 5_000 {
                usleep(1_000)
                waited += 1
            }
        }
        XCTAssertFalse(reader.isFinished, "the read must still be waiting after three signals")
        XCTAssertEqual(write(pipe.writeEnd, "hello", 5), 5)
        let result = reader.value()
        XCTAssertEqual(try result?.get(), Array("hello".utf8))
        XCTAssertGreaterThanOrEqual(caughtSignals - before, 3)
    }

    /// A non-blocking write that would block reports what it wrote, then nil: never a loop.
    func testANonBlockingWriteReturnsWhatFitsThenNil() throws {
        let pipe = try TestPipe()
        XCTAssertEqual(pipe.useSmallBuffer(), 4096)
        pipe.makeNonBlocking(pipe.writeEnd)
        let bytes = [UInt8](repeating: 42, count: 65_536)
        let writeEnd = pipe.writeEnd
        func attempt() throws -> Int? {
            try bytes.withUnsafeBytes { buffer in
                try SystemCall.nonBlocking("write", descriptor: writeEnd) { write(writeEnd, buffer.baseAddress, buffer.count) }
            }
        }
        XCTAssertEqual(try attempt(), 4096)
        XCTAssertNil(try attempt())
    }

    func testANonBlockingReadOfAnEmptyPipeIsNil() throws {
        let pipe = try TestPipe()
        pipe.makeNonBlocking(pipe.readEnd)
        var byte: UInt8 = 0
        let readEnd = pipe.readEnd
        XCTAssertNil(try SystemCall.nonBlocking("read", descriptor: readEnd) { read(readEnd, &byte, 1) })
        XCTAssertEqual(write(pipe.writeEnd, "x", 1), 1)
        XCTAssertEqual(try SystemCall.nonBlocking("read", descriptor: readEnd) { read(readEnd, &byte, 1) }, 1)
        XCTAssertEqual(byte, UInt8(ascii: "x"))
    }

    func testOtherFailuresThrowNamingTheCall() {
        XCTAssertThrowsError(try SystemCall.run("dup") { dup(-1) }) { error in
            XCTAssertEqual(error as? SystemCallError, SystemCallError(call: "dup", code: EBADF))
        }
        XCTAssertThrowsError(try SystemCall.pointer("opendir", path: "/no/such/folder") { opendir("/no/such/folder") }) { error in
            XCTAssertEqual(error as? SystemCallError, SystemCallError(call: "opendir", code: ENOENT, path: "/no/such/folder"))
        }
    }

    func testCloseAfterClosesWhenTheBodyThrows() throws {
        struct Failure: Error {}
        let descriptor = open("/dev/null", O_RDONLY)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        XCTAssertThrowsError(try SystemCall.closeAfter(descriptor) { _ throws(Failure) in throw Failure() })
        XCTAssertEqual(fcntl(descriptor, F_GETFD), -1, "the descriptor is closed")
        XCTAssertEqual(errno, EBADF)
    }
}

#if canImport(Glibc)
import Glibc
#endif
import TalksSystem
import XCTest

/// `SystemFile`'s full reads and writes finish the job across short counts.
final class FullReadWriteTests: XCTestCase {
    override func setUp() {
        installInterruptingHandler()
    }

    /// The control for the next test: a blocking write into a one-page pipe writes one
    /// page, waits for room, and returns that short count when a signal arrives.
    func testARawWriteIntoASmallPipeIsShortWhenASignalArrives() throws {
        let pipe = try TestPipe()
        XCTAssertEqual(pipe.useSmallBuffer(), 4096)
        let writeEnd = pipe.writeEnd
        let writer = BlockingThread { () -> Int in
            let bytes = [UInt8](repeating: 7, count: 65_536)
            return bytes.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
        }
        usleep(100_000)
        writer.interrupt()
        XCTAssertEqual(writer.value(), 4096)
    }

    func testWriteAllDeliversEveryByteThroughShortWrites() throws {
        let pipe = try TestPipe()
        XCTAssertEqual(pipe.useSmallBuffer(), 4096)
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        let writeEnd = pipe.writeEnd
        let before = caughtSignals
        let writer = BlockingThread { () -> SystemCallError? in
            do throws(SystemCallError) {
                try SystemFile.writeAll(writeEnd, bytes)
                return nil
            } catch {
                return error
            }
        }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1000)
        while received.count < bytes.count {
            writer.interrupt()  // lands while the writer waits for room: a short write
            usleep(500)
            // A writer that gave up sends nothing more: stop instead of waiting forever.
            var ready = [pollfd(fd: pipe.readEnd, events: Int16(POLLIN), revents: 0)]
            guard poll(&ready, 1, 2000) == 1 else {
                XCTFail("the writer stopped after \(received.count) of \(bytes.count) bytes")
                break
            }
            let count = read(pipe.readEnd, &chunk, chunk.count)
            XCTAssertGreaterThan(count, 0)
            guard count > 0 else { break }
            received += chunk[0..<count]
        }
        XCTAssertEqual(writer.value() ?? nil, nil)
        XCTAssertEqual(received.count, bytes.count)
        XCTAssertTrue(received == bytes, "the bytes arrive whole and in order")
        XCTAssertGreaterThan(caughtSignals - before, 10)
    }

    /// A pipe gives what is there: each `read` returns one piece, and `readFully` keeps
    /// reading until it has them all, or until the writer closes its end.
    func testReadFullyLoopsOverShortReadsUntilFullOrEndOfFile() throws {
        let pipe = try TestPipe()
        let writeEnd = pipe.writeEnd
        let pieces = ["Hej ", "och ", "välkomna ", "till ", "Landet lär"]
        let writer = BlockingThread { () -> Int in
            var total = 0
            for piece in pieces {
                total += piece.utf8.count
                _ = Array(piece.utf8).withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
                usleep(20_000)
            }
            return total
        }
        let whole = Array(pieces.joined().utf8)
        XCTAssertEqual(try SystemFile.readFully(pipe.readEnd, count: whole.count), whole)
        XCTAssertEqual(writer.value(), whole.count)

        XCTAssertEqual(write(writeEnd, "kort", 4), 4)
        close(writeEnd)
        let descriptor = dup(pipe.readEnd)  // TestPipe closes both ends itself
        defer { close(descriptor) }
        XCTAssertEqual(try SystemFile.readFully(descriptor, count: 100), Array("kort".utf8), "fewer bytes at end of file")
    }

    func testReadToEndReadsAFileWhoseSizeSaysZero() throws {
        XCTAssertEqual(try SystemFile.status("/proc/self/status").st_size, 0)
        let text = String(decoding: try SystemFile.readFile("/proc/self/status"), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("Name:"), text)
        XCTAssertTrue(text.contains("\nPid:"), text)
    }

    func testWriteAllAtAnOffsetLeavesTheFileOffsetAlone() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/lock"
        let descriptor = try SystemFile.open(path, O_RDWR | O_CREAT)
        defer { close(descriptor) }
        try SystemFile.writeAll(descriptor, Array("abcdef".utf8))
        try SystemFile.writeAll(descriptor, Array("XY".utf8), at: 1)
        try SystemFile.writeAll(descriptor, Array("!".utf8))
        XCTAssertEqual(String(decoding: try SystemFile.readFile(path), as: UTF8.self), "aXYdef!")
    }
}

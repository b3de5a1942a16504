#if canImport(Glibc)
import Glibc
#endif
import TalksSystem
import XCTest

/// Errors name the call, what it was about, and errno in words.
final class ErrorNamingTests: XCTestCase {
    func testErrorNumbersReadAsNameAndText() {
        XCTAssertEqual(ErrorNumber.describe(ENOSPC), "ENOSPC (No space left on device)")
        XCTAssertEqual(ErrorNumber.describe(ENOENT), "ENOENT (No such file or directory)")
        XCTAssertEqual(ErrorNumber.describe(EADDRINUSE), "EADDRINUSE (Address already in use)")
        XCTAssertEqual(ErrorNumber.name(of: EWOULDBLOCK), "EAGAIN", "an alias goes by its first name")
        XCTAssertEqual(ErrorNumber.describe(4000), "errno 4000 (Unknown error 4000)")
    }

    /// Linux numbers its errors 1…133 with two gaps (41 and 58); every one has a name.
    func testEveryLinuxErrorNumberHasAName() {
        var names: Set<String> = []
        for code in Int32(1)...133 where code != 41 && code != 58 {
            let name = ErrorNumber.name(of: code)
            XCTAssertTrue(name.hasPrefix("E") && !name.contains(" "), "\(code): \(name)")
            names.insert(name)
        }
        XCTAssertEqual(names.count, 131, "one name per number")
    }

    func testAFailedCallNamesTheCallThePathAndTheError() {
        XCTAssertThrowsError(try SystemFile.open("/no/such/folder/episode.json", O_RDONLY)) { error in
            XCTAssertEqual("\(error)", "open failed for /no/such/folder/episode.json: ENOENT (No such file or directory)")
            XCTAssertEqual((error as? SystemCallError)?.code, ENOENT)
        }
        XCTAssertThrowsError(try SystemFile.withOpened("/dev/full", O_WRONLY) { descriptor throws(SystemCallError) in
            try SystemFile.writeAll(descriptor, [1, 2, 3], path: "/dev/full")
        }) { error in
            XCTAssertEqual("\(error)", "write failed for /dev/full: ENOSPC (No space left on device)")
        }
    }

    func testWithoutAPathTheDescriptorOrJustTheCallIsNamed() {
        XCTAssertThrowsError(try SystemFile.fsync(-1)) { error in
            XCTAssertEqual("\(error)", "fsync failed on descriptor -1: EBADF (Bad file descriptor)")
        }
        XCTAssertThrowsError(try SystemCall.run("dup") { dup(-1) }) { error in
            XCTAssertEqual("\(error)", "dup failed: EBADF (Bad file descriptor)")
        }
    }
}

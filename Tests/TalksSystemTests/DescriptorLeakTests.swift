#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TalksSystem
import XCTest

/// Every `SystemFile` function that opens a descriptor closes it, also when it fails.
final class DescriptorLeakTests: XCTestCase {
    private func assertFailsWithoutLeaking(
        _ expected: Int32, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void
    ) throws {
        let before = try openDescriptorCount()
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual((error as? SystemCallError)?.code, expected, "\(error)", file: file, line: line)
        }
        XCTAssertEqual(try openDescriptorCount(), before, "a descriptor leaked", file: file, line: line)
    }

    func testFailuresAfterOpeningCloseTheDescriptor() throws {
        let folder = try TemporaryFolder()
        try SystemFile.createFile(folder.path + "/exists", [1])
        // open succeeds, read fails: a folder is not read like a file.
        try assertFailsWithoutLeaking(EISDIR) { _ = try SystemFile.readFile(folder.path) }
        // open succeeds, write fails.
        try assertFailsWithoutLeaking(ENOSPC) {
            try SystemFile.withOpened("/dev/full", O_WRONLY) { descriptor throws(SystemCallError) in
                try SystemFile.writeAll(descriptor, [UInt8](repeating: 0, count: 100_000))
            }
        }
        // opendir fails, and readdir's folder is closed after a successful listing.
        try assertFailsWithoutLeaking(ENOTDIR) { _ = try SystemFile.directoryEntries(folder.path + "/exists") }
        try assertFailsWithoutLeaking(ENOTDIR) { try SystemFile.syncDirectory(folder.path + "/exists") }
        try assertFailsWithoutLeaking(EEXIST) { try SystemFile.createFile(folder.path + "/exists", [2]) }
        // mmap fails on a descriptor opened for writing only.
        try assertFailsWithoutLeaking(EACCES) {
            try SystemFile.withOpened(folder.path + "/exists", O_WRONLY) { descriptor throws(SystemCallError) in
                _ = try SystemMemory.mapReadOnly(descriptor, size: 1)
            }
        }
    }

    func testSuccessfulCallsLeaveNothingOpen() throws {
        let folder = try TemporaryFolder()
        let before = try openDescriptorCount()
        try SystemFile.createFile(folder.path + "/a", Array("svar".utf8))
        try SystemFile.syncFile(folder.path + "/a")
        try SystemFile.syncDirectory(folder.path)
        XCTAssertEqual(try SystemFile.readFile(folder.path + "/a"), Array("svar".utf8))
        XCTAssertEqual(try SystemFile.directoryEntries(folder.path), ["a"])
        XCTAssertEqual(try openDescriptorCount(), before)
    }
}

/// A fresh folder under the temporary directory, removed when the test ends.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "talks-system-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

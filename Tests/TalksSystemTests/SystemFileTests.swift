#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TalksSystem
import XCTest

/// The file and folder operations do what their C functions do, on real files.
final class SystemFileTests: XCTestCase {
    func testCreateRenameRemove() throws {
        let folder = try TemporaryFolder()
        let first = folder.path + "/manifest.json.tmp"
        let second = folder.path + "/manifest.json"
        try SystemFile.createFile(first, Array("{}".utf8), sync: false)
        XCTAssertTrue(SystemFile.exists(first))
        try SystemFile.rename(first, to: second)
        XCTAssertFalse(SystemFile.exists(first))
        XCTAssertEqual(try SystemFile.status(second).st_size, 2)
        try SystemFile.unlink(second)
        XCTAssertThrowsError(try SystemFile.unlink(second)) { error in
            XCTAssertEqual("\(error)", "unlink failed for \(second): ENOENT (No such file or directory)")
        }
    }

    func testFoldersAndLinks() throws {
        let folder = try TemporaryFolder()
        try SystemFile.makeDirectory(folder.path + "/avsnitt")
        XCTAssertThrowsError(try SystemFile.makeDirectory(folder.path + "/avsnitt")) { error in
            XCTAssertEqual((error as? SystemCallError)?.code, EEXIST)
        }
        XCTAssertEqual(symlink(folder.path + "/avsnitt", folder.path + "/länk"), 0)
        XCTAssertEqual(try SystemFile.directoryEntries(folder.path).sorted(), ["avsnitt", "länk"])
        XCTAssertEqual(try SystemFile.status(folder.path + "/länk").st_mode & S_IFMT, S_IFDIR)
        XCTAssertEqual(try SystemFile.linkStatus(folder.path + "/länk").st_mode & S_IFMT, S_IFLNK)
        let resolved = try SystemFile.realPath(folder.path + "/länk/.")
        XCTAssertTrue(resolved.hasSuffix("/avsnitt"), resolved)
        XCTAssertThrowsError(try SystemFile.realPath(folder.path + "/saknas")) { error in
            XCTAssertEqual((error as? SystemCallError)?.call, "realpath")
        }
        try SystemFile.removeDirectory(folder.path + "/avsnitt")
        XCTAssertFalse(SystemFile.exists(folder.path + "/avsnitt"))
    }

    /// `flock` belongs to an open file description: a second one cannot take it until the
    /// first lets go.
    func testAnExclusiveLockIsHeldByOneDescriptionAtATime() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/.write.lock"
        let first = try SystemFile.open(path, O_RDWR | O_CREAT)
        defer { close(first) }
        let second = try SystemFile.open(path, O_RDWR)
        defer { close(second) }
        XCTAssertTrue(try SystemFile.tryLockExclusive(first, path: path))
        XCTAssertFalse(try SystemFile.tryLockExclusive(second, path: path))
        try SystemFile.unlock(first, path: path)
        XCTAssertTrue(try SystemFile.tryLockExclusive(second, path: path))
    }

    func testAMappingShowsTheFileAndOutlivesItsName() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/seg-1-0.terms"
        try SystemFile.createFile(path, Array("talks segment".utf8))
        let region = try SystemFile.withOpened(path, O_RDONLY) { descriptor throws(SystemCallError) in
            try SystemMemory.mapReadOnly(descriptor, size: 13, path: path)
        }
        defer { SystemMemory.unmap(region) }
        try SystemFile.unlink(path)
        XCTAssertEqual(String(decoding: region, as: UTF8.self), "talks segment")
        XCTAssertThrowsError(try SystemMemory.advise(region, -12_345)) { error in
            XCTAssertEqual((error as? SystemCallError)?.code, EINVAL)
        }
    }

    func testTruncate() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/file"
        try SystemFile.createFile(path, Array("12345".utf8))
        try SystemFile.withOpened(path, O_RDWR) { descriptor throws(SystemCallError) in
            try SystemFile.truncate(descriptor, to: 2, path: path)
        }
        XCTAssertEqual(try SystemFile.readFile(path), Array("12".utf8))
    }
}

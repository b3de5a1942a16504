import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Disk full (issue 5), through the real `talks ingest`: a commit that cannot write its files
/// reports the error naming the file, exits 1, and leaves the previous generation intact and
/// verifiable; the next writer collects the partial files. Two ways to run out of room: a
/// size-limited writer (`ulimit -f`, works anywhere) and a real 1 MB tmpfs (ENOSPC; skipped
/// where mounting is not allowed).
final class DiskFullCommandTests: XCTestCase {
    private var root = ""
    private var mounted: String?

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
        root = NSTemporaryDirectory() + "talks-disk-full-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDown() {
        if let mounted { _ = try? Self.shell("umount '\(mounted)'") }
        try? FileManager.default.removeItem(atPath: root)
    }

    @discardableResult
    private static func shell(_ command: String) throws -> TalksExecutable.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return TalksExecutable.Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self), error: "")
    }

    /// An archive of `count` episodes of `cues` cues each (about 90 bytes of text per cue).
    private func writeArchive(_ path: String, from first: Int, count: Int, cues: Int) throws {
        for number in first..<(first + count) {
            let folder = path + "/avsnitt-\(number)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data("{\"title\": \"Avsnitt \(number)\"}".utf8).write(to: URL(fileURLWithPath: folder + "/episode.json"))
            var vtt = "WEBVTT\n"
            for cue in 0..<cues {
                let time = String(format: "%02d:%02d:%02d", cue / 900, cue / 15 % 60, cue * 4 % 60)
                vtt += "\n\(time).000 --> \(time).900\nOrd\(cue * 7 + number) om torkan, våtmarker och livsmedelsstrategin nummer \(cue) i avsnitt \(number).\n"
            }
            try Data(vtt.utf8).write(to: URL(fileURLWithPath: folder + "/transcript.vtt"))
        }
    }

    /// The checks after a commit that failed for lack of room.
    private func assertPreviousGenerationIntact(_ index: String, failed: TalksExecutable.Run, reason: String) throws {
        XCTAssertEqual(failed.status, 1, failed.output + failed.error)
        XCTAssertTrue(failed.error.hasPrefix("talks ingest: write failed for \(index)/seg-2-"), failed.error)
        XCTAssertTrue(failed.error.contains(reason), failed.error)
        let verify = try TalksExecutable.run(["verify", "--index", index])
        XCTAssertEqual(verify.status, 0, verify.output)
        XCTAssertTrue(verify.output.contains("ok: generation 1, 1 segment, 7 files"), verify.output)
        let search = try TalksExecutable.run(["search", "torkan", "--json", "--index", index])
        XCTAssertEqual(search.status, 0, search.error)
        XCTAssertTrue(search.output.contains("\"total_episodes\":3"), String(search.output.prefix(200)))
    }

    func testASizeLimitedWriterFailsCleanly() throws {
        let index = root + "/index"
        try writeArchive(root + "/small", from: 0, count: 3, cues: 20)
        try writeArchive(root + "/large", from: 3, count: 20, cues: 400)
        XCTAssertEqual(try TalksExecutable.run(["ingest", root + "/small", "--index", index]).status, 0)
        // Files may not grow past 256 KiB: a write beyond fails with EFBIG (SIGXFSZ ignored).
        let talks = TalksExecutable.url.path
        let failed = try Self.shell("trap '' XFSZ; ulimit -f 256; exec '\(talks)' ingest '\(root)/large' --index '\(index)' 2>&1 >/dev/null")
        try assertPreviousGenerationIntact(index, failed: TalksExecutable.Run(status: failed.status, output: "", error: failed.output),
                                           reason: "EFBIG (File too large)")
        let next = try TalksExecutable.run(["ingest", root + "/large", "--index", index])
        XCTAssertEqual(next.status, 0, next.error)
        let verify = try TalksExecutable.run(["verify", "--index", index])
        XCTAssertEqual(verify.status, 0, verify.output)
        XCTAssertFalse(verify.output.contains("not named by the manifest"), verify.output)
        XCTAssertTrue(verify.output.contains("23 episodes"), verify.output)
    }

    func testARealFullFileSystemFailsCleanly() throws {
        let mountPoint = root + "/tmpfs"
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        let mount = try Self.shell("mount -t tmpfs -o size=1m tmpfs '\(mountPoint)'")
        try XCTSkipUnless(mount.status == 0, "cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN): \(mount.output)")
        mounted = mountPoint
        let index = mountPoint + "/index"
        try writeArchive(root + "/small", from: 0, count: 3, cues: 20)
        try writeArchive(root + "/large", from: 3, count: 40, cues: 400)
        XCTAssertEqual(try TalksExecutable.run(["ingest", root + "/small", "--index", index]).status, 0)
        let failed = try TalksExecutable.run(["ingest", root + "/large", "--index", index])
        try assertPreviousGenerationIntact(index, failed: failed, reason: "ENOSPC (No space left on device)")
        // The next writer deletes the partial files first, so a small ingest fits again.
        try writeArchive(root + "/one", from: 100, count: 1, cues: 5)
        let next = try TalksExecutable.run(["ingest", root + "/one", "--index", index])
        XCTAssertEqual(next.status, 0, next.error)
        let verify = try TalksExecutable.run(["verify", "--index", index])
        XCTAssertEqual(verify.status, 0, verify.output)
        XCTAssertFalse(verify.output.contains("not named by the manifest"), verify.output)
        XCTAssertTrue(verify.output.contains("ok: generation 2"), verify.output)
    }
}

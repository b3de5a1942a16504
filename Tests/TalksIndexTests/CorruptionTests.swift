import XCTest
import TalksModel
@testable import TalksIndex
import TalksTestSupport

/// Flipped bytes, truncated files and unknown versions: every one is reported as an
/// `IndexError` naming the file, never a crash and never silently accepted by `verify`.
final class CorruptionTests: XCTestCase {
    var directory = ""
    var pristine: [String: Data] = [:]

    override func setUpWithError() throws {
        directory = TestArchive.temporaryDirectory(name)
        try TestArchive.build(directory, [TestArchive.vreta, TestArchive.water])
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.hasPrefix("seg-") || name == "manifest.json" {
            pristine[name] = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
        }
    }

    override func tearDown() {
        TestArchive.cleanUp(directory)
    }

    private func restore() throws {
        for (name, data) in pristine { try data.write(to: URL(fileURLWithPath: directory + "/" + name)) }
    }

    private func damage(_ name: String, _ change: (inout Data) -> Void) throws {
        var data = try XCTUnwrap(pristine[name])
        change(&data)
        try data.write(to: URL(fileURLWithPath: directory + "/" + name))
    }

    /// Opens the index as readers did before checked stamps: no checksum at all, only the
    /// structural checks (to count what they alone catch).
    private func openWithoutChecksums() throws(IndexError) -> IndexReader {
        guard let manifest = try Manifest.read(directory: directory) else { throw .noIndex(directory: directory) }
        return try IndexReader.open(directory: directory, manifest: manifest, verifyChecksums: false, checksums: false)
    }

    /// Reads everything a search could touch; must only ever throw `IndexError`.
    private func readEverything(checksums: Bool = true) throws(IndexError) {
        let reader = checksums ? try IndexReader.open(directory: directory) : try openWithoutChecksums()
        for segment in reader.segments {
            for episode in 0..<segment.episodeCount { _ = try segment.episode(episode) }
            for cue in 0..<segment.cueCount { _ = try segment.cue(cue) }
            for term in 0..<segment.termCount {
                _ = segment.termOrdinal(segment.term(at: term))
                for field in Field.allCases {
                    var cursor = segment.postings(term: term, field: field)
                    while cursor.next() { _ = cursor.positions(); _ = segment.fieldLength(field, document: cursor.document) }
                }
                var episodes = segment.episodePostings(term: term)
                _ = episodes.advance(to: 1)
                _ = segment.terms(withInflectionKey: segment.term(at: term))
                _ = segment.compounds(withPartKey: segment.term(at: term))
            }
            _ = segment.termOrdinals(withPrefix: "st")
        }
    }

    /// Whether `verify` reports the index as corrupt (a report with problems, or an error
    /// when the manifest itself cannot be read) and names `name`.
    private func verifyDetects(_ name: String) -> Bool {
        do {
            let report = try IndexVerifier.verify(directory: directory)
            return report.isCorrupt && report.problems.contains { "\($0)".contains(name) }
        } catch {
            return error.description.contains(name)
        }
    }

    func testEveryFlippedByteIsCaughtByVerifyAndNeverCrashesAReader() throws {
        let segmentFiles = FileKind.allCases.map { "seg-1-0.\($0.rawValue)" }
        var tried = 0
        var detected = 0
        var detectedOnOpen = 0
        for name in segmentFiles {
            let size = try XCTUnwrap(pristine[name]).count
            // Header, a spread of body positions, the section table and the footer.
            var offsets = Set([0, 8, 12, 20, size - 1, size - 5, size - 12, size - 20])
            for step in 1...12 { offsets.insert(size * step / 13) }
            for offset in offsets.sorted() where offset >= 0 && offset < size {
                try damage(name) { $0[offset] ^= 0x5A }
                tried += 1
                if verifyDetects(name) { detected += 1 } else { XCTFail("\(name) byte \(offset) not reported by verify") }
                do { try readEverything() } catch {
                    XCTAssertTrue(error.description.contains(name) || error.description.contains("seg-1-0"), "\(error)")
                }
                // A forced full check, and what every reader does by default (the damaged
                // file's ctime changed, so checked.json no longer vouches for it).
                for verifyChecksums in [true, false] {
                    do {
                        _ = try IndexReader.open(directory: directory, verifyChecksums: verifyChecksums)
                        XCTFail("\(name) byte \(offset) opened (verifyChecksums: \(verifyChecksums))")
                    } catch {
                        if error.description.contains(name) { detectedOnOpen += 1 }
                    }
                }
                try restore()
            }
        }
        XCTAssertEqual(detected, tried)
        XCTAssertEqual(detectedOnOpen, 2 * tried)
        print("corruption: flipped bytes in \(segmentFiles.count) segment file kinds: verify detected \(detected)/\(tried), "
              + "opening (forced full check, then default) refused \(detectedOnOpen)/\(2 * tried), naming the file")
        XCTAssertFalse(try IndexVerifier.verify(directory: directory).isCorrupt)
    }

    func testEveryFlippedByteOfTheManifestIsCaught() throws {
        let size = try XCTUnwrap(pristine["manifest.json"]).count
        var detectedByVerify = 0
        var refusedByReaders = 0
        for offset in 0..<size {
            for mask: UInt8 in [0x01, 0x5A] {
                try damage("manifest.json") { $0[offset] ^= mask }
                if verifyDetects("manifest.json") { detectedByVerify += 1 }
                do {
                    _ = try IndexReader.open(directory: directory)
                } catch {
                    if error.description.contains("manifest.json") { refusedByReaders += 1 }
                }
                try restore()
            }
        }
        XCTAssertEqual(detectedByVerify, 2 * size)
        XCTAssertEqual(refusedByReaders, 2 * size)
        print("corruption: every byte of manifest.json flipped two ways: verify detected \(detectedByVerify)/\(2 * size), "
              + "readers refused \(refusedByReaders)/\(2 * size), naming the file")
    }

    func testOpeningWithChecksumsRefusesAFlippedByteInsideASection() throws {
        let name = "seg-1-0.store"
        let size = try XCTUnwrap(pristine[name]).count
        try damage(name) { $0[size / 2] ^= 0x01 }
        XCTAssertThrowsError(try IndexReader.open(directory: directory, verifyChecksums: true)) { error in
            guard case IndexError.checksumMismatch(let file, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(file, name)
        }
        try restore()
        XCTAssertEqual(try IndexReader.open(directory: directory, verifyChecksums: true).episodeCount, 2)
    }

    func testRandomDamageOnlyEverGivesIndexErrors() throws {
        // Seeded, so a failure reproduces: 400 damaged copies, 1–6 bytes each, with values
        // chosen to make long VarInts (0xFF), zeros and random bytes.
        var generator = SplitMix64(seed: 0x7A11C5)
        let names = FileKind.allCases.map { "seg-1-0.\($0.rawValue)" }
        var errors = 0
        var detected = 0
        var detectedOnOpen = 0
        var openedWithoutChecksums = 0
        var tried = 0
        for _ in 0..<400 {
            let name = names[Int(generator.next() % UInt64(names.count))]
            let original = try XCTUnwrap(pristine[name])
            var data = original
            // Mostly hit the body, where opening does not look.
            for _ in 0..<(1 + Int(generator.next() % 6)) {
                let offset = 32 + Int(generator.next() % UInt64(max(1, data.count - 48)))
                switch generator.next() % 3 {
                case 0: data[offset] = 0xFF
                case 1: data[offset] = 0
                default: data[offset] = UInt8(truncatingIfNeeded: generator.next())
                }
            }
            // A byte set to the value it had is no damage.
            guard data != original else { continue }
            tried += 1
            try data.write(to: URL(fileURLWithPath: directory + "/" + name))
            do { try readEverything(checksums: false) } catch { errors += 1 }
            do { _ = try openWithoutChecksums() } catch { openedWithoutChecksums += 1 }
            do {
                _ = try IndexReader.open(directory: directory)
            } catch {
                if error.description.contains(name) { detectedOnOpen += 1 }
            }
            if verifyDetects(name) { detected += 1 } else { XCTFail("\(name): damage not reported by verify") }
            try restore()
        }
        XCTAssertGreaterThan(errors, 0, "some damage is found while reading")
        XCTAssertGreaterThan(tried, 350)
        XCTAssertEqual(detected, tried)
        XCTAssertEqual(detectedOnOpen, tried, "a default open refuses every damage, naming the file")
        print("corruption: \(tried) random damages (1-6 bytes): verify detected \(detected)/\(tried); a default open detected "
              + "\(detectedOnOpen)/\(tried), naming the file; without checksums (before checked stamps) opening refused "
              + "\(openedWithoutChecksums)/\(tried) and reading everything raised an IndexError for \(errors)/\(tried), never crashing")
    }

    func testTruncatedFilesAreRefusedOnOpenNamingTheFile() throws {
        var tried = 0
        var detected = 0
        for name in FileKind.allCases.map({ "seg-1-0.\($0.rawValue)" }) + ["manifest.json"] {
            let size = try XCTUnwrap(pristine[name]).count
            // The manifest's last byte is its newline, outside the checksummed JSON: cut one more.
            for length in [0, 1, 20, size / 2, name == "manifest.json" ? size - 2 : size - 1] {
                try damage(name) { $0 = $0.prefix(length) }
                tried += 1
                XCTAssertThrowsError(try IndexReader.open(directory: directory), "\(name) cut to \(length)") { error in
                    XCTAssertTrue("\(error)".contains(name), "\(error)")
                }
                if verifyDetects(name) { detected += 1 } else { XCTFail("\(name) cut to \(length) not reported by verify") }
                try restore()
            }
        }
        print("corruption: truncated files (every segment file kind and the manifest): verify detected \(detected)/\(tried), "
              + "opening refused every one, naming the file")
    }

    /// A footer whose section-table offset is near 2^64 (found by flipping the footer's bytes):
    /// the bounds check must not overflow while refusing it.
    func testSectionTableOffsetNearTheLargestIntegerIsRefusedNamingTheFile() throws {
        for kind in FileKind.allCases {
            let name = "seg-1-0.\(kind.rawValue)"
            try damage(name) { data in
                let at = data.count - 16
                for (index, byte) in [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF].enumerated() { data[at + index] = UInt8(byte) }
            }
            XCTAssertThrowsError(try IndexReader.open(directory: directory), name) { error in
                XCTAssertTrue("\(error)".contains(name), "\(error)")
            }
            try restore()
        }
    }

    func testUnknownFormatVersionIsRefusedNamingTheFile() throws {
        try damage("seg-1-0.postings") { $0[12] = 9 }
        XCTAssertThrowsError(try IndexReader.open(directory: directory)) { error in
            XCTAssertEqual(error as? IndexError, .unsupportedVersion(file: "seg-1-0.postings", found: 9, supported: 2))
            XCTAssertTrue("\(error)".contains("seg-1-0.postings has index format version 9"), "\(error)")
        }
        try restore()
        // A manifest from a newer talks, with a valid checksum.
        let body = Array(#"{"format":3,"generation":1,"segments":[]"#.utf8)
        let manifest = body + Array(",\"checksum\":\"\(IndexError.hex(CRC32C.checksum(body)))\"}\n".utf8)
        try Data(manifest).write(to: URL(fileURLWithPath: directory + "/manifest.json"))
        XCTAssertThrowsError(try IndexReader.open(directory: directory)) { error in
            XCTAssertEqual(error as? IndexError, .unsupportedVersion(file: "manifest.json", found: 3, supported: 2))
        }
    }

    func testDamagedManifestIsReported() throws {
        try damage("manifest.json") { data in
            if let index = data.firstIndex(of: UInt8(ascii: "7")) ?? data.firstIndex(of: UInt8(ascii: "9")) {
                data[index] = UInt8(ascii: "8")
            } else {
                data[20] ^= 1
            }
        }
        XCTAssertThrowsError(try IndexReader.open(directory: directory)) { error in
            XCTAssertTrue("\(error)".contains("manifest.json"), "\(error)")
        }
        try damage("manifest.json") { $0 = $0.prefix(30) }
        XCTAssertThrowsError(try IndexReader.open(directory: directory)) { error in
            guard case IndexError.corrupt(let file, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "manifest.json")
        }
        XCTAssertThrowsError(try IndexVerifier.verify(directory: directory))
    }

    func testMissingSegmentFileIsReported() throws {
        try FileManager.default.removeItem(atPath: directory + "/seg-1-0.lengths")
        XCTAssertThrowsError(try IndexReader.open(directory: directory)) { error in
            XCTAssertTrue("\(error)".contains("seg-1-0.lengths"), "\(error)")
        }
        let report = try IndexVerifier.verify(directory: directory)
        XCTAssertTrue(report.isCorrupt)
    }
}

/// A small seeded random number generator (SplitMix64) for reproducible damage.

#if canImport(Glibc)
import Glibc
#endif
import TalksModel
import TalksSystem

/// The built lexicon kept on disk, so that a process reads its tables instead of
/// generating 800,000 forms from the affix rules again.
///
/// Why: building takes about half a second of CPU in a release build (several seconds in a
/// debug one) at every ingest; reading the cache takes a few tens of milliseconds. The
/// file lives in `$XDG_CACHE_HOME/talks` (else `~/.cache/talks`), is named after the two
/// source files' paths, sizes and modification times, and records the hash of their bytes
/// (`SwedishLexicon.version`), so an updated dictionary gets a new cache and the index
/// records which data its keys came from. A missing, stale or damaged cache is rebuilt
/// (written to a temporary name, then renamed: concurrent ingests never see half a
/// file); a cache folder that cannot be written only costs the build.
///
/// Layout (little-endian): magic `TALKSLEX`, layout version u32, then length-prefixed
/// (u64 count) arrays: the version string's bytes, the forms table (bytes, starts, slots,
/// shift; a slot is `tag << 24 | index + 1` since layout 3, `FormTable`), the lemma table (same), reading starts, packed readings, lemma-form starts,
/// lemma forms, and the statistics as nine u64; last, a u64 checksum of every byte before
/// it (`absorb`: FNV-1a over each piece, 8 bytes at a time), so a damaged file is rebuilt, never believed.
enum SwedishLexiconCache {
    static let magic = Array("TALKSLEX".utf8)
    static let layoutVersion: UInt32 = 3

    /// The environment variable that turns the cache off when set to `off` (to measure the
    /// build, or on a read-only home).
    static let switchVariable = "TALKS_LEXICON_CACHE"

    /// The cache file for these sources, or nil when there is no cache folder or the
    /// cache is switched off.
    static func path(affix: stat, dictionary: stat, affixPath: String, dictionaryPath: String) -> String? {
        if let value = getenv(switchVariable), String(cString: value) == "off" { return nil }
        let folder: String
        if let xdg = getenv("XDG_CACHE_HOME"), case let base = String(cString: xdg), base.hasPrefix("/") {
            folder = base + "/talks"
        } else if let home = getenv("HOME"), case let base = String(cString: home), base.hasPrefix("/") {
            folder = base + "/.cache/talks"
        } else {
            return nil
        }
        var key = FNV1a.hash(affixPath + "\u{0}" + dictionaryPath)
        for number in [Int64(affix.st_size), Int64(affix.st_mtim.tv_sec), Int64(affix.st_mtim.tv_nsec),
                       Int64(dictionary.st_size), Int64(dictionary.st_mtim.tv_sec), Int64(dictionary.st_mtim.tv_nsec),
                       Int64(layoutVersion)] {
            key = (key ^ UInt64(bitPattern: number)) &* 0x0000_0100_0000_01B3
        }
        return folder + "/sv_SE-" + String(key, radix: 16) + ".lexicon"
    }

    /// The cached lexicon at `path`, or nil when there is none or it does not read back whole.
    /// Each array is read straight into its final storage (one copy from the page cache,
    /// no buffer of the whole file), and the checksum is taken on the way.
    static func read(_ path: String) -> SwedishLexicon? {
        guard let descriptor = try? SystemFile.open(path, O_RDONLY) else { return nil }
        defer { SystemCall.close(descriptor) }
        guard let size = try? SystemFile.status(descriptor: descriptor, path: path).st_size, size >= 8 else { return nil }
        var reader = CacheReader(descriptor: descriptor, remaining: Int(size) - 8)
        guard reader.bytes(magic.count) == magic, reader.value(UInt32.self) == layoutVersion,
              let version = reader.array(UInt8.self).map({ String(decoding: $0, as: UTF8.self) }),
              let forms = reader.formTable(), let lemmas = reader.formTable(),
              let readingStarts = reader.array(UInt32.self), let readings = reader.array(UInt32.self),
              let lemmaFormStarts = reader.array(UInt32.self),
              let lemmaForms = reader.array(UInt64.self), let numbers = reader.array(UInt64.self), numbers.count == 9,
              reader.remaining == 0
        else { return nil }
        let computed = reader.checksum
        reader.remaining = 8
        guard let stored = reader.rawValue(UInt64.self), stored == computed else { return nil }
        // Every index the lexicon follows must stay in bounds.
        guard readingStarts.count == forms.count + 1, readingStarts.first == 0, Int(readingStarts.last ?? 1) == readings.count,
              zip(readingStarts, readingStarts.dropFirst()).allSatisfy({ $0 <= $1 }),
              (readings.max() ?? 0) >> 8 < UInt32(max(1, lemmas.count)),
              lemmaFormStarts.count == lemmas.count + 1, lemmaFormStarts.first == 0, Int(lemmaFormStarts.last ?? 1) == lemmaForms.count,
              zip(lemmaFormStarts, lemmaFormStarts.dropFirst()).allSatisfy({ $0 <= $1 }),
              (lemmaForms.max() ?? 0) >> 8 < UInt64(max(1, forms.count))
        else { return nil }
        let n = numbers.map { Int(truncatingIfNeeded: $0) }
        let statistics = SwedishLexicon.Statistics(
            entries: n[0], entriesUsed: n[1], lemmas: n[2], surfaceForms: n[3], readings: n[4], joinedLemmas: n[5],
            borrowedPluralForms: n[6], memoryBytes: n[7])
        var lexicon = SwedishLexicon(forms: forms, readingStarts: readingStarts, packedReadings: readings, lemmaTable: lemmas,
                                     lemmaFormStarts: lemmaFormStarts, lemmaForms: lemmaForms, statistics: statistics)
        lexicon.version = version
        return lexicon
    }

    /// Writes the cache for `lexicon` at `path` (temporary name, then rename); failures
    /// are ignored: the cache is an optimisation.
    static func write(_ lexicon: SwedishLexicon, to path: String) {
        guard let slash = path.lastIndex(of: "/") else { return }
        createFolders(String(path[..<slash]))
        var writer = CacheWriter()
        writer.append(magic)
        writer.value(layoutVersion)
        writer.array(Array(lexicon.version.utf8))
        for table in [lexicon.forms, lexicon.lemmaTable] {
            let parts = table.parts
            writer.array(parts.bytes)
            writer.array(parts.starts)
            writer.array(parts.slots)
            writer.value(parts.shift)
        }
        writer.array(lexicon.readingStarts)
        writer.array(lexicon.packedReadings)
        writer.array(lexicon.lemmaFormStarts)
        writer.array(lexicon.lemmaForms)
        let s = lexicon.statistics
        writer.array([s.entries, s.entriesUsed, s.lemmas, s.surfaceForms, s.readings, s.joinedLemmas,
                      s.borrowedPluralForms, s.memoryBytes, 0].map { UInt64(clamping: $0) })
        var out = writer.bytes
        withUnsafeBytes(of: writer.checksum.littleEndian) { out.append(contentsOf: $0) }
        let temporary = path + ".tmp-\(getpid())"
        do {
            try? SystemFile.unlink(temporary)
            try SystemFile.createFile(temporary, out, sync: false)
            try SystemFile.rename(temporary, to: path)
        } catch {
            try? SystemFile.unlink(temporary)
        }
    }

    static let checksumSeed: UInt64 = 0xCBF2_9CE4_8422_2325

    /// The running checksum: FNV-1a over each piece (a value, or an array's bytes) taken
    /// 8 bytes at a time, then its last bytes one by one; a few milliseconds for sv_SE's
    /// 40 MB of tables.
    static func absorb(_ piece: UnsafeRawBufferPointer, into hash: inout UInt64) {
        let prime: UInt64 = 0x0000_0100_0000_01B3
        let words = piece.count / 8
        if let base = piece.baseAddress {
            for index in 0..<words {
                hash = (hash ^ base.loadUnaligned(fromByteOffset: index &* 8, as: UInt64.self)) &* prime
            }
        }
        for index in (words * 8)..<piece.count { hash = (hash ^ UInt64(piece[index])) &* prime }
    }

    private static func createFolders(_ folder: String) {
        var path = ""
        for component in folder.split(separator: "/") {
            path += "/" + component
            if !SystemFile.exists(path) { try? SystemFile.makeDirectory(path, mode: 0o700) }
        }
    }

}

/// Builds `SwedishLexiconCache`'s bytes and their checksum, piece by piece.
private struct CacheWriter {
    var bytes: [UInt8] = []
    var checksum = SwedishLexiconCache.checksumSeed

    mutating func append(_ piece: [UInt8]) {
        piece.withUnsafeBytes { SwedishLexiconCache.absorb($0, into: &checksum) }
        bytes.append(contentsOf: piece)
    }

    mutating func value<Value: FixedWidthInteger>(_ value: Value) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            SwedishLexiconCache.absorb(raw, into: &checksum)
            bytes.append(contentsOf: raw)
        }
    }

    /// A u64 count, then the elements' bytes (little-endian machines only write the cache).
    mutating func array<Value: FixedWidthInteger>(_ values: [Value]) {
        value(UInt64(values.count))
        values.withUnsafeBytes { raw in
            SwedishLexiconCache.absorb(raw, into: &checksum)
            bytes.append(contentsOf: raw)
        }
    }
}

/// Reads `SwedishLexiconCache`'s layout from a descriptor: every read checks the bytes are
/// there (`remaining`), arrays are read straight into their storage, and the checksum is
/// taken piece by piece as `CacheWriter` took it.
private struct CacheReader {
    let descriptor: Int32
    /// Bytes left before the stored checksum.
    var remaining: Int
    var checksum = SwedishLexiconCache.checksumSeed

    /// Fills `buffer` from the file, or false when the file ends first or a read fails.
    private mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) -> Bool {
        guard buffer.count <= remaining,
              let read = try? SystemFile.readFully(descriptor, into: buffer), read == buffer.count else { return false }
        remaining -= buffer.count
        return true
    }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= remaining else { return nil }
        var result = [UInt8](repeating: 0, count: count)
        let filled = result.withUnsafeMutableBytes { fill($0) }
        guard filled else { return nil }
        result.withUnsafeBytes { SwedishLexiconCache.absorb($0, into: &checksum) }
        return result
    }

    /// A value outside the checksum (the checksum itself).
    mutating func rawValue<Value: FixedWidthInteger>(_ type: Value.Type) -> Value? {
        var result: Value = 0
        let filled = withUnsafeMutableBytes(of: &result) { fill($0) }
        return filled ? Value(littleEndian: result) : nil
    }

    mutating func value<Value: FixedWidthInteger>(_ type: Value.Type) -> Value? {
        guard let result = rawValue(type) else { return nil }
        withUnsafeBytes(of: result.littleEndian) { SwedishLexiconCache.absorb($0, into: &checksum) }
        return result
    }

    /// A u64 count, then the elements, read straight into the array's own storage. Not
    /// zeroed first (40 MB of stores for sv_SE): the array counts its elements as
    /// initialised only when the read filled them all, and is dropped otherwise.
    mutating func array<Value: FixedWidthInteger>(_ type: Value.Type) -> [Value]? {
        guard let count = value(UInt64.self), count <= UInt64(remaining) / UInt64(MemoryLayout<Value>.stride) else { return nil }
        var filled = false
        let result = [Value](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
            Self.preferHugePages(UnsafeMutableRawBufferPointer(buffer))
            filled = fill(UnsafeMutableRawBufferPointer(buffer))
            initialized = filled ? Int(count) : 0
        }
        guard filled else { return nil }
        result.withUnsafeBytes { SwedishLexiconCache.absorb($0, into: &checksum) }
        return result
    }

    /// Asks the kernel to back the 2 MiB-aligned inside of a large array with huge pages
    /// (`MADV_HUGEPAGE`; this machine's transparent huge pages are on "madvise"), before it
    /// is filled. The lexicon's slot and string tables are probed at random offsets for
    /// every candidate compound part: with 4 KiB pages nearly every probe also misses the
    /// TLB, and filling 40 MB faults 10,000 pages in one by one. Advice only: a kernel
    /// without huge pages refuses it and nothing changes.
    static func preferHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
        let hugePage = 2 << 20
        guard buffer.count >= 2 * hugePage, let base = buffer.baseAddress else { return }
        let start = (Int(bitPattern: base) + hugePage - 1) / hugePage * hugePage
        let end = (Int(bitPattern: base) + buffer.count) / hugePage * hugePage
        guard end > start, let aligned = UnsafeRawPointer(bitPattern: start) else { return }
        try? SystemMemory.advise(UnsafeRawBufferPointer(start: aligned, count: end - start), Int32(MADV_HUGEPAGE))
    }

    mutating func formTable() -> FormTable? {
        guard let bytes = array(UInt8.self), let starts = array(UInt32.self), let slots = array(UInt32.self),
              let shift = value(UInt64.self)
        else { return nil }
        return FormTable(bytes: bytes, starts: starts, slots: slots, shift: shift)
    }
}

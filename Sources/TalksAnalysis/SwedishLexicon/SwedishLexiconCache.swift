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
/// shift), the lemma table (same), reading starts, packed readings, lemma-form starts,
/// lemma forms, and the statistics as nine u64; last, a u64 checksum of every byte before
/// it (`checksum`: FNV-1a over 8-byte words), so a damaged file is rebuilt, never believed.
enum SwedishLexiconCache {
    static let magic = Array("TALKSLEX".utf8)
    static let layoutVersion: UInt32 = 1

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
    static func read(_ path: String) -> SwedishLexicon? {
        guard let bytes = try? SystemFile.readFile(path), bytes.count >= 8 else { return nil }
        var stored: UInt64 = 0
        for (shift, byte) in bytes.suffix(8).enumerated() { stored |= UInt64(byte) << (8 * UInt64(shift)) }
        guard stored == checksum(bytes, count: bytes.count - 8) else { return nil }
        var reader = CacheReader(bytes: bytes, end: bytes.count - 8)
        guard reader.bytes(magic.count) == magic, reader.uint32() == layoutVersion,
              let version = reader.array(UInt8.self).map({ String(decoding: $0, as: UTF8.self) }),
              let forms = reader.formTable(), let lemmas = reader.formTable(),
              let readingStarts = reader.array(UInt32.self), let readings = reader.array(UInt32.self),
              let lemmaFormStarts = reader.array(UInt32.self),
              let lemmaForms = reader.array(UInt64.self), let numbers = reader.array(UInt64.self), numbers.count == 9,
              reader.atEnd
        else { return nil }
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
        let folder = String(path[..<slash])
        createFolders(folder)
        var out: [UInt8] = magic
        append(layoutVersion, to: &out)
        appendArray(Array(lexicon.version.utf8), to: &out)
        for table in [lexicon.forms, lexicon.lemmaTable] {
            let parts = table.parts
            appendArray(parts.bytes, to: &out)
            appendArray(parts.starts, to: &out)
            appendArray(parts.slots, to: &out)
            append(parts.shift, to: &out)
        }
        appendArray(lexicon.readingStarts, to: &out)
        appendArray(lexicon.packedReadings, to: &out)
        appendArray(lexicon.lemmaFormStarts, to: &out)
        appendArray(lexicon.lemmaForms, to: &out)
        let s = lexicon.statistics
        appendArray([s.entries, s.entriesUsed, s.lemmas, s.surfaceForms, s.readings, s.joinedLemmas,
                      s.borrowedPluralForms, s.memoryBytes, 0].map { UInt64(clamping: $0) }, to: &out)
        append(checksum(out, count: out.count), to: &out)
        let temporary = path + ".tmp-\(getpid())"
        do {
            try? SystemFile.unlink(temporary)
            try SystemFile.createFile(temporary, out, sync: false)
            try SystemFile.rename(temporary, to: path)
        } catch {
            try? SystemFile.unlink(temporary)
        }
    }

    /// FNV-1a over the first `count` bytes taken 8 at a time (then the rest one by one):
    /// a few milliseconds for the 40 MB of sv_SE's tables.
    static func checksum(_ bytes: [UInt8], count: Int) -> UInt64 {
        let prime: UInt64 = 0x0000_0100_0000_01B3
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        bytes.withUnsafeBytes { raw in
            let count = min(count, raw.count)
            let words = count / 8
            if let base = raw.baseAddress {
                for index in 0..<words {
                    hash = (hash ^ base.loadUnaligned(fromByteOffset: index &* 8, as: UInt64.self)) &* prime
                }
            }
            for index in (words * 8)..<count { hash = (hash ^ UInt64(raw[index])) &* prime }
        }
        return hash
    }

    private static func createFolders(_ folder: String) {
        var path = ""
        for component in folder.split(separator: "/") {
            path += "/" + component
            if !SystemFile.exists(path) { try? SystemFile.makeDirectory(path, mode: 0o700) }
        }
    }

    private static func append<Value: FixedWidthInteger>(_ value: Value, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    private static func appendArray<Value: FixedWidthInteger>(_ values: [Value], to out: inout [UInt8]) {
        append(UInt64(values.count), to: &out)
        // Little-endian machines only write the cache (`read` checks nothing else about order).
        values.withUnsafeBytes { out.append(contentsOf: $0) }
    }
}

/// Reads `SwedishLexiconCache`'s layout: every read checks the bytes are there, and the
/// arrays are copied out in one move each.
private struct CacheReader {
    let bytes: [UInt8]
    /// Where the arrays end (the checksum follows).
    let end: Int
    var offset = 0

    var atEnd: Bool { offset == end }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= end - offset else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    mutating func value<Value: FixedWidthInteger>(_ type: Value.Type) -> Value? {
        let size = MemoryLayout<Value>.size
        guard size <= end - offset else { return nil }
        var result: Value = 0
        withUnsafeMutableBytes(of: &result) { target in
            bytes.withUnsafeBytes { source in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + size)]))
            }
        }
        offset += size
        return Value(littleEndian: result)
    }

    mutating func uint32() -> UInt32? { value(UInt32.self) }

    mutating func array<Value: FixedWidthInteger>(_ type: Value.Type) -> [Value]? {
        guard let count = value(UInt64.self), count <= UInt64(end - offset) / UInt64(MemoryLayout<Value>.stride)
        else { return nil }
        let length = Int(count) * MemoryLayout<Value>.stride
        let result = [Value](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + length)]))
            }
            initialized = Int(count)
        }
        offset += length
        return result
    }

    mutating func formTable() -> FormTable? {
        guard let bytes = array(UInt8.self), let starts = array(UInt32.self), let slots = array(UInt32.self),
              let shift = value(UInt64.self)
        else { return nil }
        return FormTable(bytes: bytes, starts: starts, slots: slots, shift: shift)
    }
}

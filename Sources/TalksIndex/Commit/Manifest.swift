import TalksModel

/// The small file naming one generation of the index: its live segments and their deleted
/// episodes. Replaced atomically on every commit (FORMAT.md, "Manifest").
///
/// ```
/// {"format":2,"generation":7,"analysis":"rules-only","segments":[{"name":"seg-5-0",
///   "episodes":12,"cues":2031,"deleted":[3],"analysis":"rules-only"}],"checksum":"1a2b3c4d"}
/// ```
/// `checksum` is the CRC-32C (lowercase hex, 8 digits) of every byte before `,"checksum"`.
/// Each segment names the Swedish analysis its expansion tables were built with
/// (`IndexAnalysis`); the top-level `analysis` sums them up (`IndexAnalysis.summary`).
struct Manifest: Equatable {
    struct Entry: Equatable {
        var id: SegmentID
        var episodes: Int
        var cues: Int
        var deleted: [Int]
        /// The analysis the segment was written with (`IndexAnalysis.name`).
        var analysis: String
    }

    static let fileName = "manifest.json"
    var generation: UInt64
    var segments: [Entry]

    /// What the segments' analyses add up to (`IndexAnalysis.summary`).
    var analysis: String { IndexAnalysis.summary(of: segments.map(\.analysis)) }

    /// The manifest as JSON, written with TalksModel's `JSONWriter`; the checksum member
    /// is appended after the body it covers.
    func encoded() -> [UInt8] {
        let body: JSONValue = .object([
            JSONMember("format", .integer(Int64(FileContainer.formatVersion))),
            JSONMember("generation", .integer(Int64(clamping: generation))),
            JSONMember("analysis", .string(analysis)),
            JSONMember("segments", .array(segments.map { entry in
                .object([
                    JSONMember("name", .string("\(entry.id)")),
                    JSONMember("episodes", .integer(Int64(entry.episodes))),
                    JSONMember("cues", .integer(Int64(entry.cues))),
                    JSONMember("deleted", .array(entry.deleted.map { .integer(Int64($0)) })),
                    JSONMember("analysis", .string(entry.analysis)),
                ])
            })),
        ])
        // Everything but the closing brace is covered by the checksum.
        let bytes = Array(JSONWriter().string(body).utf8.dropLast())
        let checksum = IndexError.hex(CRC32C.checksum(bytes))
        return bytes + Array(",\"checksum\":\"\(checksum)\"}\n".utf8)
    }

    /// Parses and checks a manifest: its checksum first, then every member with its type and
    /// range (numbers that do not fit are damage, never silently cut down).
    static func decode(_ bytes: [UInt8], file: String) throws(IndexError) -> Manifest {
        let marker = Array(",\"checksum\":\"".utf8)
        guard let markerStart = lastIndex(of: marker, in: bytes) else {
            throw .corrupt(file: file, detail: "it has no \"checksum\" member; it was probably truncated")
        }
        let hexStart = markerStart + marker.count
        guard bytes.count >= hexStart + 8,
              let stored = UInt32(String(decoding: bytes[hexStart..<(hexStart + 8)], as: UTF8.self), radix: 16) else {
            throw .corrupt(file: file, detail: "its checksum is not 8 hex digits")
        }
        let computed = CRC32C.checksum(Array(bytes[0..<markerStart]))
        guard stored == computed else {
            throw .checksumMismatch(file: file, stored: stored, computed: computed)
        }
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw .corrupt(file: file, detail: "it is not valid JSON (\(error))")
        }
        guard case .object = root else { throw .corrupt(file: file, detail: "it is not a JSON object") }
        guard let format = count(root["format"]), let formatVersion = UInt32(exactly: format) else {
            throw .corrupt(file: file, detail: "it has no \"format\" number")
        }
        guard formatVersion == FileContainer.formatVersion else {
            throw .unsupportedVersion(file: file, found: formatVersion, supported: FileContainer.formatVersion)
        }
        guard let generation = count(root["generation"]), let list = root["segments"]?.arrayValue else {
            throw .corrupt(file: file, detail: "it lacks \"generation\" or \"segments\"")
        }
        var segments: [Entry] = []
        for item in list {
            guard let name = item["name"]?.stringValue, let id = SegmentID(name: name),
                  let episodes = count(item["episodes"]), let cues = count(item["cues"]),
                  let deletedValues = item["deleted"]?.arrayValue, let analysis = item["analysis"]?.stringValue else {
                throw .corrupt(file: file, detail: "a segment entry lacks \"name\", \"episodes\", \"cues\", \"deleted\" or \"analysis\"")
            }
            var deleted: [Int] = []
            for value in deletedValues {
                guard let ordinal = count(value), ordinal < episodes else {
                    throw .corrupt(file: file, detail: "segment \(name) lists a deleted episode that is not one of its \(episodes)")
                }
                deleted.append(ordinal)
            }
            segments.append(Entry(id: id, episodes: episodes, cues: cues, deleted: deleted, analysis: analysis))
        }
        return Manifest(generation: UInt64(generation), segments: segments)
    }

    /// A non-negative whole number that fits an `Int`, or nil.
    private static func count(_ value: JSONValue?) -> Int? {
        guard case .integer(let number)? = value, number >= 0 else { return nil }
        return Int(exactly: number)
    }

    /// Reads `directory/manifest.json`; nil when there is none.
    /// The manifest in `directory`, nil when there is none. One of an older format throws
    /// `IndexError.olderFormat` naming the directory (the fix is to re-ingest).
    static func read(directory: String) throws(IndexError) -> Manifest? {
        guard let bytes = try FileSystem.readFile(directory + "/" + fileName) else { return nil }
        do {
            return try decode(bytes, file: fileName)
        } catch .unsupportedVersion(_, let found, _) where found < FileContainer.formatVersion {
            throw .olderFormat(directory: directory, found: found)
        }
    }

    /// Writes the manifest durably and atomically: temp file, fsync, rename, fsync(dir).
    func write(directory: String) throws(IndexError) {
        let temporary = directory + "/" + Manifest.fileName + ".tmp-\(generation)"
        try FileSystem.remove(temporary)
        try FileSystem.writeNewFile(temporary, encoded())
        try FileSystem.rename(temporary, to: directory + "/" + Manifest.fileName)
        try FileSystem.syncDirectory(directory)
    }

    private static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var start = haystack.count - needle.count
        while start >= 0 {
            if haystack[start] == needle[0] && Array(haystack[start..<(start + needle.count)]) == needle { return start }
            start -= 1
        }
        return nil
    }
}

import Foundation

/// The small file naming one generation of the index: its live segments and their deleted
/// episodes. Replaced atomically on every commit (FORMAT.md, "Manifest").
///
/// ```
/// {"format":1,"generation":7,"segments":[{"name":"seg-5-0","episodes":12,"cues":2031,
///   "deleted":[3]}],"checksum":"1a2b3c4d"}
/// ```
/// `checksum` is the CRC-32C (lowercase hex, 8 digits) of every byte before `,"checksum"`.
struct Manifest: Equatable {
    struct Entry: Equatable {
        var id: SegmentID
        var episodes: Int
        var cues: Int
        var deleted: [Int]
    }

    static let fileName = "manifest.json"
    var generation: UInt64
    var segments: [Entry]

    func encoded() -> [UInt8] {
        var text = "{\"format\":\(FileContainer.formatVersion),\"generation\":\(generation),\"segments\":["
        for (index, entry) in segments.enumerated() {
            if index > 0 { text += "," }
            text += "{\"name\":\"\(entry.id)\",\"episodes\":\(entry.episodes),\"cues\":\(entry.cues),\"deleted\":["
            text += entry.deleted.map(String.init).joined(separator: ",")
            text += "]}"
        }
        text += "]"
        let body = Array(text.utf8)
        let checksum = IndexError.hex(CRC32C.checksum(body))
        return body + Array(",\"checksum\":\"\(checksum)\"}\n".utf8)
    }

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
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            throw .corrupt(file: file, detail: "it is not valid JSON")
        }
        guard let root = object as? [String: Any] else { throw .corrupt(file: file, detail: "it is not a JSON object") }
        guard let format = (root["format"] as? NSNumber)?.uint32Value else {
            throw .corrupt(file: file, detail: "it has no \"format\" number")
        }
        guard format == FileContainer.formatVersion else {
            throw .unsupportedVersion(file: file, found: format, supported: FileContainer.formatVersion)
        }
        guard let generation = (root["generation"] as? NSNumber)?.uint64Value,
              let list = root["segments"] as? [[String: Any]] else {
            throw .corrupt(file: file, detail: "it lacks \"generation\" or \"segments\"")
        }
        var segments: [Entry] = []
        for item in list {
            guard let name = item["name"] as? String, let id = SegmentID(name: name),
                  let episodes = (item["episodes"] as? NSNumber)?.intValue,
                  let cues = (item["cues"] as? NSNumber)?.intValue,
                  let deleted = item["deleted"] as? [NSNumber] else {
                throw .corrupt(file: file, detail: "a segment entry lacks \"name\", \"episodes\", \"cues\" or \"deleted\"")
            }
            segments.append(Entry(id: id, episodes: episodes, cues: cues, deleted: deleted.map(\.intValue)))
        }
        return Manifest(generation: generation, segments: segments)
    }

    /// Reads `directory/manifest.json`; nil when there is none.
    static func read(directory: String) throws(IndexError) -> Manifest? {
        guard let bytes = try FileSystem.readFile(directory + "/" + fileName) else { return nil }
        return try decode(bytes, file: fileName)
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

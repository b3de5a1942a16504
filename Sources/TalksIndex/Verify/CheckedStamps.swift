#if canImport(Glibc)
import Glibc
#endif
import TalksModel

/// What identifies one version of a file without reading it: inode, size and ctime.
///
/// ctime cannot be set by users: every write, truncate, chmod, link or utimes moves it to
/// the current time. So a file whose identity is unchanged since its checksum was verified
/// was not rewritten through the file system since (FORMAT.md, "Checked stamps").
struct FileIdentity: Equatable, Sendable {
    var inode: UInt64
    var size: Int64
    var ctimeSeconds: Int64
    var ctimeNanoseconds: Int64

    init(inode: UInt64, size: Int64, ctimeSeconds: Int64, ctimeNanoseconds: Int64) {
        self.inode = inode
        self.size = size
        self.ctimeSeconds = ctimeSeconds
        self.ctimeNanoseconds = ctimeNanoseconds
    }

    init(_ status: stat) {
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        ctimeSeconds = Int64(status.st_ctim.tv_sec)
        ctimeNanoseconds = Int64(status.st_ctim.tv_nsec)
    }

    /// Whether a stamp of this identity can be trusted: a change made within the same
    /// timestamp tick as the file's last change would leave ctime as it is, so a file is
    /// stamped only once its ctime lies `settleNanoseconds` in the past (2 s when the
    /// nanoseconds are 0, a sign of a file system with whole-second timestamps).
    func isSettled(now: timespec) -> Bool {
        let settle: Int64 = ctimeNanoseconds == 0 ? 2_000_000_000 : CheckedStamps.settleNanoseconds
        let age = (Int64(now.tv_sec) - ctimeSeconds) * 1_000_000_000 + (Int64(now.tv_nsec) - ctimeNanoseconds)
        return age >= settle
    }
}

/// `checked.json`: which segment files of one generation had their CRC-32C verified in
/// full, and their identity (`FileIdentity`) at that moment. A cache that lets a one-shot
/// reader skip reading every byte of files nobody changed since they were checked; any
/// doubt (file missing or damaged, another generation, identity changed) means a full check.
///
/// ```
/// {"format":1,"generation":7,"files":[{"name":"seg-7-0.terms","size":5123,"inode":1835012,
///   "ctime":1764410000,"ctime_ns":123456789}],"checksum":"1a2b3c4d"}
/// ```
struct CheckedStamps: Equatable {
    static let fileName = "checked.json"
    /// Prefix of the temporary files it is written through (collected by the next writer).
    static let temporaryPrefix = fileName + ".tmp-"
    /// How old a file's ctime must be before it is stamped (see `FileIdentity.isSettled`).
    static let settleNanoseconds: Int64 = 100_000_000

    var generation: UInt64
    /// Verified files by name.
    var files: [String: FileIdentity]

    /// Whether `name` with this identity was verified (for the generation this was read for).
    func covers(_ name: String, _ identity: FileIdentity) -> Bool {
        files[name] == identity
    }

    func encoded() -> [UInt8] {
        let body: JSONValue = .object([
            JSONMember("format", .integer(1)),
            JSONMember("generation", .integer(Int64(clamping: generation))),
            JSONMember("files", .array(files.keys.sorted().compactMap { name in
                guard let identity = files[name] else { return nil }
                return .object([
                    JSONMember("name", .string(name)),
                    JSONMember("size", .integer(identity.size)),
                    JSONMember("inode", .integer(Int64(bitPattern: identity.inode))),
                    JSONMember("ctime", .integer(identity.ctimeSeconds)),
                    JSONMember("ctime_ns", .integer(identity.ctimeNanoseconds)),
                ])
            })),
        ])
        let bytes = Array(JSONWriter().string(body).utf8.dropLast())
        return bytes + Array(",\"checksum\":\"\(IndexError.hex(CRC32C.checksum(bytes)))\"}\n".utf8)
    }

    /// Parses a stamp file; nil for anything damaged, truncated or of another format.
    static func decode(_ bytes: [UInt8]) -> CheckedStamps? {
        let marker = Array(",\"checksum\":\"".utf8)
        guard bytes.count >= marker.count + 10 else { return nil }
        // The checksum member is the last one: `,"checksum":"xxxxxxxx"}` and a newline.
        let markerStart = bytes.count - marker.count - 11
        guard markerStart >= 0, Array(bytes[markerStart..<(markerStart + marker.count)]) == marker,
              Array(bytes[(bytes.count - 3)...]) == Array("\"}\n".utf8),
              let stored = UInt32(String(decoding: bytes[(markerStart + marker.count)..<(bytes.count - 3)], as: UTF8.self), radix: 16),
              stored == CRC32C.checksum(Array(bytes[0..<markerStart])),
              let root = try? JSONParser.parse(bytes),
              case .integer(1)? = root["format"],
              case .integer(let generation)? = root["generation"], generation >= 0,
              let list = root["files"]?.arrayValue else { return nil }
        var files: [String: FileIdentity] = [:]
        for item in list {
            guard let name = item["name"]?.stringValue,
                  case .integer(let size)? = item["size"], case .integer(let inode)? = item["inode"],
                  case .integer(let seconds)? = item["ctime"], case .integer(let nanoseconds)? = item["ctime_ns"] else {
                return nil
            }
            files[name] = FileIdentity(inode: UInt64(bitPattern: inode), size: size,
                                       ctimeSeconds: seconds, ctimeNanoseconds: nanoseconds)
        }
        return CheckedStamps(generation: UInt64(generation), files: files)
    }

    /// The stamps in `directory` if they are intact and for `generation`; else none
    /// (every file is then checked in full).
    static func read(directory: String, generation: UInt64) -> CheckedStamps {
        guard let bytes = try? FileSystem.readFile(directory + "/" + fileName), bytes.count <= 16 << 20,
              let stamps = decode(bytes), stamps.generation == generation else {
            return CheckedStamps(generation: generation, files: [:])
        }
        return stamps
    }

    /// Replaces `checked.json` atomically (temp file, rename), best effort: it is only a
    /// cache, so any failure (read-only directory, full disk) is ignored. Not fsynced: a
    /// crash leaves the previous stamps, or a file whose checksum fails (ignored). Files
    /// whose ctime has not settled are left out. Nothing is written when `stillCurrent`
    /// says the generation was replaced meanwhile (newer stamps must not be overwritten),
    /// or when the settled stamps equal `previous` (what is already on disk).
    func write(directory: String, unlessEqualTo previous: CheckedStamps? = nil, stillCurrent: () -> Bool = { true }) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let settled = CheckedStamps(generation: generation, files: files.filter { $0.value.isSettled(now: now) })
        if settled == previous { return }
        let temporary = directory + "/" + Self.temporaryPrefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try FileSystem.writeNewFile(temporary, settled.encoded(), sync: false)
            guard stillCurrent() else {
                try FileSystem.remove(temporary)
                return
            }
            try FileSystem.rename(temporary, to: directory + "/" + Self.fileName)
        } catch {
            try? FileSystem.remove(temporary)
        }
    }

    /// What a writer calls after a commit: stamps the files of `manifest`'s generation,
    /// reusing earlier stamps of files whose identity did not change and verifying the
    /// others (the files it just wrote, still in the page cache) in full. A file that
    /// fails its check is left unstamped, so readers check it and report it.
    static func refresh(directory: String, manifest: Manifest) {
        let previous = (try? FileSystem.readFile(directory + "/" + fileName)).flatMap(decode)
        var stamps = CheckedStamps(generation: manifest.generation, files: [:])
        for entry in manifest.segments {
            for kind in FileKind.allCases {
                guard let file = try? MappedFile(path: directory + "/" + entry.id.fileName(kind)) else { continue }
                if previous?.covers(file.name, file.identity) != true {
                    guard (try? FileContainer.verifyChecksum(file.bytes, file: file.name)) != nil else { continue }
                }
                stamps.files[file.name] = file.identity
            }
        }
        stamps.write(directory: directory) {
            (try? Manifest.read(directory: directory))?.generation == manifest.generation
        }
    }
}

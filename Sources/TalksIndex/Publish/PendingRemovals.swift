import TalksModel

/// `publish-pending.json` in a published folder: the segment files that its manifest no
/// longer names, each with the time (seconds since 1970) a publish first found it so.
///
/// A server may still be reading the previous generation, or be opening it right now, so
/// `IndexPublisher` removes such a file only once it has been unreferenced for the grace
/// period, on a later publish. The list is a cache of times: a missing or damaged list
/// only makes removal later (every file starts its grace period again), never sooner.
///
/// ```
/// {"format":1,"files":[{"name":"seg-3-0.terms","unreferenced_since":1764410000}]}
/// ```
struct PendingRemovals: Equatable {
    static let fileName = "publish-pending.json"
    /// Unreferenced since (seconds since 1970), by file name.
    var files: [String: Int64]

    func encoded() -> [UInt8] {
        let body: JSONValue = .object([
            JSONMember("format", .integer(1)),
            JSONMember("files", .array(files.keys.sorted().compactMap { name in
                guard let since = files[name] else { return nil }
                return .object([JSONMember("name", .string(name)), JSONMember("unreferenced_since", .integer(since))])
            })),
        ])
        return Array((JSONWriter().string(body) + "\n").utf8)
    }

    /// The list in `directory`; nil when there is none or it is damaged (then every file
    /// starts its grace period again).
    static func read(directory: String) -> PendingRemovals? {
        guard let bytes = try? FileSystem.readFile(directory + "/" + fileName), bytes.count <= 16 << 20,
              let root = try? JSONParser.parse(bytes), case .integer(1)? = root["format"],
              let list = root["files"]?.arrayValue else { return nil }
        var files: [String: Int64] = [:]
        for item in list {
            guard let name = item["name"]?.stringValue, case .integer(let since)? = item["unreferenced_since"] else {
                return nil
            }
            files[name] = since
        }
        return PendingRemovals(files: files)
    }

    /// Replaces the list durably and atomically (temp file, fsync, rename, fsync directory).
    func write(directory: String) throws(IndexError) {
        let temporary = directory + "/" + Self.fileName + ".tmp-publish"
        try FileSystem.remove(temporary)
        try FileSystem.writeNewFile(temporary, encoded())
        try FileSystem.rename(temporary, to: directory + "/" + Self.fileName)
        try FileSystem.syncDirectory(directory)
    }
}

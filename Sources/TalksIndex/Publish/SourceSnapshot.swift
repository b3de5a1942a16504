/// One generation of a source index as `IndexPublisher` copies it: its manifest's bytes
/// (copied verbatim, checksum and all) and, for each segment the manifest names, the files
/// in the source folder that belong to it.
///
/// The files are found by listing the folder (`seg-<G>-<N>.<kind>` for any kind), not by
/// the kinds this build knows, so a segment is copied whole whatever files it has. The
/// listing is only trusted when the manifest is the same before and after it: a writer
/// removes old files only after replacing the manifest, so an unchanged manifest means
/// none of its files had been removed when the folder was listed.
struct SourceSnapshot {
    var manifestBytes: [UInt8]
    var manifest: Manifest
    /// Each segment's file names, in the manifest's order.
    var files: [(SegmentID, [String])]

    /// Takes a snapshot; nil when the source committed meanwhile (try again).
    static func take(_ source: String) throws -> SourceSnapshot? {
        let path = source + "/" + Manifest.fileName
        guard let bytes = try FileSystem.readFile(path) else { throw IndexError.noIndex(directory: source) }
        let manifest = try Manifest.decode(bytes, file: path)
        let names = try FileSystem.list(source)
        guard try FileSystem.readFile(path) == bytes else { return nil }
        var bySegment: [SegmentID: [String]] = [:]
        for name in names {
            guard let segment = segment(ofFile: name) else { continue }
            bySegment[segment, default: []].append(name)
        }
        var files: [(SegmentID, [String])] = []
        for entry in manifest.segments {
            guard let names = bySegment[entry.id], !names.isEmpty else {
                throw PublishError.missingSegment(source: source, segment: "\(entry.id)")
            }
            files.append((entry.id, names.sorted()))
        }
        return SourceSnapshot(manifestBytes: bytes, manifest: manifest, files: files)
    }

    /// The segment a file name belongs to: `seg-<G>-<N>.<kind>` with a kind of lowercase
    /// letters (not a temporary name); nil for any other file.
    static func segment(ofFile name: String) -> SegmentID? {
        guard name.hasPrefix("seg-"), let dot = name.firstIndex(of: ".") else { return nil }
        let kind = name[name.index(after: dot)...]
        guard !kind.isEmpty, !kind.hasPrefix("tmp"),
              kind.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return nil }
        return SegmentID(name: String(name[..<dot]))
    }
}

/// The kinds of segment file: one enum maps each part of a segment to its file extension
/// and to the four-byte kind tag in its header (FORMAT.md, "Files").
public enum FileKind: String, Sendable, CaseIterable {
    case terms, postings, positions, lengths, store, episodes, expansions

    /// The four ASCII bytes at header offset 8.
    var tag: [UInt8] {
        switch self {
        case .terms: return Array("TERM".utf8)
        case .postings: return Array("POST".utf8)
        case .positions: return Array("POSN".utf8)
        case .lengths: return Array("LENS".utf8)
        case .store: return Array("STOR".utf8)
        case .episodes: return Array("EPIS".utf8)
        case .expansions: return Array("EXPN".utf8)
        }
    }

    /// The file extension, e.g. `seg-3-0.terms`.
    public var fileExtension: String { rawValue }
}

/// Names one segment: the generation that wrote it and its number within that commit.
/// File names are `seg-<generation>-<number>.<kind>` and are never reused.
public struct SegmentID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var generation: UInt64
    public var number: UInt32

    public init(generation: UInt64, number: UInt32) {
        self.generation = generation
        self.number = number
    }

    public var description: String { "seg-\(generation)-\(number)" }

    public func fileName(_ kind: FileKind) -> String { "\(description).\(kind.fileExtension)" }

    /// Parses `seg-<generation>-<number>` (no extension).
    public init?(name: String) {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "seg",
              let generation = UInt64(parts[1]), let number = UInt32(parts[2]) else { return nil }
        self.init(generation: generation, number: number)
    }

    public static func < (left: SegmentID, right: SegmentID) -> Bool {
        (left.generation, left.number) < (right.generation, right.number)
    }
}

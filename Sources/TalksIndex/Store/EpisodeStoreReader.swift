import TalksModel

/// Reads the `.episodes` file: episode metadata, content hashes and cue ranges
/// (FORMAT.md, "Episodes").
///
/// Sections: 0 first cue of each episode (u32 × (episodes+1); the last is the cue count),
/// 1 record offsets (u32 × (episodes+1)), 2 records, 3 ordinals sorted by id (u32 × episodes).
struct EpisodeStoreReader {
    let file: String
    let cueStarts: UInt32Table
    let offsets: UInt32Table
    let records: UnsafeRawBufferPointer
    let idOrder: UInt32Table
    let count: Int
    let cueCount: Int

    init(_ sections: [UnsafeRawBufferPointer], file: String) throws(IndexError) {
        guard sections.count == SegmentLayout.sectionCount(.episodes) else {
            throw .corrupt(file: file, detail: "expected \(SegmentLayout.sectionCount(.episodes)) sections, found \(sections.count)")
        }
        self.file = file
        cueStarts = UInt32Table(sections[0])
        offsets = UInt32Table(sections[1])
        records = sections[2]
        idOrder = UInt32Table(sections[3])
        guard cueStarts.count >= 1, sections[0].count % 4 == 0 else {
            throw .corrupt(file: file, detail: "the cue range table is empty")
        }
        count = cueStarts.count - 1
        cueCount = Int(cueStarts.unchecked(count))
        guard offsets.count == count + 1, idOrder.count == count,
              Int(offsets.unchecked(count)) == records.count else {
            throw .corrupt(file: file, detail: "the tables do not agree on \(count) episodes")
        }
        var previous: UInt32 = 0
        for index in 0...count {
            let start = cueStarts.unchecked(index)
            guard start >= previous else {
                throw .corrupt(file: file, detail: "the first cue of episode \(index) (\(start)) is before that of episode \(index - 1) (\(previous))")
            }
            previous = start
        }
    }

    func cueRange(_ ordinal: Int) -> Range<Int> {
        guard ordinal >= 0, ordinal < count else { return 0..<0 }
        return Int(cueStarts.unchecked(ordinal))..<Int(cueStarts.unchecked(ordinal + 1))
    }

    /// The episode owning `cue` (binary search over the cue ranges); -1 when out of range.
    func episodeOrdinal(ofCue cue: Int) -> Int {
        guard cue >= 0, cue < cueCount else { return -1 }
        var low = 0
        var high = count
        // Largest e with cueStarts[e] <= cue.
        while high - low > 1 {
            let middle = (low + high) >> 1
            if Int(cueStarts.unchecked(middle)) <= cue { low = middle } else { high = middle }
        }
        // Skip empty episodes that share the start.
        while low + 1 < count && Int(cueStarts.unchecked(low + 1)) <= cue { low += 1 }
        return low
    }

    func recordReader(_ ordinal: Int) throws(IndexError) -> ByteReader {
        guard ordinal >= 0, ordinal < count else {
            throw .outOfRange("episode ordinal \(ordinal) is outside 0..<\(count) in \(file)")
        }
        let start = Int(offsets.unchecked(ordinal))
        let end = Int(offsets.unchecked(ordinal + 1))
        guard start <= end, end <= records.count else {
            throw .corrupt(file: file, detail: "episode \(ordinal) has record bounds \(start)..<\(end) outside the record section")
        }
        return ByteReader(UnsafeRawBufferPointer(rebasing: records[start..<end]), file: file)
    }

    /// Id, content hash and source path: the first three strings of a record.
    func identity(_ ordinal: Int) throws(IndexError) -> (id: String, contentHash: String, sourcePath: String) {
        var reader = try recordReader(ordinal)
        return (try reader.readString(), try reader.readString(), try reader.readString())
    }

    func episode(_ ordinal: Int) throws(IndexError) -> Episode {
        var reader = try recordReader(ordinal)
        let id = try reader.readString()
        // The content hash and source path are skipped, not decoded into strings.
        _ = try reader.readBytes(try reader.readVarInt(atMost: reader.remaining, "content hash length"))
        _ = try reader.readBytes(try reader.readVarInt(atMost: reader.remaining, "source path length"))
        return try EpisodeCoding.decode(id: id, from: &reader)
    }

    /// What filters look at (series, date, timestamp, speaker names), read without decoding
    /// the rest of the record: the title and language are skipped and reading stops after
    /// the speakers (before the description, links and tags).
    func filterFields(_ ordinal: Int) throws(IndexError) -> EpisodeFilterFields {
        var reader = try recordReader(ordinal)
        for what in ["id", "content hash", "source path"] {
            _ = try reader.readBytes(try reader.readVarInt(atMost: reader.remaining, "\(what) length"))
        }
        let series = try reader.readOptionalString()
        if try reader.readByte() == 1 { _ = try reader.readVarInt() }
        _ = try reader.readBytes(try reader.readVarInt(atMost: reader.remaining, "title length"))
        let date = try reader.readOptionalString()
        let timestamp: Int64? = try reader.readByte() == 1 ? EpisodeCoding.unzigzag(try reader.readVarInt()) : nil
        _ = try reader.readBytes(try reader.readVarInt(atMost: reader.remaining, "language length"))
        let speakerCount = try reader.readVarInt(atMost: reader.remaining, "speaker count")
        var speakers: [String] = []
        speakers.reserveCapacity(speakerCount)
        for _ in 0..<speakerCount {
            speakers.append(try reader.readString())
            switch try reader.readByte() {
            case 0: break
            case 1: _ = try reader.readBytes(try reader.readVarInt(atMost: reader.remaining, "organisation length"))
            case let other: throw reader.corrupt("optional-string marker \(other) of an organisation is neither 0 nor 1")
            }
        }
        return EpisodeFilterFields(series: series, date: date, timestamp: timestamp, speakers: speakers)
    }

    /// The ordinal of the episode with this id, by binary search over section 3.
    func ordinal(ofID id: String) -> Int? {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) >> 1
            let ordinal = Int(idOrder.unchecked(middle))
            guard let found = try? identity(ordinal).id else { return nil }
            if found == id { return ordinal }
            if Array(found.utf8).lexicographicallyPrecedes(Array(id.utf8)) { low = middle + 1 } else { high = middle }
        }
        return nil
    }
}

/// The fields of an episode that query filters test (`series:`, `after:`/`before:`,
/// `speaker:`), as stored: a cheaper read than the whole `Episode`.
public struct EpisodeFilterFields: Sendable, Equatable {
    public var series: String?
    public var date: String?
    public var timestamp: Int64?
    public var speakers: [String]
}

/// The binary form of `Episode` after its id (FORMAT.md, "Episode record").
enum EpisodeCoding {
    static func encode(_ episode: Episode, into writer: inout ByteWriter) {
        writer.appendOptionalString(episode.series)
        if let number = episode.number {
            writer.appendVarInt(UInt64(1))
            writer.appendVarInt(zigzag(Int64(number)))
        } else {
            writer.appendVarInt(UInt64(0))
        }
        writer.appendString(episode.title)
        writer.appendOptionalString(episode.date)
        if let timestamp = episode.timestamp {
            writer.appendVarInt(UInt64(1))
            writer.appendVarInt(zigzag(timestamp))
        } else {
            writer.appendVarInt(UInt64(0))
        }
        writer.appendString(episode.language)
        writer.appendVarInt(episode.speakers.count)
        for speaker in episode.speakers {
            writer.appendString(speaker.name)
            writer.appendOptionalString(speaker.organisation)
        }
        writer.appendOptionalString(episode.description)
        writer.appendOptionalString(episode.recording?.text)
        writer.appendOptionalString(episode.page?.text)
        writer.appendVarInt(episode.tags.count)
        for tag in episode.tags { writer.appendString(tag) }
        if let duration = episode.duration {
            writer.appendVarInt(UInt64(1))
            writer.appendUInt64(duration.bitPattern)
        } else {
            writer.appendVarInt(UInt64(0))
        }
        // Format version 2: the link template and the chapters.
        writer.appendOptionalString(episode.linkTemplate)
        let chapters = sortedChapters(episode.chapters)
        writer.appendVarInt(chapters.count)
        var previous: UInt64 = 0
        for chapter in chapters {
            writer.appendVarInt(chapter.milliseconds &- previous)
            writer.appendString(chapter.title)
            previous = chapter.milliseconds
        }
    }

    /// The chapters in start order (stable for equal starts), their starts in whole
    /// milliseconds: how the store keeps them, so `[Chapter].chapter(at:)` may search them.
    static func sortedChapters(_ chapters: [Chapter]) -> [(milliseconds: UInt64, title: String)] {
        chapters.enumerated()
            .map { (milliseconds: CueStoreBuilder.milliseconds($0.element.start), title: $0.element.title, order: $0.offset) }
            .sorted { $0.milliseconds != $1.milliseconds ? $0.milliseconds < $1.milliseconds : $0.order < $1.order }
            .map { (milliseconds: $0.milliseconds, title: $0.title) }
    }

    static func decode(id: String, from reader: inout ByteReader) throws(IndexError) -> Episode {
        let series = try reader.readOptionalString()
        let number: Int? = try reader.readByte() == 1 ? Int(unzigzag(try reader.readVarInt())) : nil
        let title = try reader.readString()
        let date = try reader.readOptionalString()
        let timestamp: Int64? = try reader.readByte() == 1 ? unzigzag(try reader.readVarInt()) : nil
        let language = try reader.readString()
        let speakerCount = try reader.readVarInt(atMost: reader.remaining, "speaker count")
        var speakers: [Speaker] = []
        for _ in 0..<speakerCount {
            let name = try reader.readString()
            speakers.append(Speaker(name: name, organisation: try reader.readOptionalString()))
        }
        let description = try reader.readOptionalString()
        // Checked again on the way out: an index written before links were checked may hold
        // a `javascript:` or `data:` link, which is dropped here rather than served.
        let recording = try reader.readOptionalString().flatMap { WebLink($0) }
        let page = try reader.readOptionalString().flatMap { WebLink($0) }
        let tagCount = try reader.readVarInt(atMost: reader.remaining, "tag count")
        var tags: [String] = []
        for _ in 0..<tagCount { tags.append(try reader.readString()) }
        let duration: Double? = try reader.readByte() == 1 ? Double(bitPattern: try reader.readUInt64()) : nil
        let linkTemplate = try reader.readOptionalString()
        // Each chapter takes at least two bytes (a start delta and an empty title's length).
        let chapterCount = try reader.readVarInt(atMost: reader.remaining / 2, "chapter count")
        var chapters: [Chapter] = []
        chapters.reserveCapacity(chapterCount)
        var start: UInt64 = 0
        for _ in 0..<chapterCount {
            let delta = try reader.readVarInt()
            guard delta <= maximumChapterMilliseconds &- start else {
                throw reader.corrupt("a chapter of episode '\(id)' starts after \(maximumChapterMilliseconds) ms")
            }
            start += delta
            chapters.append(Chapter(start: Double(start) / 1000, title: try reader.readString()))
        }
        return Episode(id: id, series: series, number: number, title: title, date: date, timestamp: timestamp,
                       language: language, speakers: speakers, description: description, recording: recording,
                       page: page, tags: tags, duration: duration, linkTemplate: linkTemplate, chapters: chapters)
    }

    /// The latest chapter start a reader accepts: the latest cue start the writer stores
    /// (`CueStoreBuilder.milliseconds` caps times at 10^15 ms).
    static let maximumChapterMilliseconds: UInt64 = 1_000_000_000_000_000

    static func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }

    static func unzigzag(_ value: UInt64) -> Int64 {
        Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }
}

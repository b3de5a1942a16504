import TalksModel

/// The entry point ingest uses: a whole transcript file in, plain-text cues with speakers out.
///
/// It runs the format's parser (`WebVTTParser` + `CueTextParser`, or `SubRipParser`), drops
/// markup but keeps what timestamp tags say about when words are said (`WordStamps` →
/// `Cue.wordTimes`), keeps each line of rolling captions once (`RollingCaptions`, reported in
/// `Transcript.notes`), attributes speakers (`SpeakerAttribution`), and applies the limits
/// that keep one bad file from hurting an ingest run. A file is rejected (thrown `TranscriptError`) only when it
/// cannot be a transcript at all: empty, too large, or without the WEBVTT signature. Problems
/// with single cues become warnings and the cue is skipped or repaired.
public enum TranscriptReader {
    /// Files larger than this are rejected before parsing: `TranscriptLimits.maximumFileBytes`.
    public static let maximumFileSize = TranscriptLimits.maximumFileBytes
    /// Cue text longer than this many UTF-8 bytes is truncated with a warning:
    /// `TranscriptLimits.maximumCueTextBytes`.
    public static let maximumCueTextLength = TranscriptLimits.maximumCueTextBytes

    /// Parses a whole transcript file into plain-text cues with speakers.
    public static func read(_ bytes: [UInt8], format: TranscriptFormat, file: String) throws(TranscriptError) -> Transcript {
        guard bytes.count <= maximumFileSize else {
            throw TranscriptError(file: file, reason: "the file is \(megabytes(bytes.count)) MiB (\(bytes.count) bytes), larger than the "
                + "\(maximumFileSize >> 20) MiB limit for a transcript")
        }
        guard !isBlank(bytes) else {
            throw TranscriptError(file: file, reason: "the file is empty; a transcript needs at least a "
                + (format == .webVTT ? "WEBVTT line and one cue" : "cue"))
        }
        var diagnostics: [Diagnostic] = []
        var drafts: [Draft] = []
        switch format {
        case .webVTT:
            drafts = try readWebVTT(bytes, file: file, diagnostics: &diagnostics)
        case .srt:
            let (cues, notes) = SubRipParser().parse(bytes)
            diagnostics += notes.map { Diagnostic(.warning, file: file, line: $0.line, $0.message) }
            drafts = cues.map { cue in
                let (raw, wasCut) = cappedRawText(cue.text)
                return Draft(id: cue.number, start: cue.start, end: cue.end, voice: nil,
                             text: SubRipParser.plainText(raw), line: cue.line, wasCut: wasCut, rawLength: cue.text.utf8.count)
            }
        }
        if drafts.count > TranscriptLimits.maximumCueCount {
            throw TranscriptError(file: file, line: drafts[TranscriptLimits.maximumCueCount].line,
                                  reason: "the transcript has \(drafts.count) cues, more than the limit of "
                                    + "\(TranscriptLimits.maximumCueCount) for one transcript; split the recording into episodes")
        }
        var usable: [Draft] = []
        usable.reserveCapacity(drafts.count)
        for var draft in drafts {
            guard draft.start <= maximumCueTime, draft.end <= maximumCueTime else {
                diagnostics.append(Diagnostic(.warning, file: file, line: draft.line,
                    "cue time is more than \(Int(maximumCueTime) / 3_600) hours into the recording; cue skipped"))
                continue
            }
            guard draft.end >= draft.start else {
                diagnostics.append(Diagnostic(.warning, file: file, line: draft.line,
                    "cue ends (\(seconds(draft.end))) before it starts (\(seconds(draft.start))); cue skipped"))
                continue
            }
            if draft.wasCut || draft.text.utf8.count > maximumCueTextLength {
                let length = draft.wasCut ? draft.rawLength : draft.text.utf8.count
                draft.text = truncated(draft.text, toBytes: maximumCueTextLength)
                draft.stamps = nil  // a cut cue keeps no word timings rather than misplaced ones
                diagnostics.append(Diagnostic(.warning, file: file, line: draft.line,
                    "cue text is \(length) bytes, longer than the limit of \(maximumCueTextLength >> 10) KiB "
                    + "(\(maximumCueTextLength) bytes) for one cue; truncated, only the first \(maximumCueTextLength >> 10) KiB are indexed"))
            }
            draft.text = trimmedLines(draft.text)
            guard !draft.text.isEmpty else {
                diagnostics.append(Diagnostic(.warning, file: file, line: draft.line, "cue has no text; skipped"))
                continue
            }
            usable.append(draft)
        }
        var notes: [Diagnostic] = []
        let (collapsed, rolling) = RollingCaptions.collapse(usable)
        if let rolling {
            usable = collapsed
            notes.append(Diagnostic(.note, file: file, rolling.message))
        }
        let attributed = SpeakerAttribution.attribute(usable.map { .init(voice: $0.voice, text: $0.text, id: $0.id) })
        var cues: [Cue] = []
        cues.reserveCapacity(usable.count)
        for (draft, attribution) in zip(usable, attributed) {
            // A cue of only a speaker name or change mark ("Anna:", "- ") has no text left.
            let text = trimmedLines(attribution.text)
            guard !text.isEmpty else {
                diagnostics.append(Diagnostic(.warning, file: file, line: draft.line,
                    "cue has only a speaker name or change mark and no text; skipped"))
                continue
            }
            cues.append(Cue(id: draft.id, start: draft.start, end: draft.end, speaker: attribution.speaker,
                            text: text, line: draft.line, wordTimes: draft.stamps?.wordTimes(in: text) ?? []))
        }
        if cues.isEmpty {
            diagnostics.append(Diagnostic(.warning, file: file, "the transcript has no usable cues"))
        }
        // File order: parser notes and per-cue warnings were collected in two passes.
        diagnostics = diagnostics.enumerated().sorted { left, right in
            let (a, b) = (left.element.line ?? Int.max, right.element.line ?? Int.max)
            return a != b ? a < b : left.offset < right.offset
        }.map(\.element)
        return Transcript(cues: cues, diagnostics: diagnostics, notes: notes)
    }

    /// Raw cue text longer than four times the plain-text limit is cut before markup is
    /// interpreted, so a 10 MB line costs no more than a long cue.
    static func cappedRawText(_ text: String) -> (String, Bool) {
        let rawLimit = TranscriptLimits.maximumRawCueTextBytes
        guard text.utf8.count > rawLimit else { return (text, false) }
        return (truncated(text, toBytes: rawLimit), true)
    }

    /// Cues that start or end later than this are skipped with a warning:
    /// `TranscriptLimits.maximumCueSeconds`.
    public static let maximumCueTime: Double = TranscriptLimits.maximumCueSeconds

    static func readWebVTT(_ bytes: [UInt8], file: String, diagnostics: inout [Diagnostic]) throws(TranscriptError) -> [Draft] {
        let result = WebVTTParser().parse(bytes)
        guard result.signatureValid else {
            // Only a short, escaped excerpt: the file may be anything (a linked-in secret, a
            // terminal escape sequence), and the start is enough to recognise it.
            throw TranscriptError(file: file, line: 1, reason: "not a WebVTT file: the first line must be \"WEBVTT\" "
                + "(optionally followed by a space or tab and a title), but it is "
                + (result.firstLine.isEmpty ? "empty" : Excerpt.quoted(result.firstLine)))
        }
        diagnostics += result.diagnostics.map { Diagnostic(.warning, file: file, line: $0.line, $0.message) }
        let parser = CueTextParser()
        var drafts: [Draft] = []
        drafts.reserveCapacity(result.cues.count)
        for cue in result.cues {
            let (raw, wasCut) = cappedRawText(cue.text)
            let text = parser.parse(raw)
            var plain: String
            var stamps: WordStamps? = nil
            if text.hasTimestamps {
                let timestamps: [CueText.TextTimestamp]
                (plain, timestamps) = text.plainTextAndTimestamps()
                let problem: String?
                (stamps, problem) = WordStamps.make(text: plain, timestamps: timestamps, cueStart: cue.start, cueEnd: cue.end)
                if let problem { diagnostics.append(Diagnostic(.warning, file: file, line: cue.line, problem)) }
            } else {
                plain = text.plainText
            }
            drafts.append(Draft(id: cue.id.isEmpty ? nil : cue.id, start: cue.start, end: cue.end, voice: text.voice,
                                text: plain, line: cue.line, wasCut: wasCut, rawLength: cue.text.utf8.count, stamps: stamps))
        }
        return drafts
    }

    /// True for a file of nothing but whitespace (and a BOM).
    static func isBlank(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while index < bytes.count {
            if !ASCII.isWhitespace(bytes[index]) { return false }
            index += 1
        }
        return true
    }

    /// `text` cut to at most `limit` UTF-8 bytes, at a character boundary.
    static func truncated(_ text: String, toBytes limit: Int) -> String {
        let bytes = Array(text.utf8.prefix(limit + 1))
        guard bytes.count > limit else { return text }
        var end = limit
        // Back off to the lead byte of a character that would be cut in half.
        while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// Each line without surrounding whitespace, blank lines dropped.
    static func trimmedLines(_ text: String) -> String {
        if isTidy(text) { return text }
        return text.split(separator: "\n").map { $0.trimmingWhitespace }.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// True when no line is empty or starts or ends with whitespace, so `trimmedLines` has
    /// nothing to do. Checked on bytes to keep the common case cheap; a line edge that is a
    /// character which may be Unicode whitespace (lead bytes C2, E1, E2, E3) counts as untidy.
    static func isTidy(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last, !isEdgeSpace(first), !isEdgeSpace(last) else {
                return false
            }
            func mayBeWhitespace(endingAt index: Int) -> Bool {
                var lead = index
                while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
                return isEdgeSpace(bytes[lead])
            }
            if last >= 0x80, mayBeWhitespace(endingAt: bytes.count - 1) { return false }
            var index = 1
            while index < bytes.count - 1 {
                if bytes[index] == ASCII.lineFeed {
                    if isEdgeSpace(bytes[index + 1]) || mayBeWhitespace(endingAt: index - 1) { return false }
                }
                index += 1
            }
            return true
        }
    }

    /// ASCII whitespace, or a lead byte of a possibly-whitespace non-ASCII character.
    private static func isEdgeSpace(_ byte: UInt8) -> Bool {
        ASCII.isWhitespace(byte) || byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3
    }

    static func megabytes(_ count: Int) -> String {
        let tenths = (count * 10) >> 20
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func seconds(_ value: Double) -> String {
        // WebVTT hours may have any number of digits: beyond 10^15 s, Int would overflow.
        guard value.isFinite, value >= 0, value < 1e15 else { return value >= 1e15 ? "over 10^15 s" : "\(value) s" }
        let milliseconds = Int((value * 1000).rounded())
        let tail = String(milliseconds % 1000)
        return "\(milliseconds / 1000).\(String(repeating: "0", count: 3 - tail.count))\(tail) s"
    }
}

extension Substring {
    /// The substring without leading and trailing whitespace.
    var trimmingWhitespace: Substring {
        let start = firstIndex(where: { !$0.isWhitespace }) ?? endIndex
        let end = lastIndex(where: { !$0.isWhitespace }).map { index(after: $0) } ?? start
        return self[start..<end]
    }
}

/// Decides who speaks in each cue when the transcript does not say it with voice spans.
///
/// Meeting tools write `Name: text` at the start of a cue, or mark only speaker changes with a
/// leading `- `, `– ` (Swedish subtitles) or `>>`. The rules, in order, for one cue:
/// 1. A voice span (`<v Name>`) names the speaker; nothing else is looked at.
/// 2. A `Name:` prefix on the first line names the speaker when it is unambiguous (see
///    `SpeakerPrefix`), and is removed from the text.
/// 3. Otherwise, when the file marks speaker changes consistently, a cue without a mark
///    continues the previous speaker; a mark without a name starts an unknown speaker.
/// 4. Otherwise, a cue whose identifier says it continues the cue before it names the same
///    speaker: Microsoft Teams numbers its cues `<conversation>/<utterance>-<part>`, and when
///    it splits one utterance into parts (`…/12-0`, `…/12-1`) they are one speaker's words.
/// A voice-tagged cue of a different speaker ends any inheritance, so a name never carries
/// across it. Without consistent marks nothing is inherited: a wrong speaker is worse than none.
public enum SpeakerAttribution {
    /// What the attribution needs of a cue: its voice span name and its plain text.
    public struct Input: Sendable, Hashable {
        public var voice: String?
        public var text: String
        /// The cue identifier, for the Teams utterance rule.
        public var id: String?

        public init(voice: String?, text: String, id: String? = nil) {
            self.voice = voice
            self.text = text
            self.id = id
        }
    }

    /// The decision for a cue: the speaker, if known, and the text without prefix or mark.
    public struct Output: Sendable, Hashable {
        public var speaker: String?
        public var text: String

        public init(speaker: String?, text: String) {
            self.speaker = speaker
            self.text = text
        }
    }

    /// Attributes speakers to a whole file's cues (in file order).
    public static func attribute(_ cues: [Input]) -> [Output] {
        let analysed = cues.map { cue -> (mark: SpeakerPrefix.ChangeMark?, name: String?, text: String) in
            guard cue.voice == nil else { return (nil, nil, cue.text) }
            let (mark, afterMark) = SpeakerPrefix.changeMark(in: cue.text)
            if let (name, rest) = SpeakerPrefix.namePrefix(in: afterMark) {
                return (mark, name, rest)
            }
            return (mark, nil, afterMark)
        }
        let inherits = usesChangeMarksConsistently(analysed.map { ($0.mark, $0.name) }, voices: cues.map(\.voice))
        var outputs: [Output] = []
        outputs.reserveCapacity(cues.count)
        var current: String? = nil
        var previousID: String? = nil
        for (cue, analysis) in zip(cues, analysed) {
            let previousCueID = previousID
            previousID = cue.id
            if let voice = cue.voice {
                current = (voice == current) ? current : nil
                outputs.append(Output(speaker: voice, text: cue.text))
                continue
            }
            let speaker: String?
            if let name = analysis.name {
                speaker = name
            } else if analysis.mark != nil {
                speaker = nil
            } else if inherits {
                speaker = current
            } else if let last = outputs.last?.speaker, let previous = previousCueID, let this = cue.id,
                      let utterance = utteranceKey(of: this),
                      utterance == utteranceKey(of: previous) {
                speaker = last
            } else {
                speaker = nil
            }
            current = speaker
            outputs.append(Output(speaker: speaker, text: analysis.text))
        }
        return outputs
    }

    /// The utterance a Teams cue identifier names: `<conversation>/<utterance>` of
    /// `<conversation>/<utterance>-<part>` (both numbers decimal); nil for any other identifier.
    static func utteranceKey(of id: String) -> Substring? {
        let bytes = id.utf8
        guard let slash = bytes.lastIndex(of: ASCII.solidus), let dash = bytes.lastIndex(of: ASCII.hyphen),
              slash < dash, slash > bytes.startIndex else { return nil }
        let utterance = bytes[bytes.index(after: slash)..<dash]
        let part = bytes[bytes.index(after: dash)...]
        guard !utterance.isEmpty, !part.isEmpty, utterance.allSatisfy(ASCII.isDigit), part.allSatisfy(ASCII.isDigit) else {
            return nil
        }
        return id[..<dash]
    }

    /// True when the file marks speaker changes with one kind of mark, at least twice, and
    /// never names a speaker without the mark (which would show the marks are not systematic).
    static func usesChangeMarksConsistently(_ cues: [(mark: SpeakerPrefix.ChangeMark?, name: String?)],
                                            voices: [String?]) -> Bool {
        var kinds: Set<SpeakerPrefix.ChangeMark> = []
        var markCount = 0
        for (index, cue) in cues.enumerated() where voices[index] == nil {
            if let mark = cue.mark {
                kinds.insert(mark)
                markCount += 1
            } else if cue.name != nil {
                return false
            }
        }
        return markCount >= 2 && kinds.count == 1
    }
}

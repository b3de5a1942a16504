import TalksAnalysis
import TalksModel

/// Turns an `IndexableEpisode` into token streams with TalksAnalysis's `Tokenizer`: the
/// index's one analysis path, for ingest and merges alike.
///
/// Transcript positions count within a cue (phrases do not cross cues). Multi-valued
/// fields (speakers, tags, chapter titles) leave a gap of `valueGap` positions between values so a phrase
/// never spans two of them. Stateless and `Sendable`: any number of threads may analyse at once.
public struct EpisodeAnalyzer: Sendable {
    static let valueGap = 100
    let tokenizer = Tokenizer()

    public init() {}

    public func analyse(_ input: IndexableEpisode) -> AnalysedEpisode {
        let cues = input.cues
        var textBytes = 0
        for cue in cues { textBytes += cue.text.utf8.count }
        let (transcript, cueEnds) = analyseTranscript(cues[...], textBytes: textBytes)
        return AnalysedEpisode(episode: input.episode, cues: cues, contentHash: input.contentHash,
                               sourcePath: input.sourcePath, transcript: transcript, cueTokenEnds: cueEnds,
                               fields: analyseFields(of: input.episode), textBytes: textBytes)
    }

    /// The tokens of some cues (`textBytes` of text, to size the stream), and for each cue
    /// the index one past its last token.
    func analyseTranscript<Cues: Collection<Cue>>(_ cues: Cues, textBytes: Int) -> (TokenStream, [UInt32]) {
        var transcript = TokenStream(expectedTokens: textBytes / 6 + 8)
        var cueEnds: [UInt32] = []
        cueEnds.reserveCapacity(cues.count)
        for cue in cues {
            tokenizer.forEachToken(in: cue.text) { token in
                transcript.append(term: token.term, position: token.position)
            }
            cueEnds.append(UInt32(truncatingIfNeeded: transcript.count))
        }
        return (transcript, cueEnds)
    }

    /// The token streams of the metadata fields, in `Field.episodeFields` order.
    func analyseFields(of episode: Episode) -> [TokenStream] {
        var fields: [TokenStream] = []
        for field in Field.episodeFields {
            var stream = TokenStream()
            var base = 0
            for value in Self.values(of: field, in: episode) {
                var last = -1
                tokenizer.forEachToken(in: value) { token in
                    stream.append(term: token.term, position: base + token.position)
                    last = max(last, token.position)
                }
                base += last + 1 + Self.valueGap
            }
            fields.append(stream)
        }
        return fields
    }

    /// The texts indexed in a metadata field.
    static func values(of field: Field, in episode: Episode) -> [String] {
        switch field {
        case .title: return [episode.title]
        case .description: return episode.description.map { [$0] } ?? []
        case .speakers: return episode.speakers.map(\.name)
        case .tags: return episode.tags
        case .series: return episode.series.map { [$0] } ?? []
        case .chapters: return episode.chapters.map(\.title)
        case .transcript: return []
        }
    }
}

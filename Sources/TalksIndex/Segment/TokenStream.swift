import TalksAnalysis

/// The tokens of one field of one episode as flat arrays: UTF-8 bytes back to back, the
/// end of each token, its position and its hash.
///
/// Analysis runs on both cores and fills these; the single-threaded segment builder then
/// only hashes into its term table. Flat arrays avoid a `String` per token on the way.
struct TokenStream {
    var bytes: [UInt8] = []
    var ends: [UInt32] = []
    var positions: [UInt32] = []
    var hashes: [UInt64] = []

    var count: Int { ends.count }

    init(expectedTokens: Int = 0) {
        if expectedTokens > 0 {
            bytes.reserveCapacity(expectedTokens * 7)
            ends.reserveCapacity(expectedTokens)
            positions.reserveCapacity(expectedTokens)
            hashes.reserveCapacity(expectedTokens)
        }
    }

    mutating func append(term: String, position: Int) {
        var term = term
        term.withUTF8 { utf8 in
            bytes.append(contentsOf: utf8)
            hashes.append(TermHash.hash(UnsafeRawBufferPointer(utf8)))
        }
        ends.append(UInt32(truncatingIfNeeded: bytes.count))
        positions.append(UInt32(truncatingIfNeeded: max(0, position)))
    }

    func start(_ index: Int) -> Int { index == 0 ? 0 : Int(ends[index - 1]) }
}

/// 64-bit FNV-1a over a term's bytes, mixed at the end so the low bits spread well.
enum TermHash {
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        hash ^= hash >> 29
        hash = hash &* 0xbf58_476d_1ce4_e5b9
        return hash ^ (hash >> 32)
    }
}

/// One episode analysed for indexing: the loaded episode plus token streams of its fields.
struct AnalysedEpisode {
    var episode: Episode
    var cues: [Cue]
    var contentHash: String
    var sourcePath: String
    /// All transcript tokens; positions restart at 0 in every cue.
    var transcript: TokenStream
    /// For each cue, the index one past its last token in `transcript`.
    var cueTokenEnds: [UInt32]
    /// The metadata fields, indexed by `Field.rawValue` (title … series).
    var fields: [TokenStream]
    /// UTF-8 bytes of cue text (for progress and memory accounting).
    var textBytes: Int
}

import TalksModel

/// Turns episodes into token streams with TalksAnalysis's `Tokenizer`.
///
/// Transcript positions count within a cue (phrases do not cross cues). Multi-valued
/// fields (speakers, tags) leave a gap of `valueGap` positions between values so a phrase
/// never spans two of them.
struct EpisodeAnalyzer: Sendable {
    static let valueGap = 100
    let tokenizer = Tokenizer()

    func analyse(episode: Episode, cues: [Cue], contentHash: String, sourcePath: String) -> AnalysedEpisode {
        var textBytes = 0
        for cue in cues { textBytes += cue.text.utf8.count }
        let (transcript, cueEnds) = analyseTranscript(cues[...], textBytes: textBytes)
        return AnalysedEpisode(episode: episode, cues: cues, contentHash: contentHash, sourcePath: sourcePath,
                               transcript: transcript, cueTokenEnds: cueEnds, fields: analyseFields(of: episode),
                               textBytes: textBytes)
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

    /// The token streams of the metadata fields, indexed by `Field.rawValue`.
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
        case .transcript: return []
        }
    }
}

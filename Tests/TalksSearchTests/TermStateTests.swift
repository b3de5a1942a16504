import XCTest
import TalksIndex
@testable import TalksSearch

/// The expander keeps each variant's ordinal in every segment (`TermState`), and scoring
/// uses those instead of looking the strings up again: the states must name exactly the
/// segments (and ordinals) a look-up by string finds, also when a per-segment cap (compound
/// parts, prefixes) left a term out of one segment's expansion.
final class TermStateTests: XCTestCase {
    /// Two segments whose most frequent "vatten" compounds (by episodes) differ: with two
    /// compounds per segment, "vattenbrist" is expanded in the first and cut off in the second.
    private func makeIndex() throws -> TestIndex {
        let words = "Vatten och brist, kraft, damm och frågor."
        let index = try TestIndex([
            TestIndex.episode("a1", title: "Vatten", cues: [words, "Vattenbrist och vattenfrågor.", "Vattenkraft."]),
            TestIndex.episode("a2", title: "Vatten", cues: [words, "Vattenbrist och vattenfrågor."]),
            TestIndex.episode("a3", title: "Vatten", cues: [words, "Vattenbrist i sommar."]),
        ])
        try index.update(adding: [
            TestIndex.episode("b1", title: "Mer vatten", cues: [words, "Vattenkraft och vattendamm.", "Vattenbrist."]),
            TestIndex.episode("b2", title: "Mer vatten", cues: [words, "Vattenkraft och vattendamm."]),
            TestIndex.episode("b3", title: "Mer vatten", cues: [words, "Vattenkraft och vattendamm."]),
        ])
        return index
    }

    private func assertStatesMatchLookUps(_ variants: [TermVariant], _ reader: IndexReader, _ label: String) {
        for variant in variants {
            var expected: [TermState] = []
            for (index, segment) in reader.segments.enumerated() {
                if let ordinal = segment.termOrdinal(variant.term) { expected.append(TermState(segment: index, ordinal: ordinal)) }
            }
            XCTAssertEqual(Set(variant.states), Set(expected), "\(label): \(variant.term)")
            XCTAssertEqual(variant.states.count, expected.count, "\(label): \(variant.term): one state per segment")
        }
    }

    func testStatesNameExactlyTheSegmentsHoldingEachVariant() throws {
        let index = try makeIndex()
        let reader = index.searcher.reader
        XCTAssertEqual(reader.segments.count, 2)
        var parameters = RankingParameters()
        parameters.maximumCompoundVariants = 2
        let expander = TermExpander(segments: reader.segments, parameters: parameters)

        let words = expander.expand(word: "vatten")
        let brist = try XCTUnwrap(words.first { $0.term == "vattenbrist" })
        XCTAssertEqual(brist.tier, .compoundPart)
        // The cap cut "vattenbrist" off in the second segment's compound expansion …
        let second = reader.segments[1]
        let bristInSecond = try XCTUnwrap(second.termOrdinal("vattenbrist"))
        XCTAssertFalse(expander.plausibleCompounds(second, part: "vatten", partKey: TermExpander.inflectionKey("vatten"))
            .contains { $0.ordinal == bristInSecond })
        // … and its states still hold it there, as a look-up by string would.
        XCTAssertTrue(brist.states.contains(TermState(segment: 1, ordinal: bristInSecond)))

        assertStatesMatchLookUps(words, reader, "vatten")
        assertStatesMatchLookUps(expander.expand(prefix: "vatten", limit: 2), reader, "vatten*")
        assertStatesMatchLookUps(expander.expand(exclusion: "vattenbrist"), reader, "-vattenbrist")
        assertStatesMatchLookUps(expander.expand(exact: "vattenkraft"), reader, "\"vattenkraft\"")
        assertStatesMatchLookUps(expander.expand(word: "vattenkrafr"), reader, "a typo")
        XCTAssertFalse(expander.expand(word: "vattenkrafr").isEmpty, "the typo finds vattenkraft")
    }

    /// Scoring by states finds every episode a word's variants occur in, in every segment.
    func testSearchScoresVariantsInEverySegmentHoldingThem() throws {
        let index = try makeIndex()
        var parameters = RankingParameters()
        parameters.maximumCompoundVariants = 2
        let searcher = Searcher(reader: index.searcher.reader, parameters: parameters)
        let plan = try QueryPlanner(expander: searcher.expander, documentCount: 6)
            .plan(searcher.parser.parse(request: SearchRequest(query: "vatten \"vattenbrist\"")))
        let resolved = SegmentTerms.resolve(plan, segmentCount: 2)
        for (segmentIndex, segment) in index.searcher.reader.segments.enumerated() {
            for (clauseIndex, clause) in plan.clauses.enumerated() where clause.shape == .terms {
                let expected = clause.variants.compactMap { segment.termOrdinal($0.term) }
                XCTAssertEqual(resolved[segmentIndex].variants[clauseIndex].map(\.ordinal), expected,
                               "segment \(segmentIndex), clause \(clauseIndex): in variant order")
            }
        }
        let response = try searcher.search(SearchRequest(query: "vattenbrist"))
        let ids = response.results.map(\.episode.id)
        XCTAssertEqual(Set(ids.prefix(4)), ["a1", "a2", "a3", "b1"], "the compound's episodes, in both segments, first")
        // Then those that say its parts in one cue ("Vatten och brist", QueryPlanner+CompoundParts).
        XCTAssertEqual(Set(ids.dropFirst(4)), ["b2", "b3"])
    }
}

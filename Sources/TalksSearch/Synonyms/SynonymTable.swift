import TalksAnalysis
import TalksModel

/// The organisers' synonym groups ready for the query planner: each alternative analysed
/// like query words (the same tokenizer as the index), looked up by its words.
///
/// A query word or phrase whose words equal one alternative (or equal it without å/ä/ö,
/// `AsciiFolder`) stands for every other alternative of its group as well; the planner
/// adds them as weaker clauses (`QueryPlanner+Synonyms`).
struct SynonymTable: Sendable {
    /// One alternative of a group, where it was written.
    struct Alternative: Sendable {
        /// As written in the file.
        var text: String
        /// Its words as the index holds them (first term at each position).
        var terms: [String]
        var file: String
        var line: Int
    }

    private var groups: [[Alternative]] = []
    /// Words of an alternative joined by spaces → its group.
    private var groupByKey: [String: Int] = [:]
    /// The same, with the words ASCII-folded.
    private var groupByFoldedKey: [String: Int] = [:]
    /// The most words in any alternative: the longest run of query words worth looking up.
    private(set) var longestAlternative = 0

    static let empty = SynonymTable()

    init() {}

    init(files: [SynonymFile]) {
        let tokenizer = Tokenizer()
        for file in files {
            for group in file.groups {
                var alternatives: [Alternative] = []
                for text in group.alternatives {
                    let terms = QueryPlanner.partsByPosition(tokenizer.tokens(in: text))
                    guard !terms.isEmpty else { continue }
                    let key = terms.joined(separator: " ")
                    // A term already in an earlier group (another file) keeps that group.
                    guard groupByKey[key] == nil else { continue }
                    alternatives.append(Alternative(text: text, terms: terms, file: file.path, line: group.line))
                }
                guard alternatives.count >= 2 else { continue }
                let index = groups.count
                groups.append(alternatives)
                for alternative in alternatives {
                    let key = alternative.terms.joined(separator: " ")
                    groupByKey[key] = index
                    let folded = alternative.terms.map(AsciiFolder.fold).joined(separator: " ")
                    if groupByFoldedKey[folded] == nil { groupByFoldedKey[folded] = index }
                    longestAlternative = max(longestAlternative, alternative.terms.count)
                }
            }
        }
    }

    var isEmpty: Bool { groups.isEmpty }

    /// The other alternatives of the group `terms` (query words, normalised) belong to, with
    /// the alternative they matched; nil when they are in no group.
    func alternatives(for terms: [String]) -> (matched: Alternative, others: [Alternative])? {
        guard !terms.isEmpty, terms.count <= longestAlternative else { return nil }
        let key = terms.joined(separator: " ")
        let folded = terms.map(AsciiFolder.fold).joined(separator: " ")
        guard let index = groupByKey[key] ?? groupByFoldedKey[folded] else { return nil }
        let group = groups[index]
        guard let matched = group.first(where: { $0.terms == terms })
                ?? group.first(where: { $0.terms.map(AsciiFolder.fold).joined(separator: " ") == folded }) else { return nil }
        return (matched, group.filter { $0.terms != matched.terms })
    }
}

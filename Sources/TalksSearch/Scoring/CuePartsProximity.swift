import TalksIndex

/// Which cues of an episode say every part of a typed compound (a `QueryPlan.Node.near`
/// group): `grisgödsel` matches "mycket gödsel från grisarna", not an episode that says
/// `gödsel` early and `grisarna` an hour later.
///
/// Why per cue: a compound's parts said apart mean the compound only when said together
/// (the peers that index cues as documents get this for free); the commonest parts (`el`,
/// `djur`) are said in most long episodes, and an episode-level AND would return them all.
///
/// Cost: only the episodes every part clause matched are visited, with one cursor per part
/// variant moving forward through the segment's transcript postings (episodes are visited
/// in ascending order), as `CueNegation` does. Whether an episode matches at all
/// (`saysAll`, asked of every episode both parts found) stops at its first cue saying
/// every part; only the hits and the negation mark every cue (`cues(inRange:)`).
struct CuePartsProximity {
    let segment: SegmentReader
    /// The clauses of the group, at most 64 (a compound has at most four parts).
    let clauses: [Int]
    private var cursors: [[PostingsCursor]]
    private var lastStart = -1
    private var marks: [UInt64] = []
    private let terms: SegmentTerms

    init(segment: SegmentReader, clauses: [Int], terms: SegmentTerms) {
        self.segment = segment
        self.clauses = Array(clauses.prefix(64))
        self.terms = terms
        cursors = []
        cursors = self.clauses.map(openCursors)
    }

    private func openCursors(_ clause: Int) -> [PostingsCursor] {
        terms.variants[clause].map { segment.postings(term: $0.ordinal, field: .transcript) }
    }

    /// The offsets (from the episode's first cue) of the cues of `episode` that say every
    /// clause of the group, ascending.
    mutating func cues(ofEpisode episode: Int) throws(IndexError) -> [Int] {
        try cues(inRange: segment.cueRange(ofEpisode: episode))
    }

    /// Whether some cue of `range` (one episode's) says every clause of the group and
    /// `accepts` it (a speaker's scope), given its segment ordinal. The clauses' cursors
    /// leapfrog: each clause's first cue at or after the target (the least over its
    /// variants, reached by `advance(to:)`, which skips) moves the target on until all
    /// agree, so the walk stops at the first such cue instead of marking every cue that
    /// says any part (`skogsägare`: `skog` and `ägaren` in most of 200 long episodes).
    /// The same answer as `cues(inRange:)` holding an accepted cue.
    mutating func saysAll(inRange range: Range<Int>, accepts: (Int) -> Bool = { _ in true }) throws(IndexError) -> Bool {
        guard !range.isEmpty, !clauses.isEmpty else { return false }
        if range.lowerBound <= lastStart { cursors = clauses.map(openCursors) }
        lastStart = range.lowerBound
        var target = range.lowerBound
        var found = false
        search: while target < range.upperBound {
            var agreed = 0
            var position = 0
            while agreed < clauses.count {
                var first = Int.max
                for variant in cursors[position].indices {
                    if cursors[position][variant].document < target { _ = cursors[position][variant].advance(to: target) }
                    first = min(first, cursors[position][variant].document)
                }
                if first >= range.upperBound { break search }
                if first == target {
                    agreed += 1
                } else {
                    target = first
                    agreed = 1
                }
                position = position + 1 == clauses.count ? 0 : position + 1
            }
            if accepts(target) {
                found = true
                break
            }
            target += 1
        }
        // A damaged list ends its cursor (document Int.max): reported here.
        for position in cursors.indices {
            for variant in cursors[position].indices { try cursors[position][variant].checkIntact() }
        }
        return found
    }

    /// The offsets (from `range.lowerBound`) of the cues of `range` (one episode's) that say
    /// every clause of the group, ascending.
    mutating func cues(inRange range: Range<Int>) throws(IndexError) -> [Int] {
        guard !range.isEmpty, !clauses.isEmpty else { return [] }
        if range.lowerBound <= lastStart { cursors = clauses.map(openCursors) }
        lastStart = range.lowerBound
        marks.removeAll(keepingCapacity: true)
        marks.append(contentsOf: repeatElement(0, count: range.count))
        for position in clauses.indices {
            let bit = UInt64(1) << UInt64(position)
            for variant in cursors[position].indices {
                guard cursors[position][variant].count > 0, cursors[position][variant].advance(to: range.lowerBound) else {
                    try cursors[position][variant].checkIntact()
                    continue
                }
                while cursors[position][variant].document < range.upperBound {
                    marks[cursors[position][variant].document - range.lowerBound] |= bit
                    if !cursors[position][variant].next() { break }
                }
                try cursors[position][variant].checkIntact()
            }
        }
        let all = clauses.count == 64 ? UInt64.max : (UInt64(1) << UInt64(clauses.count)) - 1
        return marks.indices.filter { marks[$0] == all }
    }
}

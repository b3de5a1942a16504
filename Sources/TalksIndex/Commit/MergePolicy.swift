/// Decides which segments a commit merges: a simple tiered policy.
///
/// Segments are put in tiers by size (live episodes, powers of 8: 1–7, 8–63, …). A tier
/// holding `mergeFactor` (8) or more segments is merged into one segment of the next
/// tier, so the segment count grows logarithmically with the archive. A segment whose
/// deleted fraction exceeds 30% is rewritten (alone, or with its tier), which is when
/// deleted episodes leave the disk. A merge rebuilds its result in memory, so no group
/// whose files exceed `maximumBytes` is merged (the writer passes what its memory budget
/// allows); larger segments keep their deletions as marks.
enum MergePolicy {
    static let mergeFactor = 8
    static let deletedFractionLimit = 0.3

    /// Groups of segment ids to merge; each group becomes one segment.
    static func groupsToMerge(
        _ segments: [(id: SegmentID, episodes: Int, deleted: Int)], bytes: [SegmentID: Int] = [:],
        maximumBytes: Int = Int.max
    ) -> [[SegmentID]] {
        func size(_ group: [SegmentID]) -> Int { group.reduce(0) { $0 + (bytes[$1] ?? 0) } }
        var tiers: [Int: [SegmentID]] = [:]
        var rewrite: [SegmentID] = []
        for segment in segments {
            let live = segment.episodes - segment.deleted
            guard live > 0 else { continue }  // dropped whole, no merge needed
            if segment.episodes > 0 && Double(segment.deleted) / Double(segment.episodes) > deletedFractionLimit {
                rewrite.append(segment.id)
                continue
            }
            tiers[tier(live), default: []].append(segment.id)
        }
        var groups: [[SegmentID]] = []
        for (_, members) in tiers.sorted(by: { $0.key < $1.key }) where members.count >= mergeFactor {
            if size(members) <= maximumBytes { groups.append(members) }
        }
        for id in rewrite where size([id]) <= maximumBytes { groups.append([id]) }
        return groups
    }

    static func tier(_ live: Int) -> Int {
        var tier = 0
        var size = max(1, live)
        while size >= mergeFactor {
            size /= mergeFactor
            tier += 1
        }
        return tier
    }
}

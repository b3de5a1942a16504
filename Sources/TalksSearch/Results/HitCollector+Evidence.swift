/// What `HitCollector` knows of each cue of one episode while it picks the hits: the
/// clauses each cue matched (a bit per clause) and its score, and the filters that forget
/// cues before the best are chosen: a compound's parts said only in part (`keepWhole`),
/// cues saying a negated word (`drop`), and cues saying only common words
/// (`dropUnlessAnyMatches`).
extension HitCollector {
    /// The clause bits of a `near` group (a compound's parts), and the bit of its last part,
    /// the head that names what the compound is (a `grisgödsel` is `gödsel`).
    struct NearGroup {
        var clauses: UInt64
        var head: UInt64
    }

    /// Per-cue evidence within one episode: dense arrays indexed by the cue's offset in the
    /// episode, reused from episode to episode, plus the offsets touched (only those are
    /// ranked and then cleared, so an episode costs its matches, not its length).
    struct Evidence {
        var masks: [UInt64] = []
        var scores: [Double] = []
        var touched: [Int] = []
        /// Slots kept only for saying a compound's head (`keepWhole`): their masks are 0,
        /// yet they matched a part, which is never a common word.
        var headOnly: Set<Int> = []
        var phraseStarts: [Int: [(start: UInt32, length: Int)]] = [:]

        /// Makes room for an episode of `count` cues (all entries are clear between episodes).
        mutating func prepare(count: Int) {
            if masks.count < count {
                masks.append(contentsOf: repeatElement(0, count: count - masks.count))
                scores.append(contentsOf: repeatElement(0, count: count - scores.count))
            }
        }

        @inline(__always)
        mutating func add(_ slot: Int, bit: UInt64, score: Double) {
            if masks[slot] == 0 { touched.append(slot) }
            masks[slot] |= bit
            scores[slot] += score
        }

        /// Forgets the evidence of the slots `isDropped` picks (cues saying a negated word).
        mutating func drop(where isDropped: (Int) -> Bool) {
            touched.removeAll { slot in
                guard isDropped(slot) else { return false }
                masks[slot] = 0
                scores[slot] = 0
                return true
            }
        }

        /// Applies the `near` groups (a compound's parts). A cue that says every part of a
        /// group keeps one bit for it, so it ranks as one clause, like the compound it stands
        /// for. A cue that says only some parts loses their bits; in an episode where some cue
        /// says them all, one that says the last part (the head: `upphandlingen` in a talk
        /// that said "upphandling av livsmedel", `gödseln` beside "gödsel från grisarna")
        /// stays a hit, ranked after the cues that match a whole clause. Other such cues are
        /// forgotten unless another clause matched them (`ost` alone is not `ostkurs`).
        mutating func keepWhole(_ groups: [NearGroup]) {
            guard !groups.isEmpty else { return }
            var whole: UInt64 = 0
            for slot in touched {
                for group in groups where masks[slot] & group.clauses == group.clauses { whole |= group.clauses }
            }
            var forgotten: [Int] = []
            for slot in touched {
                let original = masks[slot]
                var keptForHead = false
                for group in groups where original & group.clauses != 0 {
                    masks[slot] &= ~group.clauses
                    if original & group.clauses == group.clauses {
                        masks[slot] |= group.clauses & (~group.clauses &+ 1)
                    } else if whole & group.clauses != 0 && original & group.head != 0 {
                        keptForHead = true
                    }
                }
                if masks[slot] == 0 {
                    if keptForHead { headOnly.insert(slot) } else { forgotten.append(slot) }
                }
            }
            guard !forgotten.isEmpty else { return }
            let dropped = Set(forgotten)
            for slot in forgotten { scores[slot] = 0 }
            touched.removeAll { dropped.contains($0) }
        }

        /// When some slot matches a clause of `bits` (the rare words; a compound's parts are
        /// among them, so a slot kept for its head counts), forgets the slots matching none.
        mutating func dropUnlessAnyMatches(_ bits: UInt64) {
            guard touched.contains(where: { masks[$0] & bits != 0 || headOnly.contains($0) }) else { return }
            touched.removeAll { slot in
                guard masks[slot] & bits == 0 && !headOnly.contains(slot) else { return false }
                masks[slot] = 0
                scores[slot] = 0
                return true
            }
        }

        mutating func clear() {
            for slot in touched {
                masks[slot] = 0
                scores[slot] = 0
            }
            touched.removeAll(keepingCapacity: true)
            headOnly.removeAll(keepingCapacity: true)
        }
    }
}

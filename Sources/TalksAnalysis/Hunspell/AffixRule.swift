/// One line of a Hunspell affix class: strip these letters, add those, when the word
/// meets the condition.
///
/// `SFX C er ret [^m]er`: from a word ending in `er` after any letter but `m`, strip `er`
/// and add `ret` (`lager` → `lagret`). The continuation flags after a `/` in the added part
/// give the new form flags of its own: `SFX v 0 s/WXZ [^a]` makes `yrkes` of `yrke`, a form
/// that may begin a compound (`X`) only inside one (`Z`), with a suffix that compounds
/// permit (`W`).
public struct AffixRule: Hashable, Sendable {
    /// The letters removed from the word (`er`; empty for `0`).
    public let strip: String
    /// The letters added (`ret`; empty for `0`).
    public let append: String
    /// The flags the new form carries (after `/` in the added part), sorted.
    public let continuation: [HunspellFlag]
    /// Which words the rule applies to.
    public let condition: AffixCondition

    let stripScalars: [UInt32]
    let appendScalars: [UInt32]

    public init(strip: String, append: String, continuation: [HunspellFlag], condition: AffixCondition) {
        self.strip = strip
        self.append = append
        self.continuation = continuation
        self.condition = condition
        stripScalars = strip.unicodeScalars.map(\.value)
        appendScalars = append.unicodeScalars.map(\.value)
    }

    /// Writes the suffixed form of `word` into `form`; false when the rule does not apply.
    /// `fullStrip`: whether the rule may strip the whole word (`FULLSTRIP`).
    @inline(__always)
    func suffix(_ word: UnsafeBufferPointer<UInt32>, into form: inout [UInt32], fullStrip: Bool) -> Bool {
        let stripCount = stripScalars.count
        guard stripCount < word.count || (fullStrip && stripCount == word.count) else { return false }
        let keep = word.count - stripCount
        for index in 0..<stripCount where word[keep + index] != stripScalars[index] { return false }
        guard condition.matchesEnd(of: word) else { return false }
        form.removeAll(keepingCapacity: true)
        form.append(contentsOf: UnsafeBufferPointer(rebasing: word[0..<keep]))
        form.append(contentsOf: appendScalars)
        return true
    }

    /// Writes the prefixed form of `word` into `form`; false when the rule does not apply.
    @inline(__always)
    func prefix(_ word: UnsafeBufferPointer<UInt32>, into form: inout [UInt32], fullStrip: Bool) -> Bool {
        guard applies(asPrefixTo: word, fullStrip: fullStrip) else { return false }
        form.removeAll(keepingCapacity: true)
        form.append(contentsOf: appendScalars)
        form.append(contentsOf: UnsafeBufferPointer(rebasing: word[stripScalars.count...]))
        return true
    }

    /// Whether the rule applies as a prefix to `word`: strip and condition fit.
    @inline(__always)
    func applies(asPrefixTo word: UnsafeBufferPointer<UInt32>, fullStrip: Bool) -> Bool {
        let stripCount = stripScalars.count
        guard stripCount < word.count || (fullStrip && stripCount == word.count) else { return false }
        for index in 0..<stripCount where word[index] != stripScalars[index] { return false }
        return condition.matchesStart(of: word)
    }
}

/// A Hunspell affix class: every `PFX` or `SFX` rule of one flag.
public struct AffixClass: Hashable, Sendable {
    /// Whether the rules add at the start (`PFX`) or the end (`SFX`).
    public enum Kind: Hashable, Sendable { case prefix, suffix }

    public let flag: HunspellFlag
    public let kind: Kind
    /// `Y` in the header: the class combines with classes of the other kind that allow it too.
    public let crossProduct: Bool
    public internal(set) var rules: [AffixRule]
}

/// Generates every form a dictionary entry's affix flags allow, each with its `FormRoles`:
/// the forward direction of what Hunspell checks backwards.
///
/// For an entry `word/flags`: the word itself (unless `NEEDAFFIX`); each suffix rule of
/// each suffix class in the flags whose strip and condition fit; a second suffix when a
/// suffix rule's continuation flags name a suffix class (Hunspell's twofold suffixes);
/// each prefix rule of each prefix class; and a prefix on a suffixed form when both
/// classes allow the cross product. `vapen/ACFUXY` gives vapen, vapens (A), vapnet,
/// vapnets (C), vapnen, vapnens (F).
///
/// Roles follow Hunspell's compounding: the compound flags of the entry and of the applied
/// affixes' continuations count; a suffixed form may begin or continue a compound only when
/// its suffix carries `COMPOUNDPERMITFLAG` (`yrkes`), a prefixed form may continue or end
/// one only when its prefix does; `COMPOUNDFORBIDFLAG` on an affix takes all compound roles
/// away; `ONLYINCOMPOUND` on the entry or an affix takes `standalone` away.
/// Entries with `FORBIDDENWORD` are not generated here: the caller removes their words.
struct WordFormGenerator {
    let affixes: AffixFile

    /// Reused buffers for the forms of one level (suffix, second suffix, prefix).
    private final class Buffers {
        var first: [UInt32] = []
        var second: [UInt32] = []
        var prefixed: [UInt32] = []
    }
    private let buffers = Buffers()

    init(affixes: AffixFile) { self.affixes = affixes }

    /// Calls `body` with each form of `word` (scalars, valid during the call) and its roles.
    /// Forms may repeat (two rules giving one form); roles may be empty (a form that exists
    /// only as the base of a further affix). Not reentrant: one generator per thread.
    func forEachForm(of word: [UInt32], flags: [HunspellFlag], _ body: (UnsafeBufferPointer<UInt32>, FormRoles) -> Void) {
        let fullStrip = affixes.fullStrip
        word.withUnsafeBufferPointer { root in
            if !has(affixes.needAffix, flags, []) {
                body(root, roles(flags, [], suffixed: false, prefixed: false))
            }
            for flag in flags {
                guard let affixClass = affixes.affixClass(flag) else { continue }
                switch affixClass.kind {
                case .suffix:
                    for rule in affixClass.rules where rule.suffix(root, into: &buffers.first, fullStrip: fullStrip) {
                        buffers.first.withUnsafeBufferPointer { form in
                            body(form, roles(flags, rule.continuation, suffixed: true, prefixed: false))
                            if !rule.continuation.isEmpty { secondSuffixes(of: form, after: rule, flags: flags, body) }
                            if affixClass.crossProduct { crossProducts(of: form, root: root, flags: flags, suffixRule: rule, body) }
                        }
                    }
                case .prefix:
                    for rule in affixClass.rules where rule.prefix(root, into: &buffers.prefixed, fullStrip: fullStrip) {
                        buffers.prefixed.withUnsafeBufferPointer { form in
                            body(form, roles(flags, rule.continuation, suffixed: false, prefixed: true))
                        }
                    }
                }
            }
        }
    }

    /// Twofold suffixes: the first suffix's continuation names a suffix class whose rules
    /// apply to the suffixed form.
    private func secondSuffixes(
        of form: UnsafeBufferPointer<UInt32>, after first: AffixRule, flags: [HunspellFlag],
        _ body: (UnsafeBufferPointer<UInt32>, FormRoles) -> Void
    ) {
        for flag in first.continuation {
            guard let outer = affixes.affixClass(flag), outer.kind == .suffix else { continue }
            for rule in outer.rules where rule.suffix(form, into: &buffers.second, fullStrip: affixes.fullStrip) {
                let permitted = has(affixes.compoundPermit, first.continuation, []) && has(affixes.compoundPermit, rule.continuation, [])
                let continuation = merged(first.continuation, rule.continuation)
                buffers.second.withUnsafeBufferPointer { twice in
                    body(twice, roles(flags, continuation, suffixed: true, prefixed: false, permittedSuffix: permitted))
                }
            }
        }
    }

    /// A prefix on a suffixed form, when both classes allow the cross product. The prefix
    /// condition is tested on the root, as Hunspell tests it.
    private func crossProducts(
        of form: UnsafeBufferPointer<UInt32>, root: UnsafeBufferPointer<UInt32>, flags: [HunspellFlag], suffixRule: AffixRule,
        _ body: (UnsafeBufferPointer<UInt32>, FormRoles) -> Void
    ) {
        for flag in flags {
            guard let prefixClass = affixes.affixClass(flag), prefixClass.kind == .prefix, prefixClass.crossProduct else { continue }
            for rule in prefixClass.rules
            where rule.applies(asPrefixTo: root, fullStrip: affixes.fullStrip)
                && rule.prefix(form, into: &buffers.prefixed, fullStrip: true) {
                let continuation = merged(suffixRule.continuation, rule.continuation)
                let permittedSuffix = has(affixes.compoundPermit, suffixRule.continuation, [])
                let permittedPrefix = has(affixes.compoundPermit, rule.continuation, [])
                buffers.prefixed.withUnsafeBufferPointer { both in
                    body(both, roles(flags, continuation, suffixed: true, prefixed: true,
                                     permittedSuffix: permittedSuffix, permittedPrefix: permittedPrefix))
                }
            }
        }
    }

    /// The roles of a form with the entry's `flags` and the applied affixes' `continuation`.
    private func roles(
        _ flags: [HunspellFlag], _ continuation: [HunspellFlag], suffixed: Bool, prefixed: Bool,
        permittedSuffix: Bool? = nil, permittedPrefix: Bool? = nil
    ) -> FormRoles {
        var roles: FormRoles = []
        if !has(affixes.onlyInCompound, flags, continuation) && !has(affixes.needAffix, continuation, []) {
            roles.insert(.standalone)
        }
        if has(affixes.compoundForbid, continuation, []) { return roles }
        let anywhere = has(affixes.compoundFlag, flags, continuation)
        let suffixAllowsInside = !suffixed || (permittedSuffix ?? has(affixes.compoundPermit, continuation, []))
        let prefixAllowsInside = !prefixed || (permittedPrefix ?? has(affixes.compoundPermit, continuation, []))
        if (anywhere || has(affixes.compoundBegin, flags, continuation)) && suffixAllowsInside {
            roles.insert(.compoundBegin)
        }
        if (anywhere || has(affixes.compoundMiddle, flags, continuation)) && suffixAllowsInside && prefixAllowsInside {
            roles.insert(.compoundMiddle)
        }
        if (anywhere || has(affixes.compoundEnd, flags, continuation)) && prefixAllowsInside {
            roles.insert(.compoundEnd)
        }
        return roles
    }

    @inline(__always)
    private func has(_ flag: HunspellFlag?, _ first: [HunspellFlag], _ second: [HunspellFlag]) -> Bool {
        guard let flag else { return false }
        return first.contains(flag) || second.contains(flag)
    }

    private func merged(_ first: [HunspellFlag], _ second: [HunspellFlag]) -> [HunspellFlag] {
        Array(Set(first).union(second)).sorted()
    }
}

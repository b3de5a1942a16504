/// What a word form may do, as a Hunspell dictionary says: stand alone as a word, begin a
/// compound, stand inside one, end one.
///
/// sv_SE: `vatten` may do all four; `dricksvatten` may begin a compound but not end one;
/// `yrkes` (of `yrke`) and `ränte` (of `ränta`) may only begin one; `försörjningen` may
/// end one; `kom` (of `komma`) is a word that takes no part in compounds.
public struct FormRoles: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// A word on its own (not `ONLYINCOMPOUND`, not a root that `NEEDAFFIX` needs affixed).
    public static let standalone = FormRoles(rawValue: 1)
    /// May begin a compound (`COMPOUNDBEGIN` or `COMPOUNDFLAG`).
    public static let compoundBegin = FormRoles(rawValue: 2)
    /// May stand between two other parts (`COMPOUNDMIDDLE` or `COMPOUNDFLAG`).
    public static let compoundMiddle = FormRoles(rawValue: 4)
    /// May end a compound (`COMPOUNDEND` or `COMPOUNDFLAG`).
    public static let compoundEnd = FormRoles(rawValue: 8)

    /// May stand before the last part of a compound, first or in the middle.
    public var canPrecedeLastPart: Bool { !isDisjoint(with: [.compoundBegin, .compoundMiddle]) }

    public var description: String {
        var names: [String] = []
        if contains(.standalone) { names.append("word") }
        if contains(.compoundBegin) { names.append("begin") }
        if contains(.compoundMiddle) { names.append("middle") }
        if contains(.compoundEnd) { names.append("end") }
        return names.isEmpty ? "none" : names.joined(separator: "+")
    }
}

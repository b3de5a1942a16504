/// One Hunspell flag: the name of an affix class (`SFX A …`) or a property
/// (`COMPOUNDBEGIN X`), as it is attached to dictionary words (`vapen/ACFUXY`).
///
/// Stored as a number whatever the file's `FLAG` type: the character's scalar value, the
/// two characters of a `long` flag, or the decimal of a `num` flag.
public struct HunspellFlag: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var value: UInt32

    public init(_ value: UInt32) { self.value = value }

    /// The flag written as one character (the default flag type).
    public init(_ character: Unicode.Scalar) { value = character.value }

    public static func < (left: HunspellFlag, right: HunspellFlag) -> Bool { left.value < right.value }

    public var description: String {
        Unicode.Scalar(value).map { String(Character($0)) } ?? String(value)
    }
}

/// How an affix file writes its flags (its `FLAG` directive).
///
/// Hunspell's default reads one flag per byte; talks reads one per character, which is the
/// same for ASCII flags and keeps a non-ASCII flag (sv_SE's `¤`) one flag rather than two.
public enum HunspellFlagType: Hashable, Sendable {
    /// No `FLAG` line: one character per flag (`ACFUXY`).
    case character
    /// `FLAG long`: two characters per flag (`AaBb`).
    case long
    /// `FLAG num`: decimal numbers separated by commas (`101,2,33`).
    case numeric
    /// `FLAG UTF-8`: one Unicode character per flag.
    case unicode

    /// The type a `FLAG` directive names, or nil for a name Hunspell does not know.
    init?(directiveValue: Substring) {
        switch directiveValue {
        case "long": self = .long
        case "num": self = .numeric
        case "UTF-8", "utf-8", "UTF8": self = .unicode
        default: return nil
        }
    }

    /// The flags written in `text`, sorted and without repeats; `reason` says what is wrong.
    func parse(_ text: Substring) -> Result<[HunspellFlag], FlagProblem> {
        var flags: [HunspellFlag] = []
        switch self {
        case .character, .unicode:
            for scalar in text.unicodeScalars { flags.append(HunspellFlag(scalar.value)) }
        case .long:
            let scalars = Array(text.unicodeScalars)
            guard scalars.count % 2 == 0 else {
                return .failure(FlagProblem(reason: "FLAG long takes two characters per flag, and there are \(scalars.count)"))
            }
            var index = 0
            while index + 1 < scalars.count {
                let first = scalars[index].value, second = scalars[index + 1].value
                guard first <= 0xFFFF, second <= 0xFFFF else {
                    return .failure(FlagProblem(reason: "a FLAG long flag must use characters below U+10000"))
                }
                flags.append(HunspellFlag(first << 16 | second))
                index += 2
            }
        case .numeric:
            for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
                guard let number = UInt32(piece), number > 0, number <= 65_535 else {
                    return .failure(FlagProblem(reason: "FLAG num takes numbers from 1 to 65535 separated by commas; \"\(piece)\" is not one"))
                }
                flags.append(HunspellFlag(number))
            }
        }
        flags.sort()
        var unique: [HunspellFlag] = []
        unique.reserveCapacity(flags.count)
        for flag in flags where unique.last != flag { unique.append(flag) }
        return .success(unique)
    }
}

/// Why a flag list could not be read.
struct FlagProblem: Error {
    var reason: String
}

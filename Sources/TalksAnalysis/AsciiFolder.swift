/// Folds Latin letters with diacritics to their ASCII base letters: å → a, ä → a, ö → o,
/// é → e, ü → u, æ → a, ø → o (æ and ø are the Danish and Norwegian ä and ö), ß → ss,
/// þ → th, ð → d.
///
/// Lets a viewer without a Swedish keyboard type `vatmarker` for `våtmarker` or
/// `Ostergotland` for `Östergötland`. The search layer ranks folded matches below exact
/// ones because folding merges real words (`mål`/`mal`, `få`/`fa`). Input is a normalised
/// (lowercase NFC) term; combining marks left over from decomposed input are dropped.
public enum AsciiFolder {
    /// The ASCII-folded form of `term`; returns `term` itself when it is already ASCII.
    public static func fold(_ term: String) -> String {
        if term.utf8.allSatisfy({ $0 < 0x80 }) { return term }
        var result = ""
        result.reserveCapacity(term.utf8.count)
        for scalar in term.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                result.unicodeScalars.append(scalar)
            } else if let folded = replacement(value) {
                result += folded
            } else if (0x300...0x36F).contains(value) {
                continue
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The ASCII replacement of one scalar, or nil to keep it unchanged.
    static func replacement(_ value: UInt32) -> String? {
        switch value {
        case 0xE0...0xE6, 0xC0...0xC6, 0x101, 0x103, 0x105: return "a"
        case 0xE7, 0xC7, 0x107, 0x10D: return "c"
        case 0xE8...0xEB, 0xC8...0xCB, 0x113, 0x117, 0x119, 0x11B: return "e"
        case 0xEC...0xEF, 0xCC...0xCF, 0x12B, 0x131: return "i"
        case 0xF0, 0xD0, 0x111: return "d"
        case 0xF1, 0xD1, 0x144, 0x148: return "n"
        case 0xF2...0xF6, 0xF8, 0xD2...0xD6, 0xD8, 0x14D, 0x151: return "o"
        case 0xF9...0xFC, 0xD9...0xDC, 0x16B, 0x16F, 0x171: return "u"
        case 0xFD, 0xFF, 0xDD: return "y"
        case 0xFE, 0xDE: return "th"
        case 0xDF: return "ss"
        case 0x142: return "l"
        case 0x15B, 0x161, 0x15F: return "s"
        case 0x159: return "r"
        case 0x165: return "t"
        case 0x17A, 0x17C, 0x17E: return "z"
        case 0x11F: return "g"
        default: return nil
        }
    }
}

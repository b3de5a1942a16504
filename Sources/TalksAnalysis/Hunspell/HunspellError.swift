import TalksModel

/// Why a Hunspell affix (`.aff`) or dictionary (`.dic`) file could not be read: the file,
/// the line (1-based) and what is wrong with it.
///
/// The reader stops at the first malformed line rather than guessing: a dictionary read
/// half-right would give lemmas that are quietly wrong, while an error lets the caller say
/// once that it analyses with rules only, and why.
public struct HunspellError: TalksError, Hashable {
    /// The file as the caller named it.
    public var path: String
    /// The 1-based line, or nil for a problem with the file as a whole.
    public var line: Int?
    /// What is wrong.
    public var problem: Problem

    public init(path: String, line: Int?, problem: Problem) {
        self.path = path
        self.line = line
        self.problem = problem
    }

    /// What is wrong with a line or a file.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// The bytes are not valid in the file's encoding (`SET`).
        case invalidEncoding(encoding: String)
        /// `SET` names an encoding the reader does not decode (it reads UTF-8 and ISO8859-1).
        case unsupportedEncoding(String)
        /// `FLAG` names a flag type other than `long`, `num` or `UTF-8`.
        case unsupportedFlagType(String)
        /// A directive lacks a value it needs (`COMPOUNDBEGIN` alone).
        case missingValue(directive: String)
        /// A directive's number is not a number in range (`COMPOUNDMIN x`).
        case invalidNumber(directive: String, text: String)
        /// A flag list cannot be read with the file's flag type.
        case invalidFlags(text: String, reason: String)
        /// A directive that names one flag was given none or several.
        case notOneFlag(directive: String, text: String)
        /// A `PFX`/`SFX` header is not `PFX flag Y|N count`.
        case invalidAffixHeader(text: String)
        /// A `PFX`/`SFX` rule is not `PFX flag strip add [condition]`.
        case invalidAffixRule(text: String, reason: String)
        /// The file ends before a counted table (`SFX A Y 6`, `AF 3`) has all its lines.
        case missingTableLines(directive: String, expected: Int, found: Int)
        /// An affix condition is malformed (an unclosed `[`, an empty `[]`).
        case invalidCondition(text: String, reason: String)
        /// A flag alias number (`AF`) that the affix file does not define.
        case unknownFlagAlias(number: String, defined: Int)
        /// The dictionary's first line is not the entry count.
        case missingEntryCount(text: String)
        /// A dictionary line has flags but no word (`/ABC`).
        case emptyWord

        public var description: String {
            switch self {
            case .invalidEncoding(let encoding):
                return "the line is not valid \(encoding) (the encoding the affix file's SET names)"
            case .unsupportedEncoding(let name):
                return "SET \(name) is not supported; talks reads UTF-8 and ISO8859-1 dictionaries"
            case .unsupportedFlagType(let name):
                return "FLAG \(name) is not a flag type; expected long, num or UTF-8 (or no FLAG line for one character per flag)"
            case .missingValue(let directive):
                return "\(directive) needs a value"
            case .invalidNumber(let directive, let text):
                return "\(directive) expects a number, found \"\(text)\""
            case .invalidFlags(let text, let reason):
                return "the flags \"\(text)\" cannot be read: \(reason)"
            case .notOneFlag(let directive, let text):
                return "\(directive) names one flag, found \"\(text)\""
            case .invalidAffixHeader(let text):
                return "\"\(text)\" is not an affix class header; expected PFX|SFX flag Y|N count"
            case .invalidAffixRule(let text, let reason):
                return "\"\(text)\" is not an affix rule (PFX|SFX flag strip add [condition]): \(reason)"
            case .missingTableLines(let directive, let expected, let found):
                return "the file ends inside a \(directive) table: \(expected) lines announced, \(found) found"
            case .invalidCondition(let text, let reason):
                return "the affix condition \"\(text)\" is malformed: \(reason)"
            case .unknownFlagAlias(let number, let defined):
                return "flag alias \(number) is not defined (the affix file's AF table has \(defined))"
            case .missingEntryCount(let text):
                return "the first line must be the number of entries, found \"\(text)\""
            case .emptyWord:
                return "the entry has flags but no word"
            }
        }
    }

    public var description: String {
        let location = line.map { "\(path):\($0)" } ?? path
        return "\(location): \(problem)."
    }
}

/// A Hunspell affix file (`.aff`): the affix classes and the flags that say what a word
/// may do, as far as deriving word forms and compound roles needs them.
///
/// Read: `SET` (UTF-8, ISO8859-1), `FLAG` (long, num, UTF-8), `AF` (flag aliases), `PFX`
/// and `SFX` classes with strip, add, continuation flags and condition, `FULLSTRIP`,
/// `COMPOUNDFLAG`, `COMPOUNDBEGIN`, `COMPOUNDMIDDLE`, `COMPOUNDEND`, `ONLYINCOMPOUND`,
/// `COMPOUNDPERMITFLAG`, `COMPOUNDFORBIDFLAG`, `COMPOUNDMIN`, `NEEDAFFIX` (and its old name
/// `PSEUDOROOT`), `FORBIDDENWORD`, `COMPOUNDRULE` (kept as written, not interpreted).
/// Everything else (suggestion tables such as `TRY`, `REP`, `MAP`, `KEY`, and the
/// compound checks such as `CHECKCOMPOUNDTRIPLE`) is about spelling suggestions and
/// checking, not about which forms a word has, and is skipped.
///
/// sv_SE (hunspell-sv-se 7.5) uses one-character flags, 45 suffix classes and no prefix
/// classes; its compound forms come from suffixes with continuation flags (`yrke` →
/// `yrkes`/WXZ), and its `COMPOUNDRULE`s cover numbers only.
public struct AffixFile: Sendable {
    /// The encoding of both files (`SET`).
    public internal(set) var encoding: String = "ISO8859-1"
    /// How flags are written (`FLAG`).
    public internal(set) var flagType: HunspellFlagType = .character
    /// The affix classes by flag.
    public internal(set) var classes: [HunspellFlag: AffixClass] = [:]
    /// `AF` flag sets: alias n (1-based) is `flagAliases[n - 1]`.
    public internal(set) var flagAliases: [[HunspellFlag]] = []
    /// `FULLSTRIP`: a rule may strip the whole word.
    public internal(set) var fullStrip = false
    /// `COMPOUNDFLAG`: the word may stand anywhere in a compound.
    public internal(set) var compoundFlag: HunspellFlag?
    /// `COMPOUNDBEGIN`: the word may begin a compound.
    public internal(set) var compoundBegin: HunspellFlag?
    /// `COMPOUNDMIDDLE`: the word may stand inside a compound.
    public internal(set) var compoundMiddle: HunspellFlag?
    /// `COMPOUNDEND`: the word may end a compound.
    public internal(set) var compoundEnd: HunspellFlag?
    /// `ONLYINCOMPOUND`: the word (or the affixed form) exists only inside compounds.
    public internal(set) var onlyInCompound: HunspellFlag?
    /// `COMPOUNDPERMITFLAG`: an affix that may stand inside a compound (Hunspell allows
    /// suffixes only on the last part otherwise).
    public internal(set) var compoundPermit: HunspellFlag?
    /// `COMPOUNDFORBIDFLAG`: an affix whose forms never take part in compounds.
    public internal(set) var compoundForbid: HunspellFlag?
    /// `NEEDAFFIX`: the word is no word without an affix.
    public internal(set) var needAffix: HunspellFlag?
    /// `FORBIDDENWORD`: the word is forbidden (a known misspelling or a bad compound).
    public internal(set) var forbiddenWord: HunspellFlag?
    /// `COMPOUNDMIN`: the fewest letters of a compound part (Hunspell's default is 3).
    public internal(set) var compoundMinimum: Int?
    /// `COMPOUNDRULE` patterns as written.
    public internal(set) var compoundRules: [String] = []

    /// The path the file was read from, for errors about the dictionary it describes.
    public let path: String

    let textEncoding: HunspellText.Encoding

    /// The affix class of a flag: a direct table for flags below U+10000 (every flag of
    /// one or two ASCII characters' worth is; sv_SE's all are), the dictionary otherwise.
    /// Generating sv_SE's forms asks about 700,000 times.
    @inline(__always)
    func affixClass(_ flag: HunspellFlag) -> AffixClass? {
        if flag.value < UInt32(classIndex.count) {
            let index = Int(classIndex[Int(flag.value)])
            return index < 0 ? nil : classList[index]
        }
        return classes[flag]
    }

    /// `classes` as an array, and for each flag value below `classIndex.count` its index
    /// in it or -1; rebuilt after reading (`indexClasses`).
    private(set) var classList: [AffixClass] = []
    private(set) var classIndex: [Int32] = []

    /// Builds the direct lookup of `affixClass` once all classes are read.
    mutating func indexClasses() {
        classList = classes.values.sorted { $0.flag < $1.flag }
        let largest = classList.lazy.map { Int($0.flag.value) }.filter { $0 < 0x10000 }.max() ?? -1
        classIndex = [Int32](repeating: -1, count: largest + 1)
        for (index, affixClass) in classList.enumerated() where Int(affixClass.flag.value) <= largest {
            classIndex[Int(affixClass.flag.value)] = Int32(index)
        }
    }

    /// Reads an affix file. `path` names it in errors.
    public init(bytes: [UInt8], path: String) throws(HunspellError) {
        self.path = path
        textEncoding = try HunspellText.declaredEncoding(of: bytes, path: path)
        encoding = textEncoding.name
        var reader = AffixFileReader(path: path)
        let encoding = textEncoding
        try HunspellText.forEachLine(in: bytes) { number, range throws(HunspellError) in
            guard let text = HunspellText.decode(bytes, range, as: encoding) else {
                throw HunspellError(path: path, line: number, problem: .invalidEncoding(encoding: encoding.name))
            }
            try reader.read(line: text, number: number, into: &self)
        }
        try reader.finish()
        indexClasses()
    }

    /// The flags of a dictionary entry's flag field (`ACFUXY`, or an `AF` alias number).
    func flags(_ text: Substring) -> Result<[HunspellFlag], HunspellError.Problem> {
        if !flagAliases.isEmpty {
            guard let number = Int(text), number >= 1, number <= flagAliases.count else {
                return .failure(.unknownFlagAlias(number: String(text), defined: flagAliases.count))
            }
            return .success(flagAliases[number - 1])
        }
        switch flagType.parse(text) {
        case .success(let flags): return .success(flags)
        case .failure(let problem): return .failure(.invalidFlags(text: String(text), reason: problem.reason))
        }
    }
}

/// The line-by-line state of reading an affix file: the counted table being read, if any.
struct AffixFileReader {
    let path: String
    /// A `PFX`/`SFX` or `AF` table that still expects lines.
    private var table: (directive: String, flag: HunspellFlag?, remaining: Int, expected: Int, startLine: Int)?
    private var aliasesDeclared = false

    init(path: String) { self.path = path }

    mutating func read(line: String, number: Int, into file: inout AffixFile) throws(HunspellError) {
        let fields = HunspellText.fields(of: line)
        guard let directive = fields.first, !directive.hasPrefix("#") else { return }
        func fail(_ problem: HunspellError.Problem) -> HunspellError {
            HunspellError(path: path, line: number, problem: problem)
        }
        if let open = table, directive == open.directive {
            if directive == "AF" {
                guard fields.count >= 2 else { throw fail(.missingValue(directive: "AF")) }
                switch file.flagType.parse(fields[1]) {
                case .success(let flags): file.flagAliases.append(flags)
                case .failure(let problem): throw fail(.invalidFlags(text: String(fields[1]), reason: problem.reason))
                }
            } else if let flag = open.flag {
                let rule = try Self.rule(fields, line: line, file: file, fail: fail)
                guard rule.flag == flag else {
                    throw fail(.invalidAffixRule(text: line, reason: "its flag \(rule.flag) is not the class's flag \(flag)"))
                }
                file.classes[flag]?.rules.append(rule.rule)
            }
            table = open.remaining > 1 ? (open.directive, open.flag, open.remaining - 1, open.expected, open.startLine) : nil
            return
        }
        try finish()
        let value = fields.count >= 2 ? fields[1] : nil
        func oneFlag() throws(HunspellError) -> HunspellFlag {
            guard let value else { throw fail(.missingValue(directive: String(directive))) }
            guard case .success(let flags) = file.flagType.parse(value), flags.count == 1, let flag = flags.first else {
                throw fail(.notOneFlag(directive: String(directive), text: String(value)))
            }
            return flag
        }
        switch directive {
        case "SET":
            return  // read before the other lines (HunspellText.declaredEncoding)
        case "FLAG":
            guard let value else { throw fail(.missingValue(directive: "FLAG")) }
            guard let type = HunspellFlagType(directiveValue: value) else { throw fail(.unsupportedFlagType(String(value))) }
            file.flagType = type
        case "AF" where !aliasesDeclared:
            guard let value, let count = Int(value), count >= 0 else {
                throw fail(.invalidNumber(directive: "AF", text: value.map(String.init) ?? ""))
            }
            aliasesDeclared = true
            if count > 0 { table = ("AF", nil, count, count, number) }
        case "PFX", "SFX":
            guard fields.count >= 4, let count = Int(fields[3]), count >= 0, fields[2] == "Y" || fields[2] == "N",
                  case .success(let flags) = file.flagType.parse(fields[1]), flags.count == 1, let flag = flags.first
            else { throw fail(.invalidAffixHeader(text: line)) }
            let kind: AffixClass.Kind = directive == "PFX" ? .prefix : .suffix
            if file.classes[flag] == nil {
                file.classes[flag] = AffixClass(flag: flag, kind: kind, crossProduct: fields[2] == "Y", rules: [])
            } else if file.classes[flag]?.kind != kind {
                throw fail(.invalidAffixHeader(text: line + " (flag \(flag) is already a \(kind == .prefix ? "suffix" : "prefix") class)"))
            }
            if count > 0 { table = (String(directive), flag, count, count, number) }
        case "FULLSTRIP": file.fullStrip = true
        case "COMPOUNDFLAG": file.compoundFlag = try oneFlag()
        case "COMPOUNDBEGIN": file.compoundBegin = try oneFlag()
        case "COMPOUNDMIDDLE": file.compoundMiddle = try oneFlag()
        case "COMPOUNDEND", "COMPOUNDLAST": file.compoundEnd = try oneFlag()
        case "ONLYINCOMPOUND": file.onlyInCompound = try oneFlag()
        case "COMPOUNDPERMITFLAG": file.compoundPermit = try oneFlag()
        case "COMPOUNDFORBIDFLAG": file.compoundForbid = try oneFlag()
        case "NEEDAFFIX", "PSEUDOROOT": file.needAffix = try oneFlag()
        case "FORBIDDENWORD": file.forbiddenWord = try oneFlag()
        case "COMPOUNDMIN":
            guard let value, let minimum = Int(value), minimum >= 0 else {
                throw fail(.invalidNumber(directive: "COMPOUNDMIN", text: value.map(String.init) ?? ""))
            }
            file.compoundMinimum = minimum
        case "COMPOUNDRULE":
            // The first COMPOUNDRULE line is the count; the rest are patterns.
            if let value, Int(value) == nil { file.compoundRules.append(String(value)) }
        default:
            return
        }
    }

    /// Throws when the file ended inside a counted table.
    mutating func finish() throws(HunspellError) {
        guard let open = table else { return }
        table = nil
        throw HunspellError(path: path, line: open.startLine, problem: .missingTableLines(
            directive: open.directive, expected: open.expected, found: open.expected - open.remaining
        ))
    }

    /// One `PFX`/`SFX` rule line: `SFX flag strip add[/flags] [condition [morphology…]]`.
    private static func rule(
        _ fields: [Substring], line: String, file: AffixFile, fail: (HunspellError.Problem) -> HunspellError
    ) throws(HunspellError) -> (flag: HunspellFlag, rule: AffixRule) {
        guard fields.count >= 4 else { throw fail(.invalidAffixRule(text: line, reason: "it has \(fields.count) fields, at least 4 are needed")) }
        guard case .success(let flags) = file.flagType.parse(fields[1]), flags.count == 1, let flag = flags.first else {
            throw fail(.invalidAffixRule(text: line, reason: "\"\(fields[1])\" is not one flag"))
        }
        let strip = fields[2] == "0" ? "" : String(fields[2])
        var appendField = fields[3]
        var continuation: [HunspellFlag] = []
        if let slash = appendField.firstIndex(of: "/") {
            let flagText = appendField[appendField.index(after: slash)...]
            appendField = appendField[..<slash]
            switch file.flags(flagText) {
            case .success(let flags): continuation = flags
            case .failure(let problem): throw fail(problem)
            }
        }
        let append = appendField == "0" ? "" : String(appendField)
        let condition: AffixCondition
        if fields.count >= 5 {
            do {
                condition = try AffixCondition(parsing: fields[4])
            } catch {
                throw fail(.invalidCondition(text: String(fields[4]), reason: error.reason))
            }
        } else {
            condition = .always
        }
        return (flag, AffixRule(strip: strip, append: append, continuation: continuation, condition: condition))
    }
}

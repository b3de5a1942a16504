/// An archive's `synonyms.txt`, read and checked: the organisers' groups of terms that mean
/// the same (`SLU, Sveriges lantbruksuniversitet`), each with the line it came from.
///
/// Why in TalksModel: `talks check` (TalksIngest's side) validates the file and search
/// (TalksSearch) applies it at query time; both read it with this one parser, which needs
/// nothing but bytes. Search analyses each alternative like a query word; this parser only
/// splits, trims and compares names lowercased with white space collapsed (`key`).
///
/// Format: UTF-8 text, one group per line, alternatives separated by commas; a line whose
/// first non-blank character is `#` is a comment; blank lines are ignored. A line that is
/// wrong (not UTF-8, longer than `maximumLineBytes`, an empty alternative, a group of one,
/// more than `maximumAlternatives`, a term already in another group) is an error naming
/// file:line, and that line is left out; the other lines still apply. A term repeated
/// within its own group is a warning.
public struct SynonymFile: Sendable, Hashable {
    /// One line's group: two or more alternatives, as written (trimmed).
    public struct Group: Sendable, Hashable {
        public var alternatives: [String]
        /// 1-based line in the file.
        public var line: Int
    }

    /// The name of the file in an archive folder.
    public static let fileName = "synonyms.txt"
    /// The longest line accepted, in bytes.
    public static let maximumLineBytes = 1_000
    /// The most alternatives in one group.
    public static let maximumAlternatives = 16
    /// The largest file read, in bytes (10,000 groups of 100 bytes).
    public static let maximumFileBytes = 1 << 20

    /// The file as named by whoever read it (diagnostics and `--explain` print it).
    public var path: String
    /// The usable groups, in file order.
    public var groups: [Group]
    /// Errors (lines left out) and warnings, each with file:line.
    public var diagnostics: [Diagnostic]

    public init(path: String, groups: [Group] = [], diagnostics: [Diagnostic] = []) {
        self.path = path
        self.groups = groups
        self.diagnostics = diagnostics
    }

    /// How two alternatives are compared: lowercased, runs of white space as one space.
    public static func key(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Reads `bytes` as the file at `path`. Never fails: what is wrong becomes diagnostics.
    public static func parse(_ bytes: [UInt8], path: String) -> SynonymFile {
        var file = SynonymFile(path: path)
        guard bytes.count <= maximumFileBytes else {
            file.diagnostics.append(Diagnostic(.error, file: path,
                "the file is \(bytes.count) bytes; at most \(maximumFileBytes) are read: split it or remove unused groups"))
            return file
        }
        var groupLineByKey: [String: Int] = [:]
        var lineNumber = 0
        for rawLine in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            var lineBytes = Array(rawLine)
            if lineBytes.last == 0x0D { lineBytes.removeLast() }
            if lineNumber == 1, lineBytes.starts(with: [0xEF, 0xBB, 0xBF]) { lineBytes.removeFirst(3) }
            func error(_ message: String) {
                file.diagnostics.append(Diagnostic(.error, file: path, line: lineNumber, message))
            }
            guard lineBytes.count <= maximumLineBytes else {
                error("the line is \(lineBytes.count) bytes long; at most \(maximumLineBytes) are allowed")
                continue
            }
            guard let line = String(validating: lineBytes, as: UTF8.self) else {
                error("the line is not valid UTF-8; save the file as UTF-8")
                continue
            }
            let trimmed = line.trimmingWhiteSpace
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let alternatives = trimmed.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhiteSpace }
            if alternatives.contains(where: \.isEmpty) {
                error("an alternative is empty (two commas in a row, or a comma at the start or end of the line)")
                continue
            }
            if let wordless = alternatives.first(where: { !$0.contains(where: { $0.isLetter || $0.isNumber }) }) {
                error("“\(wordless)” has no letters or digits, so it cannot match anything")
                continue
            }
            var kept: [String] = []
            var keys: [String] = []
            for alternative in alternatives {
                let key = key(alternative)
                if keys.contains(key) {
                    file.diagnostics.append(Diagnostic(.warning, file: path, line: lineNumber,
                        "“\(alternative)” is listed twice in this group; the second is ignored"))
                    continue
                }
                keys.append(key)
                kept.append(alternative)
            }
            guard kept.count >= 2 else {
                error("a group needs at least two alternatives separated by commas, e.g. “SLU, Sveriges lantbruksuniversitet”")
                continue
            }
            guard kept.count <= maximumAlternatives else {
                error("the group has \(kept.count) alternatives; at most \(maximumAlternatives) are allowed")
                continue
            }
            if let taken = zip(kept, keys).first(where: { groupLineByKey[$0.1] != nil }) {
                let other = groupLineByKey[taken.1] ?? 0
                error("“\(taken.0)” is already in the group on line \(other); a term may be in one group only (merge the two lines)")
                continue
            }
            for key in keys { groupLineByKey[key] = lineNumber }
            file.groups.append(Group(alternatives: kept, line: lineNumber))
        }
        return file
    }
}

extension String {
    /// The string without white space (spaces, tabs, no-break spaces…) at either end.
    fileprivate var trimmingWhiteSpace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

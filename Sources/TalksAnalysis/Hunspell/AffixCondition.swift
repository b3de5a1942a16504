/// The condition of a Hunspell affix rule: which words the rule applies to, by their last
/// (suffix) or first (prefix) letters.
///
/// The grammar is a simplified regular expression, one element per letter: `.` (any
/// letter), a letter, `[abc]` (one of) or `[^abc]` (none of). `[^m]er` matches words
/// ending in `er` after any letter but `m`: `SFX C er ret [^m]er` makes `lagret` of
/// `lager` and leaves `nummer` to the `mer` rule.
public struct AffixCondition: Hashable, Sendable, CustomStringConvertible {
    /// One letter position of the condition.
    enum Element: Hashable, Sendable {
        case any
        case letter(UInt32)
        case oneOf([UInt32])
        case noneOf([UInt32])

        @inline(__always)
        func matches(_ scalar: UInt32) -> Bool {
            switch self {
            case .any: return true
            case .letter(let letter): return scalar == letter
            case .oneOf(let letters): return letters.contains(scalar)
            case .noneOf(let letters): return !letters.contains(scalar)
            }
        }
    }

    /// The elements in reading order.
    let elements: [Element]
    /// The condition as written.
    public let description: String

    /// The condition that matches every word (`.`).
    public static let always = AffixCondition(elements: [], description: ".")

    private init(elements: [Element], description: String) {
        self.elements = elements
        self.description = description
    }

    /// Parses a condition; throws with the reason when a bracket is unclosed, empty or stray.
    init(parsing text: Substring) throws(FlagProblem) {
        var elements: [Element] = []
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case ".":
                elements.append(.any)
            case "[":
                var letters: [UInt32] = []
                var negated = false
                var closed = false
                var first = true
                while let inner = scalars.next() {
                    if inner == "]" { closed = true; break }
                    if inner == "^" && first { negated = true } else { letters.append(inner.value) }
                    first = false
                }
                guard closed else { throw FlagProblem(reason: "a [ is not closed by ]") }
                guard !letters.isEmpty else { throw FlagProblem(reason: "a bracket holds no letters") }
                elements.append(negated ? .noneOf(letters) : .oneOf(letters))
            case "]":
                throw FlagProblem(reason: "a ] closes no [")
            default:
                elements.append(.letter(scalar.value))
            }
        }
        self.init(elements: elements, description: String(text))
    }

    /// Whether the last letters of `word` match (a suffix rule's test).
    @inline(__always)
    func matchesEnd(of word: UnsafeBufferPointer<UInt32>) -> Bool {
        let count = elements.count
        guard count <= word.count else { return false }
        let offset = word.count - count
        for index in 0..<count where !elements[index].matches(word[offset + index]) { return false }
        return true
    }

    /// Whether the first letters of `word` match (a prefix rule's test).
    @inline(__always)
    func matchesStart(of word: UnsafeBufferPointer<UInt32>) -> Bool {
        let count = elements.count
        guard count <= word.count else { return false }
        for index in 0..<count where !elements[index].matches(word[index]) { return false }
        return true
    }
}

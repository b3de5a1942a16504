/// Splits Swedish compounds into their parts using a lexicon the caller supplies.
///
/// `livsmedelsstrategi` → [`livsmedel`, `strategi`]: the linking `-s-` (and `-e-`) between
/// parts is removed. Every part must be a word per `isWord` and at least
/// `minimumPartLength` letters, so the splitter never invents parts: `kostnad` does not
/// give `ost`, `post` does not give `ost`.
public struct CompoundSplitter: Sendable {
    public var minimumPartLength: Int

    public init(minimumPartLength: Int = 3) {
        self.minimumPartLength = minimumPartLength
    }

    /// The parts of `term`, or nil when it is not a compound of known words.
    public func split(_ term: String, isWord: (String) -> Bool) -> [String]? {
        let scalars = Array(term.unicodeScalars)
        guard scalars.count >= 2 * minimumPartLength else { return nil }
        for cut in stride(from: scalars.count - minimumPartLength, through: minimumPartLength, by: -1) {
            let head = String(String.UnicodeScalarView(scalars[..<cut]))
            let tail = String(String.UnicodeScalarView(scalars[cut...]))
            guard isWord(tail) else { continue }
            if isWord(head) { return [head, tail] }
        }
        return nil
    }
}

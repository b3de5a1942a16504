/// Small text clean-ups the readers share: trimming whitespace or given characters,
/// without Foundation's CharacterSet bridging.
extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// The text without any of `characters` (and whitespace) at either end.
    func trimmingEdges(of characters: String) -> String {
        let unwanted = Set(characters.unicodeScalars)
        let scalars = unicodeScalars
        let isKept: (Unicode.Scalar) -> Bool = { !unwanted.contains($0) && !$0.properties.isWhitespace }
        guard let first = scalars.firstIndex(where: isKept), let last = scalars.lastIndex(where: isKept) else { return "" }
        return String(scalars[first...last])
    }
}

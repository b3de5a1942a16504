/// Numbers the distinct names of one segment (series or speakers) as they are met, so that
/// facet counting can use an array of counts per segment instead of a dictionary per match.
///
/// A name is kept exactly as written (trimmed of surrounding spaces); two spellings are two
/// facet values. An empty name has no number: it is not a facet value.
struct FacetNames {
    private(set) var names: [String] = []
    private var numbers: [String: Int32] = [:]

    /// The number of `name`, given a new one the first time; nil for an empty name.
    mutating func number(_ name: String) -> Int32? {
        let trimmed = name.trimmingSpaces()
        guard !trimmed.isEmpty else { return nil }
        if let known = numbers[trimmed] { return known }
        let number = Int32(truncatingIfNeeded: names.count)
        names.append(trimmed)
        numbers[trimmed] = number
        return number
    }
}

/// Edit distances, with a cut-off, from one word to each term of a sorted run of dictionary
/// terms: typo search's scan over the terms that share the word's first letter.
///
/// The matrix is laid out with one row per letter of the *term* (and a column per letter of
/// the word), so row `i` depends only on the term's first `i` letters. Neighbours in a sorted
/// dictionary share long prefixes (strateg·i, strateg·in, strateg·ier…), so the rows of the
/// shared prefix are kept from the previous term and only the rest is computed; and once a
/// prefix's row lies wholly beyond the limit, every following term with that prefix is
/// rejected without computing anything. The answers are those of `BoundedLevenshtein`
/// (edit distance is symmetric, and both give up only when a row proves the distance above
/// the limit); the tests compare them term by term.
///
/// Feed the terms in dictionary order for the sharing to pay; any order gives right answers.
struct PrefixSharingLevenshtein {
    private let word: [UInt32]
    private let limit: Int
    /// Row `i` (the term's first `i` letters against the word) at `rows[i * width ..< (i + 1) * width]`.
    private var rows: [Int]
    private let width: Int
    /// The letters of the last term whose rows are kept.
    private var path: [UInt32] = []
    /// Rows 0 ..< `validRows` are those of `path`'s prefixes.
    private var validRows = 1
    /// A row (prefix length) of `path` whose every cell is beyond the limit, if one was found.
    private var deadRow: Int?

    init(word: [UInt32], limit: Int) {
        self.word = word
        self.limit = limit
        width = word.count + 1
        // Terms longer than the word by more than the limit are rejected before any row.
        rows = [Int](repeating: 0, count: (word.count + max(0, limit) + 1) * width)
        for column in 0..<width { rows[column] = column }
    }

    /// The distance from the word to `term` if it is at most the limit.
    mutating func distance(to term: [UInt32]) -> Int? {
        guard limit >= 0 else { return nil }
        var shared = 0
        let reusable = min(validRows - 1, term.count, path.count)
        while shared < reusable && path[shared] == term[shared] { shared += 1 }
        validRows = shared + 1
        if let dead = deadRow, dead > shared { deadRow = nil }
        // Copied into the kept buffer, not assigned: sharing the caller's array would make
        // its next refill copy it (an allocation per term, half the scan's cost).
        path.removeAll(keepingCapacity: true)
        path.append(contentsOf: term)
        if deadRow != nil { return nil }
        if abs(term.count - word.count) > limit { return nil }
        let width = self.width
        let wordCount = word.count
        let limit = self.limit
        return rows.withUnsafeMutableBufferPointer { cells -> Int? in
            word.withUnsafeBufferPointer { letters -> Int? in
                var row = validRows
                while row <= term.count {
                    let previous = (row - 1) * width
                    let current = row * width
                    let letter = term[row - 1]
                    cells[current] = row
                    var rowMinimum = row
                    var column = 1
                    while column <= wordCount {
                        let substitution = cells[previous + column - 1] + (letter == letters[column - 1] ? 0 : 1)
                        let deletion = cells[previous + column] + 1
                        let insertion = cells[current + column - 1] + 1
                        let best = min(substitution, min(deletion, insertion))
                        cells[current + column] = best
                        if best < rowMinimum { rowMinimum = best }
                        column += 1
                    }
                    validRows = row + 1
                    if rowMinimum > limit {
                        deadRow = row
                        return nil
                    }
                    row += 1
                }
                let result = cells[term.count * width + wordCount]
                return result <= limit ? result : nil
            }
        }
    }
}

/// What is wrong with one query parameter, said in English for the JSON API and in Swedish
/// for the pages (`/` and `/watch/{id}` are Swedish; a viewer who edits the address reads
/// there what to change). Each sentence names the parameter, what it accepts and what came.
struct ParameterProblem: Hashable, Sendable {
    /// Why the value was refused.
    enum Reason: Hashable, Sendable {
        case wholeNumber(ClosedRange<Int>)
        case tooLong(maximum: Int)
        case missing
        case empty
        case year
        case flag
        case pageAndOffset
        case date
        case oneOf([String])
        /// Seconds or a clock, up to `maximumHours`.
        case time(maximumHours: Int)
    }

    var name: String
    var reason: Reason
    /// What was sent (cut to 40 characters), when it matters.
    var value: String?

    init(_ name: String, _ reason: Reason, value: String? = nil) {
        self.name = name
        self.reason = reason
        self.value = value.map { String($0.prefix(40)) }
    }

    var english: String {
        let sent = value.map { ", not '\($0)'" } ?? ""
        switch reason {
        case .wholeNumber(let range): return "'\(name)' must be a whole number from \(range.lowerBound) to \(range.upperBound)\(sent)"
        case .tooLong(let maximum): return "'\(name)' is longer than \(maximum) characters"
        case .missing: return "the query parameter '\(name)' is required"
        case .empty: return "the query parameter '\(name)' is empty"
        case .year: return "'\(name)' must be a year written YYYY, e.g. 2022\(sent)"
        case .flag: return "'\(name)' must be 1 or 0\(sent)"
        case .pageAndOffset: return "give either 'page' or 'offset', not both"
        case .date: return "'\(name)' must be a date written YYYY-MM-DD\(sent)"
        case .oneOf(let values): return "'\(name)' must be " + values.map { "'\($0)'" }.joined(separator: " or ") + sent
        case .time(let hours): return "'\(name)' must be seconds (75 or 75.5) or a time (1:15 or 1:02:03) up to \(hours) hours\(sent)"
        }
    }

    var swedish: String {
        let sent = value.map { ", inte ”\($0)”" } ?? ""
        switch reason {
        case .wholeNumber(let range): return "\(name) ska vara ett heltal från \(range.lowerBound) till \(range.upperBound)\(sent)."
        case .tooLong(let maximum): return "\(name) är längre än \(maximum) tecken."
        case .missing: return "\(name) saknas i adressen."
        case .empty: return "\(name) är tomt."
        case .year: return "\(name) ska vara ett år med fyra siffror, t.ex. 2022\(sent)."
        case .flag: return "\(name) ska vara 1 eller 0\(sent)."
        case .pageAndOffset: return "ange antingen page eller offset, inte båda."
        case .date: return "\(name) ska vara ett datum skrivet ÅÅÅÅ-MM-DD\(sent)."
        case .oneOf(let values): return "\(name) ska vara " + values.joined(separator: " eller ") + sent + "."
        case .time(let hours): return "\(name) ska vara sekunder (75 eller 75.5) eller en tid (1:15 eller 1:02:03), högst \(hours) timmar\(sent)."
        }
    }
}

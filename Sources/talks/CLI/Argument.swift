/// A positional argument, declared once: its name, help, how many words it takes and the
/// type it reads as.
///
/// Declared as a static member of a command, listed in its `CommandConfiguration` and read
/// back with `arguments[Self.path]`: a `String` for a single argument, `[String]` for a
/// repeating one. Parsing checks the count, so a command never re-checks "missing argument".
struct Argument<Value: Sendable>: ArgumentDeclaration {
    let name: String
    let help: String
    let isRepeating: Bool
    let isOptional: Bool
    let acceptsDashWords: Bool
    /// The value of a missing optional argument; also what an undeclared read gives while a
    /// test records reads (`ArgumentReadLog`).
    let emptyValue: Value
    let value: @Sendable ([String]) -> Value

    var spec: ArgumentSpec {
        let value = self.value
        return ArgumentSpec(name: name, help: help, isRepeating: isRepeating, isOptional: isOptional,
                            acceptsDashWords: acceptsDashWords, value: { words in value(words) })
    }
}

extension Argument where Value == String {
    /// Exactly one word, required.
    static func single(_ name: String, help: String) -> Argument<String> {
        Argument(name: name, help: help, isRepeating: false, isOptional: false, acceptsDashWords: false,
                 emptyValue: "", value: { $0.first ?? "" })
    }
}

extension Argument where Value == [String] {
    /// Every remaining word; `atLeastOne` makes the first one required.
    static func repeating(_ name: String, atLeastOne: Bool, acceptsDashWords: Bool = false, help: String) -> Argument<[String]> {
        Argument(name: name, help: help, isRepeating: true, isOptional: !atLeastOne, acceptsDashWords: acceptsDashWords,
                 emptyValue: [], value: { $0 })
    }
}

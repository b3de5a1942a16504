/// Reads fixed-width digit fields and separators from a date text, one character at a time.
struct DigitScanner {
    private let characters: [Character]
    private var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    var atEnd: Bool { position >= characters.count }

    mutating func take(_ character: Character) -> Bool {
        guard position < characters.count, characters[position] == character else { return false }
        position += 1
        return true
    }

    /// +1 for "+", -1 for "-" or U+2212 MINUS SIGN, nil otherwise.
    mutating func takeSign() -> Int? {
        if take("+") { return 1 }
        if take("-") || take("\u{2212}") { return -1 }
        return nil
    }

    mutating func number(digits: Int) -> Int? {
        guard position + digits <= characters.count else { return nil }
        var value = 0
        for index in position..<(position + digits) {
            guard let digit = characters[index].wholeNumberValue, characters[index].isASCII else { return nil }
            value = value * 10 + digit
        }
        position += digits
        return value
    }

    /// A run of 1 or more ASCII digits of any length up to `maximum`, as a number.
    mutating func number(atMost maximum: Int) -> Int? {
        var value = 0
        var count = 0
        while position < characters.count, count < maximum, characters[position].isASCII,
            let digit = characters[position].wholeNumberValue
        {
            value = value * 10 + digit
            position += 1
            count += 1
        }
        return count > 0 ? value : nil
    }

    mutating func skipDigits() -> Int {
        var count = 0
        while position < characters.count, characters[position].isASCII, characters[position].isNumber {
            position += 1
            count += 1
        }
        return count
    }

    mutating func skipSpaces() {
        while position < characters.count, characters[position] == " " || characters[position] == "\t" {
            position += 1
        }
    }

    /// Letters up to the next non-letter.
    mutating func word() -> String {
        var letters = ""
        while position < characters.count, characters[position].isLetter {
            letters.append(characters[position])
            position += 1
        }
        return letters
    }
}

import TalksSearch

/// A rejected query said in Swedish, for the Swedish pages (the search page's status line,
/// the watch page's match line). The query parser's own messages are English, for the CLI
/// and the JSON API; the pages translate its kind and keep its column, so a viewer reads
/// what to change and where. Every `QueryError.Kind` has a sentence (the switch is
/// exhaustive: a new kind does not compile without one).
enum SwedishQueryError {
    /// "Sökningen kunde inte tolkas vid tecken 7: citattecknet som börjar här avslutas aldrig; …"
    static func sentence(_ error: QueryError) -> String {
        let place = error.column.map { " vid tecken \($0)" } ?? ""
        return "Sökningen kunde inte tolkas\(place): " + explanation(error.kind)
    }

    /// What is wrong and what to do, for one kind of error.
    static func explanation(_ kind: QueryError.Kind) -> String {
        switch kind {
        case .empty: "sökningen är tom; skriv ett ord att söka efter, t.ex. livsmedelsstrategi."
        case .tooLong: "sökningen är för lång; korta den."
        case .tooManyTerms: "sökningen har för många ord; använd färre."
        case .tooManyExpansions: "sökningen ger för många ordformer; använd färre eller längre prefix (ord*) eller färre ord."
        case .unclosedQuote: "citattecknet som börjar här avslutas aldrig; lägg till ett avslutande \"."
        case .emptyPhrase: "citattecknen innehåller inga ord; skriv en fras mellan dem, t.ex. \"Landet lär\"."
        case .danglingOperator: "OR och - behöver ett sökord bredvid sig, t.ex. torka OR vatten, mat -kött."
        case .onlyNegations: "sökningen utesluter bara ord; lägg till minst ett ord att söka efter, t.ex. mat -kött."
        case .badDate: "det är inget datum; skriv datum som ÅÅÅÅ-MM-DD (after:2022-01-01) och år med fyra siffror (year:2022)."
        case .emptyDateRange: "after: är inte tidigare än before:, så inget datum kan passa."
        case .missingFilterValue: "filtret behöver ett värde direkt efter kolonet, t.ex. year:2022."
        case .negatedFilter: "ett filter kan inte uteslutas med -; skriv det utan -."
        case .unknownFilterValue: "filtret känner inte till det värdet."
        case .unbalancedParenthesis: "parenteserna går inte jämnt ut; varje ( behöver en )."
        case .emptyPrefix: "en prefixsökning behöver minst två bokstäver före *, t.ex. livsm*."
        case .misplacedWildcard: "* får bara stå sist i ett ord, t.ex. livsm*."
        case .nothingToSearch: "det finns inget ord att söka efter (bara skiljetecken); skriv ett ord, t.ex. livsmedelsstrategi."
        }
    }
}

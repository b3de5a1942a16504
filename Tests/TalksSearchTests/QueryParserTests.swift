import XCTest
@testable import TalksSearch

final class QueryParserTests: XCTestCase {
    private let parser = QueryParser()

    private func parse(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Query? {
        do {
            return try parser.parse(text)
        } catch {
            XCTFail("'\(text)' should parse but failed: \(error)", file: file, line: line)
            return nil
        }
    }

    private func failure(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> QueryError? {
        do {
            let query = try parser.parse(text)
            XCTFail("'\(text)' should fail but parsed as \(query)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testWordsAreAnded() {
        XCTAssertEqual(parse("torka vatten")?.expression, .and([.word("torka"), .word("vatten")]))
        XCTAssertEqual(parse("  livsmedelsstrategi ")?.expression, .word("livsmedelsstrategi"))
    }

    func testPhrasePrefixAndNegation() {
        XCTAssertEqual(parse("\"Landet lär\" livsm* -kött -\"inte alls\"")?.expression,
                       .and([.phrase("Landet lär"), .prefix("livsm"), .not(.word("kött")), .not(.phrase("inte alls"))]))
        XCTAssertEqual(parse("-livsm* mat")?.expression, .and([.not(.prefix("livsm")), .word("mat")]))
    }

    func testOrBindsLooserThanAnd() {
        XCTAssertEqual(parse("a b OR c")?.expression, .or([.and([.word("a"), .word("b")]), .word("c")]))
        XCTAssertEqual(parse("a OR b c")?.expression, .or([.word("a"), .and([.word("b"), .word("c")])]))
        XCTAssertEqual(parse("a OR b OR c")?.expression, .or([.word("a"), .word("b"), .word("c")]))
        XCTAssertEqual(parse("torka or vatten")?.expression, .and([.word("torka"), .word("or"), .word("vatten")]),
                       "lowercase or is a word")
    }

    func testParenthesesGroup() {
        XCTAssertEqual(parse("(torka OR torkan) vatten")?.expression,
                       .and([.or([.word("torka"), .word("torkan")]), .word("vatten")]))
        XCTAssertEqual(parse("mat -(kött OR fisk)")?.expression,
                       .and([.word("mat"), .not(.or([.word("kött"), .word("fisk")]))]))
    }

    func testFilters() throws {
        let query = try XCTUnwrap(parse("speaker:\"Helene Oscarsson\" series:\"Landet lär\" after:2022-01-01 before:2023-01-01 mat"))
        XCTAssertEqual(query.expression, .word("mat"))
        XCTAssertEqual(query.filters.speakers, ["Helene Oscarsson"])
        XCTAssertEqual(query.filters.series, ["Landet lär"])
        XCTAssertEqual(query.filters.after, QueryDate(year: 2022, month: 1, day: 1))
        XCTAssertEqual(query.filters.before, QueryDate(year: 2023, month: 1, day: 1))
        XCTAssertEqual(parse("Speaker:Helene mat")?.filters.speakers, ["Helene"], "filter names ignore case")
        XCTAssertEqual(parse("after:2022 mat")?.filters.after, QueryDate(year: 2022, month: 1, day: 1))
        XCTAssertEqual(parse("after:2022-05 mat")?.filters.after, QueryDate(year: 2022, month: 5, day: 1))
    }

    func testFiltersAloneListEpisodes() {
        let query = parse("series:\"Landet lär\"")
        XCTAssertNotNil(query)
        XCTAssertNil(query?.expression)
        XCTAssertEqual(parse("series:Landet -torka")?.expression, .not(.word("torka")),
                       "exclusions with a filter are allowed")
    }

    func testUnknownFieldNameIsText() {
        XCTAssertEqual(parse("agenda:2030")?.expression, .word("agenda:2030"))
    }

    func testLoneDashIsPunctuation() {
        XCTAssertEqual(parse("mat - vatten")?.expression, .and([.word("mat"), .word("vatten")]))
    }

    func testEmptyQueries() {
        XCTAssertEqual(failure("")?.kind, .empty)
        XCTAssertEqual(failure("   \t ")?.kind, .empty)
    }

    func testUnclosedQuoteNamesItsColumn() {
        let error = failure("mat \"landet lär")
        XCTAssertEqual(error?.kind, .unclosedQuote)
        XCTAssertEqual(error?.column, 5)
        XCTAssertTrue(error?.description.contains("column 5") ?? false, error?.description ?? "")
        XCTAssertEqual(failure("speaker:\"Helene")?.kind, .unclosedQuote)
    }

    func testDanglingOr() {
        XCTAssertEqual(failure("torka OR")?.kind, .danglingOperator)
        XCTAssertEqual(failure("torka OR")?.column, 7)
        XCTAssertEqual(failure("OR torka")?.kind, .danglingOperator)
        XCTAssertEqual(failure("torka OR OR vatten")?.kind, .danglingOperator)
        XCTAssertEqual(failure("(torka OR) vatten")?.kind, .danglingOperator)
        XCTAssertEqual(failure("torka OR speaker:Helene")?.kind, .danglingOperator)
    }

    func testOnlyNegations() {
        XCTAssertEqual(failure("-torka")?.kind, .onlyNegations)
        XCTAssertEqual(failure("-torka -\"landet lär\"")?.kind, .onlyNegations)
        XCTAssertEqual(failure("-torka OR vatten")?.kind, .onlyNegations)
        XCTAssertEqual(failure("vatten OR -torka")?.kind, .onlyNegations)
        XCTAssertEqual(failure("mat (-torka)")?.kind, .onlyNegations)
    }

    func testBadDates() {
        for text in ["after:2022-13-01 mat", "before:2023-02-29 mat", "after:22-01-01 mat", "after:igår mat", "after:2022-1-1 mat"] {
            let error = failure(text)
            XCTAssertEqual(error?.kind, .badDate, text)
            XCTAssertEqual(error?.column, 1, text)
        }
        XCTAssertNotNil(parse("before:2024-02-29 mat"), "2024 is a leap year")
        XCTAssertEqual(failure("after:2023-01-01 before:2022-01-01 mat")?.kind, .emptyDateRange)
    }

    func testFilterWithoutValue() {
        XCTAssertEqual(failure("mat speaker:")?.kind, .missingFilterValue)
        XCTAssertEqual(failure("mat speaker:")?.column, 5)
        XCTAssertEqual(failure("speaker:\"  \" mat")?.kind, .emptyPhrase)
        XCTAssertEqual(failure("-speaker:Helene mat")?.kind, .negatedFilter)
    }

    func testEmptyPhraseAndWildcards() {
        XCTAssertEqual(failure("mat \"  \"")?.kind, .emptyPhrase)
        XCTAssertEqual(failure("*")?.kind, .emptyPrefix)
        XCTAssertEqual(failure("l*")?.kind, .emptyPrefix)
        XCTAssertEqual(failure("liv*medel")?.kind, .misplacedWildcard)
        XCTAssertEqual(failure("liv*medel")?.column, 4)
        XCTAssertEqual(failure("\"landet lär\"*")?.kind, .misplacedWildcard)
        XCTAssertEqual(parse("livsm**")?.expression, .prefix("livsm"))
    }

    func testParentheses() {
        XCTAssertEqual(failure("(torka vatten")?.kind, .unbalancedParenthesis)
        XCTAssertEqual(failure("torka) vatten")?.kind, .unbalancedParenthesis)
        XCTAssertEqual(failure("torka) vatten")?.column, 6)
        XCTAssertEqual(failure("mat ()")?.kind, .nothingToSearch)
        XCTAssertEqual(failure(String(repeating: "(", count: 20) + "a" + String(repeating: ")", count: 20))?.kind,
                       .unbalancedParenthesis)
    }

    func testLimits() {
        XCTAssertEqual(failure(String(repeating: "a", count: 1_001))?.kind, .tooLong)
        let words = (1...33).map { "ord\($0)" }.joined(separator: " ")
        XCTAssertEqual(failure(words)?.kind, .tooManyTerms)
        XCTAssertNotNil(parse((1...32).map { "ord\($0)" }.joined(separator: " ")))
        let phrase = "\"" + (1...33).map { "ord\($0)" }.joined(separator: " ") + "\""
        XCTAssertEqual(failure(phrase)?.kind, .tooManyTerms, "phrase words count")
    }

    func testColumnsCountCharactersNotBytes() {
        XCTAssertEqual(failure("åäö \"öppen")?.column, 5)
    }

    func testNoInputCrashes() {
        // Every prefix of a tricky query and some hostile byte mixes parse or fail cleanly.
        let tricky = "speaker:\"Helene Oscarsson\" -(torka OR \"landet lär\") livsm* after:2022-01-01 ) ( OR - \" * :"
        var prefix = ""
        for character in tricky {
            prefix.append(character)
            _ = try? parser.parse(prefix)
        }
        for text in ["\"", "-", "--", "-\"", "(", ")", ":", "after:", "OR", "-OR", "\u{0}", "🙂*", "a\u{301}*", "((((", "-(", "\"\"\""] {
            _ = try? parser.parse(text)
        }
    }

    func testRequestFiltersMergeWithTheQuery() throws {
        let query = try parser.parse(request: SearchRequest(
            query: "mat after:2021-01-01", speaker: " Helene ", series: "Landet lär", after: "2022-01-01", before: "2023-01-01"))
        XCTAssertEqual(query.filters.speakers, ["Helene"])
        XCTAssertEqual(query.filters.series, ["Landet lär"])
        XCTAssertEqual(query.filters.after, QueryDate(year: 2022, month: 1, day: 1), "the later lower bound wins")
        XCTAssertEqual(query.filters.before, QueryDate(year: 2023, month: 1, day: 1))
        XCTAssertNil(try parser.parse(request: SearchRequest(query: "", speaker: "Helene")).expression,
                     "a request filter alone lists episodes")
        XCTAssertEqual(try parser.parse(request: SearchRequest(query: "-torka", series: "Landet")).expression, .not(.word("torka")))
        XCTAssertThrowsError(try parser.parse(request: SearchRequest(query: "mat", after: "2023-01-01", before: "2022-01-01"))) {
            XCTAssertEqual(($0 as? QueryError)?.kind, .emptyDateRange)
        }
        XCTAssertThrowsError(try parser.parse(request: SearchRequest(query: "", speaker: "  "))) {
            XCTAssertEqual(($0 as? QueryError)?.kind, .empty, "blank filters are no filters")
        }
    }
}

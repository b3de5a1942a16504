import Dispatch
import XCTest
@testable import TalksSearch

/// The searcher never traps, whatever the query, and gives the same answers from many
/// threads at once (the server shares one `Searcher`).
final class SearcherRobustnessTests: XCTestCase {
    private func makeIndex() throws -> TestIndex {
        try TestIndex([
            TestIndex.episode("a", title: "Vatten och torka", speakers: ["Karin Berg"],
                              cues: ["Torkan 2018 var svår.", "Vi anlade våtmarker & dammar.", "Och sen kom regnet."]),
            TestIndex.episode("b", title: "Livsmedelsstrategin", date: "2023-01-10T12:00:00+01:00", speakers: ["Olof Lind"],
                              cues: ["Livsmedelsstrategi i Östergötland.", "Snabb-bemanning med Vinnova.", "Det är viktigt."]),
        ])
    }

    func testRandomQueriesNeverTrap() throws {
        let index = try makeIndex()
        let pieces = ["torka", "\"", "OR", "-", "*", "(", ")", "speaker:", "after:2022-01-01", "before:", "å", "ö",
                      "livsm*", "\"det är\"", "vatmarker", "Ostergotland", "snabb-bemanning", ":", "🙂", "\u{301}", "2018",
                      "series:\"Landet", "-(", "x*", "lär\"", "OR OR", "\u{0}", "ååååååååååå", "torkaa", " "]
        var generator = SystemRandomNumberGenerator()
        var answered = 0
        for _ in 0..<600 {
            let count = Int.random(in: 1...6, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }
                .joined(separator: Bool.random(using: &generator) ? " " : "")
            do {
                let response = try index.search(text, limit: Int.random(in: 0...5), offset: Int.random(in: 0...3),
                                                hits: Int.random(in: 0...4))
                XCTAssertGreaterThanOrEqual(response.totalEpisodes, response.results.count, text)
                answered += 1
            } catch is QueryError {
                continue
            }
        }
        XCTAssertGreaterThan(answered, 50, "most random queries are valid")
    }

    func testSearchesDuringCommitsNeverFail() throws {
        let index = try makeIndex()
        let engine = SearchEngine(directory: index.directory)
        let failures = UnsafeResults(count: 1)
        let done = UnsafeResults(count: 1)
        let reader = Thread {
            while done.get(0) == nil {
                do {
                    let response = try engine.searcher().search(SearchRequest(query: "torka OR livsmedelsstrategi"))
                    if response.totalEpisodes < 2 { failures.set(0, "lost episodes: \(response.totalEpisodes)") }
                } catch {
                    failures.set(0, "\(error)")
                }
            }
        }
        reader.start()
        for generation in 0..<6 {
            try index.update(adding: [TestIndex.episode("extra-\(generation)", title: "Extra", cues: ["torka igen \(generation)"])])
        }
        done.set(0, "stop")
        while !reader.isFinished { usleep(1_000) }
        XCTAssertNil(failures.get(0))
        XCTAssertEqual(try engine.searcher().search(SearchRequest(query: "torka", limit: 20)).totalEpisodes, 7)
    }

    func testConcurrentSearchesAgreeWithSequentialOnes() throws {
        let index = try makeIndex()
        let queries = ["torka", "\"det är\"", "vatmarker", "livsm*", "snabb-bemanning", "torka OR vinnova", "speaker:olof det", "Ostergotland"]
        let expected = try queries.map { try index.search($0).jsonLine.replacingTookMilliseconds() }
        let searcher = index.searcher
        let results = UnsafeResults(count: queries.count * 8)
        DispatchQueue.concurrentPerform(iterations: queries.count * 8) { iteration in
            let query = queries[iteration % queries.count]
            let line = try? searcher.search(SearchRequest(query: query)).jsonLine.replacingTookMilliseconds()
            results.set(iteration, line)
        }
        for iteration in 0..<(queries.count * 8) {
            XCTAssertEqual(results.get(iteration), expected[iteration % queries.count], queries[iteration % queries.count])
        }
    }
}

/// Slots written by concurrent iterations, each index by exactly one of them.
private final class UnsafeResults: @unchecked Sendable {
    private var values: [String?]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: String?) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func get(_ index: Int) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return values[index]
    }
}

private extension String {
    /// The JSON line without its `took_ms` value, which differs between runs.
    func replacingTookMilliseconds() -> String {
        guard let range = range(of: ",\"took_ms\":") else { return self }
        return String(self[..<range.lowerBound])
    }
}

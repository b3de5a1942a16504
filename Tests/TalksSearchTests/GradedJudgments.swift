import Foundation

/// The graded judgments of issue 13's evaluation, read from a judgments TSV, and the two
/// measures computed on them (nDCG@10 and MRR).
///
/// The file is `Fixtures/judgments-archive.tsv` (the sample archive; judged by reading the
/// transcripts). Columns: query_id, class, query, archive, episode, cue_start, grade
/// (0–3); a query that must find nothing has one row with episode `-`. Lines starting
/// with `#` are comments. `Benchmarks/eval/metrics.py` computes the same measures for the
/// benchmark table; the two must stay in step:
/// - gain of a cue = 2^grade − 1, unjudged cues 0; DCG@10 = Σ gain / log2(rank + 1);
///   nDCG@10 = DCG / DCG of the judged grades in descending order;
/// - reciprocal rank = 1 / rank of the first cue graded ≥ 1 in the first 10, else 0;
/// - cue starts are compared to the millisecond.
struct GradedJudgments {
    /// Where a cue is: its episode and its start in milliseconds.
    struct CueKey: Hashable {
        var episode: String
        var startMilliseconds: Int

        init(episode: String, start: Double) {
            self.episode = episode
            startMilliseconds = Int((start * 1000).rounded())
        }
    }

    /// One judged query.
    struct Query {
        var id: String
        var kind: String
        var text: String
        var grades: [CueKey: Int] = [:]

        var mustFindNothing: Bool { kind == GradedJudgments.nothingClass }
    }

    /// What is wrong with a judgments file, with its line.
    struct FormatError: Error, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "judgments line \(line): \(message)" }
    }

    static let nothingClass = "nothing"
    static let depth = 10

    var queries: [Query]

    init(contentsOf url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        var queries: [Query] = []
        var positions: [String: Int] = [:]
        var sawHeader = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            if !sawHeader { sawHeader = true; continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 7 else {
                throw FormatError(line: index + 1, message: "expected 7 tab-separated columns, found \(columns.count)")
            }
            let position: Int
            if let known = positions[columns[0]] {
                position = known
                guard queries[known].kind == columns[1], queries[known].text == columns[2] else {
                    throw FormatError(line: index + 1, message: "query \(columns[0]) changes its class or text")
                }
            } else {
                position = queries.count
                positions[columns[0]] = position
                queries.append(Query(id: columns[0], kind: columns[1], text: columns[2]))
            }
            if columns[4] == "-" { continue }
            guard let start = Double(columns[5]), let grade = Int(columns[6]), (0...3).contains(grade) else {
                throw FormatError(line: index + 1, message: "cue start '\(columns[5])' or grade '\(columns[6])' is not a number (grade 0–3)")
            }
            let key = CueKey(episode: columns[4], start: start)
            guard queries[position].grades[key] == nil else {
                throw FormatError(line: index + 1, message: "query \(columns[0]) judges \(columns[4]) at \(columns[5]) twice")
            }
            queries[position].grades[key] = grade
        }
        self.queries = queries
    }

    static func gain(_ grade: Int) -> Double { Double((1 << grade) - 1) }

    static func discountedGain(_ grades: [Int]) -> Double {
        grades.prefix(depth).enumerated().reduce(0) { sum, element in
            sum + gain(element.element) / log2(Double(element.offset + 2))
        }
    }

    /// nDCG@10 of a ranking (best first) against the query's grades.
    static func normalizedDiscountedGain(_ ranking: [CueKey], grades: [CueKey: Int]) -> Double {
        let ideal = discountedGain(grades.values.sorted(by: >))
        guard ideal > 0 else { return 0 }
        return discountedGain(ranking.prefix(depth).map { grades[$0] ?? 0 }) / ideal
    }

    /// 1 / rank of the first relevant cue (grade ≥ 1) within the first 10, else 0.
    static func reciprocalRank(_ ranking: [CueKey], grades: [CueKey: Int]) -> Double {
        for (rank, key) in ranking.prefix(depth).enumerated() where (grades[key] ?? 0) >= 1 {
            return 1 / Double(rank + 1)
        }
        return 0
    }
}

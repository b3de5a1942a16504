import Foundation
import XCTest
import TalksAnalysis

/// Prints throughput figures; asserts nothing about speed (timings belong in benchmarks,
/// not in pass/fail tests). Meaningful only in release mode:
/// `swift test -c release --filter AnalysisThroughputTests`.
final class AnalysisThroughputTests: XCTestCase {
    /// Debug-build timings mean nothing and would slow every `swift test`.
    private static func skipUnlessOptimized() throws {
        #if DEBUG
        throw XCTSkip("throughput figures are printed in release builds only: swift test -c release --filter AnalysisThroughputTests")
        #endif
    }

    private static func sampleText(megabytes: Int) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/landet-lar-sample.txt")
        let paragraph = try String(contentsOf: url, encoding: .utf8)
        let copies = max(1, megabytes * 1_000_000 / paragraph.utf8.count)
        return String(repeating: paragraph, count: copies)
    }

    /// The fastest of three runs, in seconds: the machine is shared, and the minimum is the
    /// figure least disturbed by other processes.
    private func measureSeconds(_ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    func testPrintThroughput() throws {
        try Self.skipUnlessOptimized()
        let text = try Self.sampleText(megabytes: 8)
        let megabytes = Double(text.utf8.count) / 1_000_000
        let tokenizer = Tokenizer()

        var tokenCount = 0
        var checksum = 0
        let tokenizing = measureSeconds {
            tokenCount = 0
            tokenizer.forEachToken(in: text) { token in
                tokenCount += 1
                checksum &+= token.term.utf8.count
            }
        }
        let terms = tokenizer.tokens(in: text).map(\.term)
        let stemming = measureSeconds {
            for term in terms { checksum &+= SwedishStemmer.stem(term).utf8.count }
        }
        let keying = measureSeconds {
            for term in terms { checksum &+= SwedishInflection.key(term).utf8.count }
        }
        let folding = measureSeconds {
            for term in terms { checksum &+= AsciiFolder.fold(term).utf8.count }
        }
        func line(_ name: String, _ seconds: Double) -> String {
            let rate = megabytes / seconds
            let tokensPerSecond = Double(tokenCount) / seconds / 1e6
            return "  \(name.padding(toLength: 22, withPad: " ", startingAt: 0)) \(String(format: "%7.1f", rate)) MB/s  \(String(format: "%6.2f", tokensPerSecond)) M tokens/s"
        }
        print("""
        Analysis throughput over \(String(format: "%.1f", megabytes)) MB of Swedish text, \(tokenCount) tokens (checksum \(checksum)):
        \(line("tokenize (forEach)", tokenizing))
        \(line("stem (per token)", stemming))
        \(line("inflection key", keying))
        \(line("ascii fold", folding))
        \(line("tokenize + stem", tokenizing + stemming))
        """)
        XCTAssertGreaterThan(tokenCount, 0)
    }

    /// Compound splitting of every word of the Snowball vocabulary against a lexicon of
    /// the vocabulary itself: what the index pays per distinct term.
    func testPrintCompoundSplittingRate() throws {
        try Self.skipUnlessOptimized()
        let words = try SharedTestData.lines("snowball-swedish/voc.txt")
        let lexicon = Lexicon(words)
        let splitter = CompoundSplitter()
        var compounds = 0
        let seconds = measureSeconds {
            compounds = 0
            for word in words where splitter.split(word, lexicon: lexicon) != nil { compounds += 1 }
        }
        print("Compound splitting: \(words.count) distinct terms in \(String(format: "%.3f", seconds)) s (\(String(format: "%.1f", seconds / Double(words.count) * 1e6)) µs/term), \(compounds) split against their own vocabulary (split(_:lexicon:))")
        XCTAssertGreaterThan(compounds, 0)
    }
}

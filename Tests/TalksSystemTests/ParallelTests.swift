import Foundation
import XCTest
@testable import TalksSystem

/// `Parallel`: results in index order whatever the number of workers and whichever thread
/// finishes first; one worker runs on the calling thread, in order.
final class ParallelTests: XCTestCase {
    func testMapReturnsEveryResultInIndexOrderForAnyWorkerCount() {
        for workers in [1, 2, 3, 8, 100] {
            for count in [0, 1, 2, 7, 64] {
                let squares = Parallel.map(count: count, workers: workers) { index -> Int in
                    // Early indices finish last: order must come from the index, not the clock.
                    if index < 2 { usleep(2_000) }
                    return index * index
                }
                XCTAssertEqual(squares, (0..<count).map { $0 * $0 }, "workers \(workers), count \(count)")
            }
        }
    }

    func testOneWorkerRunsOnTheCallingThreadInOrder() {
        let caller = Thread.current
        var order: [Int] = []
        let single = Parallel.map(count: 5, workers: 1) { index -> Bool in
            order.append(index)
            return Thread.current == caller
        }
        XCTAssertEqual(single, Array(repeating: true, count: 5), "one worker: the calling thread")
        XCTAssertEqual(order, [0, 1, 2, 3, 4])
    }

    func testBothReturnsBothResultsAndRunsThemAtOnceWithTwoWorkers() {
        // Each waits for the other: this only finishes when the two run at the same time.
        let first = DispatchSemaphore(value: 0)
        let second = DispatchSemaphore(value: 0)
        let (a, b) = Parallel.both(workers: 2, {
            first.signal()
            return second.wait(timeout: .now() + 5) == .success ? "a" : "timed out"
        }, {
            second.signal()
            return first.wait(timeout: .now() + 5) == .success ? 2 : -1
        })
        XCTAssertEqual(a, "a")
        XCTAssertEqual(b, 2)
        var log: [String] = []
        let (x, y) = Parallel.both(workers: 1, { log.append("first"); return 1 }, { log.append("second"); return 2 })
        XCTAssertEqual([x, y], [1, 2])
        XCTAssertEqual(log, ["first", "second"], "one worker: in order, on the calling thread")
    }

    func testDefaultWorkersFollowTheMachine() {
        XCTAssertEqual(Parallel.defaultWorkers, max(1, ProcessInfo.processInfo.activeProcessorCount))
    }
}

import Dispatch
import Foundation

/// The project's one way to run work on several threads and get its results back.
///
/// Why: the writer, the ingest, merges and the flush each need "do these at once, then
/// continue with what they produced". Written by hand, that was `concurrentPerform` with
/// results passed out through unsafe pointers nested several deep, with the number of
/// threads written in as 2. Here the results come back as values, in index order (so
/// nothing depends on which thread finished first), and the number of threads is a
/// parameter (`defaultWorkers` follows the machine).
///
/// The closures run at once on different threads: they may read shared values, and may
/// write only what no other running closure touches. With one worker everything runs on
/// the calling thread, in order.
public enum Parallel {
    /// One worker per processor the process may use (`ProcessInfo.activeProcessorCount`),
    /// at least 1.
    public static var defaultWorkers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `body(0) … body(count - 1)` on up to `workers` threads; the results in index order.
    /// Worker `w` computes indices `w`, `w + workers`, … (so which thread computes an index
    /// does not depend on timing either).
    public static func map<Result>(count: Int, workers: Int, _ body: (Int) -> Result) -> [Result] {
        guard count > 0 else { return [] }
        let threads = min(max(1, workers), count)
        if threads == 1 { return (0..<count).map(body) }
        return withoutActuallyEscaping(body) { body in
            var results = [Result?](repeating: nil, count: count)
            results.withUnsafeMutableBufferPointer { buffer in
                let shared = Shared(body: body, results: buffer)
                DispatchQueue.concurrentPerform(iterations: threads) { worker in
                    var index = worker
                    while index < count {
                        shared.results[index] = shared.body(index)
                        index += threads
                    }
                }
            }
            return results.map { result in
                guard let result else { preconditionFailure("Parallel.map: index without a result") }
                return result
            }
        }
    }

    /// Runs `first` and `second` at once (one after the other when `workers` is 1) and
    /// returns both results.
    public static func both<First, Second>(
        workers: Int, _ first: () -> First, _ second: () -> Second
    ) -> (First, Second) {
        if workers <= 1 { return (first(), second()) }
        return withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                var firstResult: First?
                var secondResult: Second?
                withUnsafeMutablePointer(to: &firstResult) { firstOut in
                    withUnsafeMutablePointer(to: &secondResult) { secondOut in
                        let shared = Pair(first: first, second: second, firstOut: firstOut, secondOut: secondOut)
                        DispatchQueue.concurrentPerform(iterations: 2) { task in
                            if task == 0 { shared.firstOut.pointee = shared.first() } else { shared.secondOut.pointee = shared.second() }
                        }
                    }
                }
                guard let firstResult, let secondResult else { preconditionFailure("Parallel.both: a task without a result") }
                return (firstResult, secondResult)
            }
        }
    }

    /// What the threads of `map` share: the body, and the results buffer, whose elements
    /// each thread writes disjointly.
    private struct Shared<Result>: @unchecked Sendable {
        let body: (Int) -> Result
        let results: UnsafeMutableBufferPointer<Result?>
    }

    /// What the two threads of `both` share: each runs one closure and writes its own slot.
    private struct Pair<First, Second>: @unchecked Sendable {
        let first: () -> First
        let second: () -> Second
        let firstOut: UnsafeMutablePointer<First?>
        let secondOut: UnsafeMutablePointer<Second?>
    }
}

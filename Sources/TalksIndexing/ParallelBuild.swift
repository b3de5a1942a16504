import Dispatch
import TalksIndex

/// Runs one `LaneBatch` on both cores: each lane's thread produces whichever item is next
/// (`BatchPipeline`: reading, parsing and analysing an episode) and builds the items of its
/// own lane, in item order, as they become ready.
///
/// So loading, analysis and building all run in parallel while the segment stays
/// independent of timing (`LaneBatch` checks the order). `produce` must be safe to call
/// from all lanes at once; it returns the analysed episode to build (nil: nothing to
/// build) and an outcome, returned in item order.
enum ParallelBuild {
    static func run<Outcome>(
        _ batch: LaneBatch, produce: @Sendable (Int) -> (AnalysedEpisode?, Outcome)
    ) -> [Outcome] {
        let count = batch.count
        let laneCount = batch.laneCount
        var outcomes = [Outcome?](repeating: nil, count: count)
        let pipeline = BatchPipeline<(AnalysedEpisode?, Outcome)>(count: count)
        outcomes.withUnsafeMutableBufferPointer { buffer in
            let outcomesOut = OutcomeBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: laneCount) { lane in
                var next = lane
                func build(_ index: Int, _ item: (AnalysedEpisode?, Outcome)) {
                    outcomesOut.buffer[index] = item.1
                    batch.build(index, item.0)
                }
                while let index = pipeline.claim() {
                    pipeline.deliver(index, produce(index))
                    while next < count, let item = pipeline.take(next, waiting: false) {
                        build(next, item)
                        next += laneCount
                    }
                }
                while next < count, let item = pipeline.take(next, waiting: true) {
                    build(next, item)
                    next += laneCount
                }
            }
        }
        return outcomes.compactMap { $0 }
    }

    /// The outcomes' buffer, written by the lanes at disjoint indices (item i by lane i % lanes).
    private struct OutcomeBuffer<Element>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Element>
        init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
    }
}

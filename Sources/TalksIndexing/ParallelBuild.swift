import TalksIndex
import TalksSystem

/// Runs one `LaneBatch` on its lanes' threads: each lane's thread produces whichever item
/// is next (`BatchPipeline`: reading, parsing and analysing an episode) and builds the
/// items of its own lane, in item order, as they become ready.
///
/// So loading, analysis and building all run in parallel while the segment stays
/// independent of timing (`LaneBatch` checks the order). `produce` must be safe to call
/// from all lanes at once; it returns the analysed episode to build (nil: nothing to
/// build) and an outcome, returned in item order.
enum ParallelBuild {
    static func run<Outcome>(
        _ batch: LaneBatch, produce: (Int) -> (AnalysedEpisode?, Outcome)
    ) -> [Outcome] {
        let count = batch.count
        let laneCount = batch.laneCount
        let pipeline = BatchPipeline<(AnalysedEpisode?, Outcome)>(count: count)
        // Each lane returns the outcomes of its own items (lane, lane + laneCount, …).
        let perLane = Parallel.map(count: laneCount, workers: laneCount) { lane -> [Outcome] in
            var next = lane
            var outcomes: [Outcome] = []
            func build(_ item: (AnalysedEpisode?, Outcome)) {
                outcomes.append(item.1)
                batch.build(next, item.0)
                next += laneCount
            }
            while let index = pipeline.claim() {
                pipeline.deliver(index, produce(index))
                while next < count, let item = pipeline.take(next, waiting: false) { build(item) }
            }
            while next < count, let item = pipeline.take(next, waiting: true) { build(item) }
            return outcomes
        }
        // Item i is lane i % laneCount's (i / laneCount)th.
        return (0..<count).map { perLane[$0 % laneCount][$0 / laneCount] }
    }
}

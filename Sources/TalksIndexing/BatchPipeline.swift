#if canImport(Glibc)
import Glibc
#endif

/// Hands out the items of one ingest batch to the cores and passes each produced item to
/// the core that builds it, so producing (reading, parsing, analysing an episode) is
/// shared dynamically while building stays deterministic.
///
/// Why: with a fixed split (core k produces and builds every k-th episode) a core slowed
/// by another process leaves the other idle at the end of every batch. Here a core takes
/// the next unclaimed item when it is free; item i is still built by lane `i % lanes`, in
/// item order, so the segment's episode order does not depend on timing. Production never
/// waits for building, so a lane waiting for an item the other core is producing always
/// gets it.
///
/// Call order, per core `lane`: `claim()` / `deliver(_:_:)` until `claim()` returns nil,
/// taking ready items of its own lane with `take(_:waiting: false)` in between; then
/// `take(_:waiting: true)` for the rest of its lane.
final class BatchPipeline<Item>: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var delivered = pthread_cond_t()
    private var claimed = 0
    private var items: [Item?]
    let count: Int

    init(count: Int) {
        self.count = count
        items = Array(repeating: nil, count: count)
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&delivered, nil)
    }

    deinit {
        pthread_cond_destroy(&delivered)
        pthread_mutex_destroy(&mutex)
    }

    /// The next item to produce, or nil when every item was claimed.
    func claim() -> Int? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        guard claimed < count else { return nil }
        claimed += 1
        return claimed - 1
    }

    /// Hands over produced item `index`.
    func deliver(_ index: Int, _ item: Item) {
        pthread_mutex_lock(&mutex)
        items[index] = item
        pthread_cond_broadcast(&delivered)
        pthread_mutex_unlock(&mutex)
    }

    /// Item `index` once produced (moved out), or nil when it is not produced yet and
    /// `waiting` is false.
    func take(_ index: Int, waiting: Bool) -> Item? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while items[index] == nil {
            guard waiting else { return nil }
            pthread_cond_wait(&delivered, &mutex)
        }
        let item = items[index]
        items[index] = nil
        return item
    }
}

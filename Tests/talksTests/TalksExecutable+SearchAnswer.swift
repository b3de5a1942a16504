import Foundation

/// What the reliability tests need beside `TalksExecutable`.
extension TalksExecutable {
    /// A `talks search --json` answer without what legitimately changes between runs and
    /// generations (`took_ms`, and `score`, which moves with the collection statistics).
    static func searchAnswer(_ json: String) -> String {
        guard var object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else { return json }
        object["took_ms"] = nil
        if let results = object["results"] as? [[String: Any]] {
            object["results"] = results.map { result in
                var result = result
                result["score"] = nil
                return result
            }
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return json }
        return String(decoding: data, as: UTF8.self)
    }
}

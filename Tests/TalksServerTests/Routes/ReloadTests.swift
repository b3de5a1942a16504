import Foundation
import TalksIndex
import TalksSearch
import XCTest
@testable import TalksServer

/// Ingest commits new generations into the index directory while clients query: every
/// request succeeds and the server ends up serving the newest generation, no restart.
final class ReloadTests: XCTestCase {
    func testCommitsDuringRequestsNeverFailARequest() throws {
        let episodes = try SampleIndex.episodes()
        XCTAssertGreaterThan(episodes.count, 4)
        let directory = try SampleIndex.temporaryDirectory("reload")
        let firstGeneration = try SampleIndex.commit(Array(episodes.prefix(2)), into: directory)
        let harness = try ServerHarness(handler: TalksRoutes(backend: IndexSearchBackend(directory: directory))) { $0.threads = 3 }
        defer { harness.stop() }

        let failures = LogCollector()
        let generationsSeen = LogCollector()
        let writerDone = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var lastGeneration = firstGeneration
        Thread {
            defer { writerDone.signal() }
            do {
                for episode in episodes.dropFirst(2) {
                    lastGeneration = try SampleIndex.commit([episode], into: directory)
                    usleep(20_000)
                }
            } catch {
                failures.record("writer: \(error)")
            }
        }.start()
        let paths = ["/search?q=livsmedelsstrategi", "/search?q=kluster&hits=1", "/suggest?q=la", "/episodes", "/health"]
        DispatchQueue.concurrentPerform(iterations: 4) { client in
            do {
                let connection = try RawConnection(port: harness.port)
                var round = 0
                while round < 400 {
                    let path = paths[(client + round) % paths.count]
                    connection.send("GET \(path) HTTP/1.1\r\nHost: x\r\n\r\n")
                    guard let response = connection.readResponses(1).first else {
                        failures.record("client \(client): no response to \(path)")
                        return
                    }
                    if response.status != 200 { failures.record("client \(client): \(path) → \(response.status) \(response.body)") }
                    if path == "/health" { generationsSeen.record(response.body) }
                    round += 1
                }
            } catch {
                failures.record("client \(client): \(error)")
            }
        }
        XCTAssertEqual(writerDone.wait(timeout: .now() + 60), .success)
        XCTAssertEqual(failures.lines, [])
        let health = try harness.fetch("/health")
        let body = try XCTUnwrap(try JSONSerialization.jsonObject(with: health.body) as? [String: Any])
        XCTAssertEqual(body["generation"] as? Int, Int(lastGeneration))
        let list = try XCTUnwrap(try JSONSerialization.jsonObject(with: try harness.fetch("/episodes").body) as? [String: Any])
        XCTAssertEqual(list["total"] as? Int, episodes.count)
        XCTAssertGreaterThan(Set(generationsSeen.lines).count, 1, "clients saw the generation change while querying")
    }
}

import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Concurrency across real processes (issue 5): while `talks ingest` commits generation after
/// generation, `talks search` processes and a running `talks serve` always answer from one
/// whole generation and never fail, and the server picks up the newest generation. A second
/// writer is refused naming the holder's PID; a lock left by a killed writer is taken over.
final class ProcessConcurrencyTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
        root = NSTemporaryDirectory() + "talks-processes-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Writes episode `number` into `archive`: `cues` cues, each saying "gemensam", plus a
    /// word naming the version, so a changed episode is a real replacement.
    private func writeEpisode(_ number: Int, version: Int, cues: Int, into archive: String) throws {
        let folder = archive + "/avsnitt-\(number)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let metadata = "{\"title\": \"Avsnitt \(number)\", \"series\": \"Landet lär\", \"number\": \(number), "
            + "\"date\": \"2022-10-\(10 + number % 18)T12:00:00+02:00\"}\n"
        try Data(metadata.utf8).write(to: URL(fileURLWithPath: folder + "/episode.json"))
        var vtt = "WEBVTT\n"
        let words = ["torkan", "våtmarker", "livsmedelsstrategin", "kompetensförsörjning", "upphandling", "skogsbruk"]
        for cue in 0..<cues {
            let start = cue * 4
            let time = String(format: "%02d:%02d", start / 60, start % 60)
            vtt += "\n\(time).000 --> \(time).900\n"
            vtt += "<v Anna Berg>Gemensam text \(cue) om \(words[(cue + number) % words.count]) i version\(version) av avsnitt \(number).\n"
        }
        try Data(vtt.utf8).write(to: URL(fileURLWithPath: folder + "/transcript.vtt"))
    }

    private static func totalEpisodes(_ json: String) -> Int? {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else { return nil }
        return object["total_episodes"] as? Int
    }

    func testSearchesAndTheServerSeeWholeGenerationsWhileIngestCommits() throws {
        let archive = root + "/archive"
        let index = root + "/index"
        var episodes = 4
        for number in 0..<episodes { try writeEpisode(number, version: 0, cues: 300, into: archive) }
        let first = try TalksExecutable.run(["ingest", archive, "--index", index])
        XCTAssertEqual(first.status, 0, first.error)
        let rounds = 8
        // Every committed generation has a different episode count: 4, 6, …, 4 + 2 × rounds.
        let committedCounts = Set((0...rounds).map { 4 + 2 * $0 })

        let server = Process()
        server.executableURL = TalksExecutable.url
        server.arguments = ["serve", "--index", index, "--port", "0", "--quiet"]
        let serverOutput = Pipe()
        server.standardOutput = serverOutput
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL); server.waitUntilExit() } }
        var firstLine = Data()
        while !firstLine.contains(UInt8(ascii: "\n")) {
            let chunk = serverOutput.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            firstLine.append(chunk)
        }
        let base = String(decoding: firstLine, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(base.hasPrefix("http://127.0.0.1:"), base)

        let failures = Failures()
        let writerDone = Flag()
        let searches = Counter()
        let requests = Counter()
        let seen = Seen()
        let group = DispatchGroup()
        // Three `talks search` processes at a time, each run as a separate process in a loop.
        // Dedicated threads, not the global queue: blocked loops must not starve the
        // URLSession callbacks of threads.
        for reader in 0..<3 {
            group.enter()
            Thread {
                defer { group.leave() }
                while !writerDone.isSet {
                    do {
                        let run = try TalksExecutable.run(["search", "gemensam", "--json", "--limit", "1", "--index", index])
                        let total = Self.totalEpisodes(run.output)
                        if run.status != 0 || total.map(committedCounts.contains) != true {
                            failures.record("search \(reader): status \(run.status), total \(String(describing: total)): \(run.error)")
                        }
                        searches.increment()
                        if let total { seen.insert(total) }
                    } catch {
                        failures.record("search \(reader): \(error)")
                    }
                }
            }.start()
        }
        // Two HTTP clients on the running server.
        for client in 0..<2 {
            group.enter()
            Thread {
                defer { group.leave() }
                while !writerDone.isSet {
                    let reply = HTTP.get(base + "search?q=gemensam&limit=1&hits=1")
                    let total = Self.totalEpisodes(reply.body)
                    if reply.status != 200 || total.map(committedCounts.contains) != true {
                        failures.record("http \(client): status \(reply.status), total \(String(describing: total)): \(reply.body.prefix(300))")
                    }
                    requests.increment()
                    if let total { seen.insert(total) }
                }
            }.start()
        }

        // The writer: each round adds two episodes and rewrites one, then commits.
        var generations: [Int] = []
        for round in 1...rounds {
            try writeEpisode(episodes, version: 0, cues: 300, into: archive)
            try writeEpisode(episodes + 1, version: 0, cues: 300, into: archive)
            try writeEpisode(round % episodes, version: round, cues: 250 + round, into: archive)
            episodes += 2
            let ingest = try TalksExecutable.run(["ingest", archive, "--index", index])
            XCTAssertEqual(ingest.status, 0, ingest.error)
            XCTAssertTrue(ingest.output.contains("2 added, 1 replaced"), ingest.output)
            XCTAssertTrue(ingest.output.contains("\(episodes) episodes in"), ingest.output)
            generations.append(round + 1)
        }
        // Let the readers see the last generation for a moment, then stop them.
        Thread.sleep(forTimeInterval: 0.3)
        writerDone.set()
        group.wait()

        XCTAssertEqual(failures.messages, [])
        XCTAssertGreaterThan(searches.value, rounds, "searches ran during the commits")
        XCTAssertGreaterThan(requests.value, rounds, "HTTP requests ran during the commits")
        XCTAssertGreaterThanOrEqual(seen.values.count, 3, "readers saw several generations: \(seen.values.sorted())")

        // The server serves the newest generation without a restart.
        let health = HTTP.get(base + "health")
        XCTAssertEqual(health.status, 200)
        XCTAssertTrue(health.body.contains("\"generation\":\(rounds + 1)"), health.body)
        XCTAssertEqual(Self.totalEpisodes(HTTP.get(base + "search?q=gemensam").body), 4 + 2 * rounds)
        XCTAssertEqual(Self.totalEpisodes(HTTP.get(base + "search?q=version\(rounds)").body), 1, "the last rewrite is served")
        kill(server.processIdentifier, SIGTERM)
        server.waitUntilExit()
        XCTAssertEqual(server.terminationStatus, 0)
        let verify = try TalksExecutable.run(["verify", "--index", index])
        XCTAssertEqual(verify.status, 0, verify.output)
        print("process concurrency: \(rounds) commits, \(searches.value) talks search processes and \(requests.value) HTTP searches "
              + "saw \(seen.values.count) generations, 0 failures")
    }

    func testASecondWriterIsRefusedNamingThePIDOfTheHolder() throws {
        let archive = root + "/archive"
        let index = root + "/index"
        try writeEpisode(1, version: 0, cues: 5, into: archive)
        XCTAssertEqual(try TalksExecutable.run(["ingest", archive, "--index", index]).status, 0)
        // Hold the lock the way a writer does (flock on .write.lock, PID inside).
        let descriptor = open(index + "/.write.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        XCTAssertEqual(flock(descriptor, LOCK_EX | LOCK_NB), 0)
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        XCTAssertEqual(pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }, pid.count)
        try writeEpisode(2, version: 0, cues: 5, into: archive)
        for command in [["ingest", archive], ["remove", "avsnitt-1"]] {
            let refused = try TalksExecutable.run(command + ["--index", index])
            XCTAssertEqual(refused.status, 1, command.joined(separator: " "))
            XCTAssertTrue(refused.error.contains("index is locked by PID \(getpid())"), refused.error)
        }
        let search = try TalksExecutable.run(["search", "gemensam", "--json", "--index", index])
        XCTAssertEqual(Self.totalEpisodes(search.output), 1, "readers never wait for the lock")
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
        let after = try TalksExecutable.run(["ingest", archive, "--index", index])
        XCTAssertEqual(after.status, 0, after.error)
        XCTAssertTrue(after.output.contains("1 added"), after.output)
    }

    func testARunningWriterLocksOutASecondOneAndItsLockIsTakenOverOnceKilled() throws {
        let archive = root + "/archive"
        let index = root + "/index"
        try writeEpisode(0, version: 0, cues: 5, into: archive)
        XCTAssertEqual(try TalksExecutable.run(["ingest", archive, "--index", index]).status, 0)
        for number in 1...60 { try writeEpisode(number, version: 0, cues: 400, into: archive) }
        // A writer killed while it holds the lock: its PID stays in the file.
        let writer = Process()
        writer.executableURL = TalksExecutable.url
        writer.arguments = ["ingest", archive, "--index", index]
        writer.standardOutput = FileHandle.nullDevice
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        var holder = ""
        let deadline = Date().addingTimeInterval(10)
        while holder.isEmpty && writer.isRunning && Date() < deadline {
            holder = (try? String(contentsOfFile: index + "/.write.lock", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if holder.isEmpty { usleep(2_000) }
        }
        // While it runs, a second writer is refused naming it.
        let second = try TalksExecutable.run(["remove", "avsnitt-0", "--index", index])
        if writer.isRunning {
            XCTAssertEqual(second.status, 1, second.error)
            XCTAssertTrue(second.error.contains("index is locked by PID \(writer.processIdentifier)"), second.error)
        }
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()
        XCTAssertEqual(writer.terminationReason, .uncaughtSignal, "the writer was killed while it held the lock")
        XCTAssertEqual(holder, "\(writer.processIdentifier)")
        XCTAssertEqual(kill(writer.processIdentifier, 0), -1, "the holder is dead")
        let next = try TalksExecutable.run(["ingest", archive, "--index", index])
        XCTAssertEqual(next.status, 0, next.error)
        XCTAssertTrue(next.output.contains("61 episodes in"), next.output)
        let verify = try TalksExecutable.run(["verify", "--index", index])
        XCTAssertEqual(verify.status, 0, verify.output)
        XCTAssertFalse(verify.output.contains("not named by the manifest"), verify.output)
    }
}

/// A minimal blocking HTTP GET over URLSession (FoundationNetworking on Linux).
enum HTTP {
    static func get(_ address: String) -> (status: Int, body: String) {
        guard let url = URL(string: address) else { return (0, "bad URL \(address)") }
        let result = Reply()
        let done = DispatchSemaphore(value: 0)
        let task = URLSession.shared.dataTask(with: url) { data, response, error in
            result.status = (response as? HTTPURLResponse)?.statusCode ?? 0
            result.body = data.map { String(decoding: $0, as: UTF8.self) } ?? "\(String(describing: error))"
            done.signal()
        }
        task.resume()
        done.wait()
        return (result.status, result.body)
    }

    private final class Reply: @unchecked Sendable {
        var status = 0
        var body = ""
    }
}

/// Thread-safe helpers for the reader loops.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String] = []
    func record(_ message: String) { lock.lock(); entries.append(message); lock.unlock() }
    var messages: [String] { lock.lock(); defer { lock.unlock() }; return entries }
}

final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}

final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var set = Set<Int>()
    func insert(_ value: Int) { lock.lock(); set.insert(value); lock.unlock() }
    var values: Set<Int> { lock.lock(); defer { lock.unlock() }; return set }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}

import Foundation
import XCTest
@testable import TalksTranscript

/// Runs every W3C web-platform-tests file-parsing case in ../shared/testdata/webvtt-wpt/cases
/// and compares exactly the keys each case asserts (see that folder's README).
final class WebVTTFileParsingConformanceTests: XCTestCase {
    func testEveryWPTFileParsingCase() throws {
        let folder = try TestData.conformanceFolder("cases")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertEqual(names.count, 50, "the README promises 50 cases")
        var failures: [String] = []
        var cueCount = 0
        for name in names {
            let base = String(name.dropLast(5))
            let expected = try JSONSerialization.jsonObject(
                with: Data(contentsOf: folder.appendingPathComponent(name))) as? [String: Any] ?? [:]
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(base + ".vtt")))
            let result = WebVTTParser().parse(bytes)
            let problems = Self.compare(result, with: expected)
            cueCount += (expected["cues"] as? [Any])?.count ?? 0
            if !problems.isEmpty { failures.append("\(base): " + problems.joined(separator: "; ")) }
        }
        print("WebVTT WPT file parsing: \(names.count - failures.count)/\(names.count) cases pass (\(cueCount) cues)")
        XCTAssertEqual(failures, [], "failing WPT cases")
    }

    static func compare(_ result: WebVTTParseResult, with expected: [String: Any]) -> [String] {
        var problems: [String] = []
        let valid = expected["valid"] as? Bool ?? true
        if result.signatureValid != valid { problems.append("signatureValid \(result.signatureValid), expected \(valid)") }
        let cues = expected["cues"] as? [[String: Any]] ?? []
        guard result.cues.count == cues.count else {
            return problems + ["\(result.cues.count) cues, expected \(cues.count)"]
        }
        var regionByJSON: [String: Int?] = [:]
        for (index, (cue, want)) in zip(result.cues, cues).enumerated() {
            func check(_ key: String, _ actual: Any?, _ wanted: Any?) {
                if !Self.same(actual, wanted) {
                    problems.append("cue \(index) \(key) = \(String(describing: actual ?? "nil")), expected \(String(describing: wanted ?? "nil"))")
                }
            }
            if let id = want["id"] { check("id", cue.id, id) }
            if let start = want["start"] { check("start", cue.start, start) }
            if let end = want["end"] { check("end", cue.end, end) }
            if let text = want["text"] { check("text", cue.text, text) }
            guard let settings = want["settings"] as? [String: Any] else { continue }
            let actual = cue.settings
            let dom: [String: Any] = [
                "vertical": actual.vertical, "line": actual.line.map { $0 as Any } ?? "auto",
                "snapToLines": actual.snapToLines, "lineAlign": actual.lineAlign,
                "position": actual.position.map { $0 as Any } ?? "auto", "positionAlign": actual.positionAlign,
                "size": actual.size, "align": actual.align,
            ]
            for (key, wanted) in settings where key != "region" { check(key, dom[key], wanted) }
            guard settings.keys.contains("region") else { continue }
            let regionJSON = settings["region"] as? [String: Any]
            let region = actual.regionIndex.flatMap { result.regions.indices.contains($0) ? result.regions[$0] : nil }
            if regionJSON == nil {
                if region != nil { problems.append("cue \(index) region = \(region?.id ?? ""), expected null") }
                continue
            }
            guard let regionJSON, let region else {
                problems.append("cue \(index) region = null, expected \(regionJSON ?? [:])")
                continue
            }
            let regionDOM: [String: Any] = [
                "id": region.id, "width": region.width, "lines": region.lines,
                "regionAnchorX": region.regionAnchorX, "regionAnchorY": region.regionAnchorY,
                "viewportAnchorX": region.viewportAnchorX, "viewportAnchorY": region.viewportAnchorY,
                "scroll": region.scroll,
            ]
            for (key, wanted) in regionJSON { check("region.\(key)", regionDOM[key], wanted) }
            // Region identity: equal expected JSON means the same region object.
            let key = String(describing: regionJSON.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
            if let seen = regionByJSON[key], seen != actual.regionIndex {
                problems.append("cue \(index) region is a different object than an earlier cue's equal region")
            }
            regionByJSON[key] = actual.regionIndex
        }
        return problems
    }

    /// SameValue-style comparison of a parser value with a JSON value.
    static func same(_ actual: Any?, _ wanted: Any?) -> Bool {
        switch actual {
        case let a as String: return (wanted as? String) == a
        case let a as Bool: return (wanted as? Bool) == a
        case let a as Double: return (wanted as? NSNumber)?.doubleValue == a && !(wanted is String)
        default: return false
        }
    }
}

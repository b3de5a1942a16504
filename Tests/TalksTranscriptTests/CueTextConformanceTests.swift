import Foundation
import XCTest
@testable import TalksTranscript

/// Runs every W3C web-platform-tests cue-text test (../shared/testdata/webvtt-wpt/cue-text/*.dat):
/// the input goes through the whole file parser as the text of one cue, and the node tree is
/// printed in the html5lib tree format `getCueAsHTML()` is compared in (see cue-text/README.md).
final class CueTextConformanceTests: XCTestCase {
    struct Case {
        var file: String
        var input: String
        var expected: [String]
    }

    func testEveryWPTCueTextCase() throws {
        let folder = try TestData.conformanceFolder("cue-text")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".dat") }.sorted()
        var cases: [Case] = []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            cases += Self.cases(in: text, file: file)
        }
        XCTAssertEqual(cases.count, 77, "the README promises 77 tests")
        var failures: [String] = []
        for test in cases {
            let actual = Self.tree(for: test.input)
            if actual != test.expected {
                failures.append("\(test.file) \(test.input.debugDescription): got \(actual), expected \(test.expected)")
            }
        }
        print("WebVTT WPT cue text parsing: \(cases.count - failures.count)/\(cases.count) tests pass")
        XCTAssertEqual(failures, [], "failing WPT cue-text tests")
    }

    /// Parses `input` as the only cue of a file and prints its tree, one line per node.
    static func tree(for input: String) -> [String] {
        let file = Array("WEBVTT\n\n00:00.000 --> 00:01.000\n".utf8) + Array(input.utf8)
        let result = WebVTTParser().parse(file)
        guard let cue = result.cues.first, result.cues.count == 1 else { return ["<\(result.cues.count) cues>"] }
        var lines: [String] = []
        serialize(CueTextParser().parse(cue.text).nodes, depth: 0, into: &lines)
        return lines
    }

    static func serialize(_ nodes: [CueTextNode], depth: Int, into lines: inout [String]) {
        let indent = "| " + String(repeating: "  ", count: depth)
        for node in nodes {
            switch node {
            case .text(let text):
                lines.append(indent + "\"" + text + "\"")
            case .timestamp(let seconds):
                lines.append(indent + "<?timestamp \(WebVTTTimestamp.format(seconds))>")
            case .element(let element):
                let name: String
                var attributes: [(String, String)] = []
                if !element.classes.isEmpty { attributes.append(("class", element.classes.joined(separator: " "))) }
                switch element.kind {
                case .class: name = "span"
                case .voice:
                    name = "span"
                    attributes.append(("title", element.voice ?? ""))
                case .language:
                    name = "span"
                    attributes.append(("lang", element.language ?? ""))
                default: name = element.kind.rawValue
                }
                lines.append(indent + "<\(name)>")
                for (key, value) in attributes.sorted(by: { $0.0 < $1.0 }) {
                    lines.append(indent + "  \(key)=\"\(value)\"")
                }
                serialize(element.children, depth: depth + 1, into: &lines)
            }
        }
    }

    /// Splits a .dat file into tests (html5lib tree-construction format).
    static func cases(in text: String, file: String) -> [Case] {
        var cases: [Case] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count {
            guard lines[index] == "#data" else { index += 1; continue }
            index += 1
            var data: [String] = []
            while index < lines.count, lines[index] != "#errors" { data.append(lines[index]); index += 1 }
            while index < lines.count, lines[index] != "#document-fragment" { index += 1 }
            index += 1
            var expected: [String] = []
            while index < lines.count, !lines[index].isEmpty, lines[index] != "#data" {
                expected.append(unescape(lines[index]))
                index += 1
            }
            cases.append(Case(file: file, input: unescape(data.joined(separator: "\n")), expected: expected))
        }
        return cases
    }

    /// Decodes the Python `unicode-escape` sequences the .dat files use.
    static func unescape(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func hex(_ count: Int) -> Unicode.Scalar? {
            guard index + 1 + count <= scalars.count else { return nil }
            let digits = String(String.UnicodeScalarView(scalars[(index + 1)...(index + count)]))
            return UInt32(digits, radix: 16).flatMap(Unicode.Scalar.init)
        }
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "\\", index + 1 < scalars.count else { output.append(scalar); index += 1; continue }
            index += 1
            switch scalars[index] {
            case "n": output.append("\n")
            case "t": output.append("\t")
            case "\\": output.append("\\")
            case "x":
                if let value = hex(2) { output.append(value); index += 2 } else { output.append("x") }
            case "u":
                if let value = hex(4) { output.append(value); index += 4 } else { output.append("u") }
            default:
                output.append("\\")
                output.append(scalars[index])
            }
            index += 1
        }
        return String(output)
    }
}

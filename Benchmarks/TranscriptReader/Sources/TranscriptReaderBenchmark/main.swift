// Reads each transcript given on the command line with `TranscriptReader.read`, `--rounds`
// times after two warm-up reads, and prints one JSON object per file: bytes, cues in the file
// (the format parser's count, before collapsing), cues read, words in the cues read, the
// median seconds of one read and MB/s (10^6 bytes). With `--spoken FILE` (one spoken line per
// line) it also says whether the cues read are exactly those lines, each once.
import Foundation
import TalksModel
import TalksTranscript

var arguments = Array(CommandLine.arguments.dropFirst())
var rounds = 21
var spokenPath: String?
var files: [String] = []
while let argument = arguments.first {
    arguments.removeFirst()
    switch argument {
    case "--rounds":
        rounds = Int(arguments.first ?? "") ?? rounds
        arguments = Array(arguments.dropFirst())
    case "--spoken":
        spokenPath = arguments.first
        arguments = Array(arguments.dropFirst())
    default:
        files.append(argument)
    }
}

func words(_ text: String) -> Int {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
}

let spoken: [String]? = spokenPath.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }
    .map { $0.split(separator: "\n").map(String.init) }

for file in files {
    guard let data = FileManager.default.contents(atPath: file) else {
        FileHandle.standardError.write(Data("cannot read \(file)\n".utf8))
        exit(1)
    }
    let bytes = [UInt8](data)
    let format: TranscriptFormat = file.hasSuffix(".srt") ? .srt : .webVTT
    let cuesInFile = format == .webVTT ? WebVTTParser().parse(bytes).cues.count : SubRipParser().parse(bytes).cues.count
    var transcript = Transcript()
    var times: [Double] = []
    for round in 0..<(rounds + 2) {
        let started = DispatchTime.now().uptimeNanoseconds
        do {
            transcript = try TranscriptReader.read(bytes, format: format, file: file)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(1)
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        if round >= 2 { times.append(elapsed) }
    }
    times.sort()
    let median = times[times.count / 2]
    var result: [String: Any] = [
        "file": file,
        "bytes": bytes.count,
        "cues_in_file": cuesInFile,
        "cues_read": transcript.cues.count,
        "words_in_cues": transcript.cues.reduce(0) { $0 + words($1.text) },
        "cues_with_word_times": transcript.cues.filter { !$0.wordTimes.isEmpty }.count,
        "word_times": transcript.cues.reduce(0) { $0 + $1.wordTimes.count },
        "notes": transcript.notes.map(\.message),
        "warnings": transcript.diagnostics.count,
        "rounds": rounds,
        "median_seconds": median,
        "mb_per_second": Double(bytes.count) / median / 1e6,
    ]
    if let spoken {
        result["spoken_lines"] = spoken.count
        result["spoken_words"] = spoken.reduce(0) { $0 + words($1) }
        result["cues_are_the_spoken_lines"] = transcript.cues.map(\.text) == spoken
    }
    let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
    print(String(decoding: json, as: UTF8.self))
}

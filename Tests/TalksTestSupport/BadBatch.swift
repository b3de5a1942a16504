import Foundation

/// Writes the archives of the "bad input loses nothing" tests into a temporary folder: a good
/// archive ingested first, then a batch where most episodes are broken in one way each, with
/// good new episodes among them. The 10 MB line is generated here, never committed.
/// Shared by the library tests (TalksSearchTests) and the end-to-end ones (talksTests).
public struct BadBatch {
    public let root: String
    public var good: String { root + "/good" }
    public var batch: String { root + "/batch" }

    /// Old episodes: id and a word only that episode says.
    public static let oldWords = ["gamla-1": "dikesrensning", "gamla-2": "granbarkborre", "gamla-3": "gårdsbutiken"]
    /// Good new episodes in the batch (some with warnings): id and a word only they say.
    public static let newWords = [
        "ny-1": "upphandlingskrav", "ny-2": "lärlingsplatser", "dubblett": "ankdammen",
        "baklanges": "framlänges", "lang-rad": "tiomegabyte",
    ]
    /// Broken folders of the batch: folder, the file named in the message, its line (nil
    /// for problems of a whole file or folder) and a piece of the reason.
    public static let broken: [(folder: String, file: String, line: Int?, reason: String)] = [
        ("invalid-json", "invalid-json/episode.json", 3, "invalid JSON"),
        ("no-signature", "no-signature/transcript.vtt", 1, "not a WebVTT file"),
        ("invalid-utf8", "invalid-utf8/transcript.vtt", 4, "not UTF-8: byte 0xE5"),
        ("empty", "empty/transcript.vtt", nil, "the file is empty"),
        ("missing-transcript", "missing-transcript", nil, "missing transcript"),
        ("duplicate-b", "duplicate-b", nil, "duplicate episode id 'dubblett' (declared at episode.json:1)"),
        ("gamla-1-trasig", "gamla-1-trasig/transcript.vtt", 3, "not UTF-8"),
    ]
    /// Episodes with a warning: the bad cue is named and skipped or cut; the rest is indexed.
    public static let warned: [(file: String, line: Int, reason: String)] = [
        ("baklanges/transcript.vtt", 6, "cue ends (2.000 s) before it starts (9.000 s); cue skipped"),
        ("lang-rad/transcript.vtt", 3, "longer than the limit of 16 KiB"),
    ]

    public init(name: String) throws {
        root = NSTemporaryDirectory() + "talks-bad-batch-\(name.filter { $0.isLetter })-\(UUID().uuidString)"
        try write(good + "/gamla-1", title: "Vattenhushållning", text: ["Vi pratar om dikesrensning och våtmarker.", "Torkan kom 2018."])
        try write(good + "/gamla-2", title: "Skogen", text: ["Granbarkborre angriper granen.", "Skogsbruk i förändring."])
        try write(good + "/gamla-3", title: "Turism", text: ["Gårdsbutiken säljer ost.", "Cykelleder lockar besökare."])

        try write(batch + "/ny-1", title: "Upphandling", text: ["Upphandlingskrav på närproducerat.", "Kommunen köper mat."])
        try write(batch + "/ny-2", title: "Kompetens", text: ["Lärlingsplatser behövs.", "Yrkesvux hjälper."])
        try write(batch + "/duplicate-a", id: "dubblett", title: "Första", text: ["Ankdammen är full."])
        try write(batch + "/duplicate-b", id: "dubblett", title: "Andra", text: ["Den andra kopian."])
        try write(batch + "/invalid-json", metadata: "{\"title\": \"Trasig\",\n \"date\": \"2022-10-19T12:00:00+02:00\"\n \"series\": \"x\"}\n",
                  vtt: Self.vtt(["Hej."]))
        try write(batch + "/no-signature", title: "Ingen signatur", vtt: "1\n00:00:01.000 --> 00:00:02.000\nHej.\n")
        try write(batch + "/invalid-utf8", title: "Latin-1", vtt: Array("WEBVTT\n\n00:01.000 --> 00:02.000\nVi i Sm".utf8) + [0xE5] + Array("land\n".utf8))
        try write(batch + "/empty", title: "Tom", vtt: "")
        try write(batch + "/missing-transcript", title: "Utan text", vtt: nil as String?)
        try write(batch + "/baklanges", title: "Omvända tider",
                  vtt: "WEBVTT\n\n00:01.000 --> 00:04.000\nFramlänges går bra.\n\n00:09.000 --> 00:02.000\nBaklänges går inte.\n")
        var long = Array("WEBVTT\n\n00:00.000 --> 00:05.000\ntiomegabyte ".utf8)
        let word = Array("ord ".utf8)
        long.reserveCapacity(10_000_100)
        while long.count < 10_000_000 { long += word }
        long += Array("\n\n00:06.000 --> 00:08.000\nEfter den långa raden.\n".utf8)
        try write(batch + "/lang-rad", title: "Lång rad", vtt: long)
        // A changed copy of an old episode that is now broken: the old copy must stay.
        try write(batch + "/gamla-1-trasig", id: "gamla-1", title: "Vattenhushållning",
                  vtt: Array("WEBVTT\n\n".utf8) + [0xFF] + Array("00:01.000 --> 00:02.000\nTrasig.\n".utf8))
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }

    public static func vtt(_ cues: [String]) -> String {
        var text = "WEBVTT\n"
        for (index, cue) in cues.enumerated() {
            text += "\n00:\(String(format: "%02d", index * 5)).000 --> 00:\(String(format: "%02d", index * 5 + 4)).000\n\(cue)\n"
        }
        return text
    }

    private func write(_ folder: String, id: String? = nil, title: String, text: [String]) throws {
        try write(folder, id: id, title: title, vtt: Self.vtt(text))
    }

    private func write(_ folder: String, id: String? = nil, title: String, vtt: String?) throws {
        try write(folder, id: id, title: title, vtt: vtt.map { Array($0.utf8) })
    }

    private func write(_ folder: String, id: String? = nil, title: String, vtt: [UInt8]?) throws {
        let idField = id.map { "\"id\": \"\($0)\", " } ?? ""
        let metadata = "{\(idField)\"title\": \"\(title)\", \"series\": \"Landet lär\", \"date\": \"2022-10-19T12:00:00+02:00\"}\n"
        try write(folder, metadata: metadata, vtt: vtt)
    }

    private func write(_ folder: String, metadata: String, vtt: String) throws {
        try write(folder, metadata: metadata, vtt: Array(vtt.utf8))
    }

    private func write(_ folder: String, metadata: String, vtt: [UInt8]?) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(metadata.utf8).write(to: URL(fileURLWithPath: folder + "/episode.json"))
        if let vtt { try Data(vtt).write(to: URL(fileURLWithPath: folder + "/transcript.vtt")) }
    }
}

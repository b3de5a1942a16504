/// What the W3C WebVTT file parsing algorithm produces for one file, before any reduction to
/// plain text: the low-level API used by conformance tests, fuzzing and `TranscriptReader`.
public struct WebVTTParseResult: Sendable, Hashable {
    /// False when the file failed the signature check ("WEBVTT" followed by space, tab, LF or
    /// end of file); the parser then aborts and `cues` and `regions` are empty.
    public var signatureValid: Bool
    /// The first line of the file (after BOM removal and line ending normalisation), at most
    /// 80 characters, so a rejection can say what was there instead of the signature.
    public var firstLine: String
    /// The header text after "WEBVTT" on the signature line plus any header block lines.
    public var header: String
    /// Cues in file order, as the spec adds them to the text track list of cues.
    public var cues: [WebVTTCue]
    /// Regions in file order (`WebVTTCueSettings.regionIndex` points into this array).
    public var regions: [WebVTTRegion]
    /// The bodies of STYLE blocks, unparsed (talks does no CSS).
    public var styleSheets: [String]
    /// Things the spec silently skips but an organiser wants to know about, with lines.
    public var diagnostics: [WebVTTDiagnostic]

    public init(signatureValid: Bool, firstLine: String = "", header: String = "", cues: [WebVTTCue] = [],
                regions: [WebVTTRegion] = [], styleSheets: [String] = [], diagnostics: [WebVTTDiagnostic] = []) {
        self.signatureValid = signatureValid
        self.firstLine = firstLine
        self.header = header
        self.cues = cues
        self.regions = regions
        self.styleSheets = styleSheets
        self.diagnostics = diagnostics
    }
}

/// One WebVTT cue as the file parsing algorithm builds it: identifier, times, settings and the
/// raw cue text (tags and character references not interpreted yet).
public struct WebVTTCue: Sendable, Hashable {
    /// The cue identifier; the empty string when the block had none.
    public var id: String
    /// Start time in seconds.
    public var start: Double
    /// End time in seconds (the spec does not reject end < start; `TranscriptReader` does).
    public var end: Double
    /// The payload lines joined with LF, after input normalisation.
    public var text: String
    public var settings: WebVTTCueSettings
    /// 1-based line of the timing line in the source file.
    public var line: Int

    public init(id: String, start: Double, end: Double, text: String, settings: WebVTTCueSettings, line: Int) {
        self.id = id
        self.start = start
        self.end = end
        self.text = text
        self.settings = settings
        self.line = line
    }
}

/// The cue settings with the values the HTML `VTTCue` DOM interface exposes.
public struct WebVTTCueSettings: Sendable, Hashable {
    /// Writing direction: "" (horizontal), "rl" or "lr".
    public var vertical: String = ""
    /// The line position; `nil` is "auto".
    public var line: Double?
    /// False when `line` was given as a percentage.
    public var snapToLines: Bool = true
    /// "start", "center" or "end".
    public var lineAlign: String = "start"
    /// The position percentage; `nil` is "auto".
    public var position: Double?
    /// "auto", "line-left", "center" or "line-right".
    public var positionAlign: String = "auto"
    /// The size percentage.
    public var size: Double = 100
    /// "start", "center", "end", "left" or "right".
    public var align: String = "center"
    /// Index into `WebVTTParseResult.regions`, or nil when the cue has no region.
    public var regionIndex: Int?

    public init() {}
}

/// A WebVTT region definition from a REGION block, with the `VTTRegion` DOM values.
public struct WebVTTRegion: Sendable, Hashable {
    public var id: String = ""
    /// Width percentage.
    public var width: Double = 100
    /// Number of lines (kept as a double: the spec allows any digit string).
    public var lines: Double = 3
    public var regionAnchorX: Double = 0
    public var regionAnchorY: Double = 100
    public var viewportAnchorX: Double = 0
    public var viewportAnchorY: Double = 100
    /// "" (none) or "up".
    public var scroll: String = ""
    /// 1-based line of the REGION block in the source file.
    public var line: Int = 0

    public init() {}
}

/// A note about input the parser skipped or could not use, located by line.
public struct WebVTTDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line in the source file.
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

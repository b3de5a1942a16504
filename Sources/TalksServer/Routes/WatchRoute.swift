import TalksModel
import TalksSearch

/// `/watch/{id}`: the watch page of one episode (`WatchPage`), with `?t=SECONDS` and
/// `?q=QUERY`; a failure is a Swedish error page (`ErrorPage`).
///
/// The page answers in HTML even when it fails (404 for an unknown id, 400 for a bad `t`,
/// 503 without an index), since a person reads it. Its Content-Security-Policy allows
/// script only from this server (`/watch.js`), frames only from the one platform that
/// plays this recording (`https://www.youtube-nocookie.com` or `https://player.vimeo.com`)
/// and media only from the recording's own origin.
extension TalksRoutes {
    /// The largest `t` accepted, in seconds (1,000 hours).
    static let maximumWatchSeconds = 3_600_000.0

    func watch(_ id: String, request: HTTPRequest) -> HTTPResponse {
        let startSeconds: Double?
        switch Self.watchSeconds(request.query["t"]) {
        case .success(let seconds): startSeconds = seconds
        case .failure(let error):
            return ErrorPage.response(.badRequest, title: "Felaktig tid i adressen", message: error.swedish)
        }
        let snapshot: any IndexSnapshot
        let episode: Episode
        let cues: [Cue]
        let window: Range<Int>
        let totalCues: Int
        do {
            snapshot = try backend.snapshot()
            guard let found = try snapshot.episode(id: id), let transcript = try snapshot.transcriptCues(id: id) else {
                return ErrorPage.response(.notFound, title: "Avsnittet finns inte",
                                      message: "Det finns inget avsnitt med id ”\(id.prefix(200))” i arkivet.")
            }
            episode = found
            totalCues = transcript.count
            window = try Self.cueWindow(transcript, around: startSeconds, limit: max(1, watchPageCues))
            var shown: [Cue] = []
            shown.reserveCapacity(window.count)
            for index in window { shown.append(try transcript.cue(index)) }
            cues = shown
        } catch {
            return ErrorPage.response(.serviceUnavailable, title: "Sidan kan inte visas just nu",
                                  message: "Arkivets index går inte att läsa: \(error)")
        }
        var query = request.query["q"]?.trimmingBlanks()
        if query?.isEmpty ?? true { query = nil }
        var matches: Result<TranscriptMatches, BackendError>?
        if let text = query {
            if text.count > Self.maxQueryLength {
                matches = .failure(.badQuery(QueryError(.tooLong, column: nil, "the query is longer than \(Self.maxQueryLength) characters")))
            } else {
                do {
                    matches = .success(try snapshot.transcriptMatches(of: text, inEpisode: id, cues: window) ?? TranscriptMatches())
                } catch let error as BackendError {
                    matches = .failure(error)
                } catch {
                    matches = .failure(.unavailable("\(error)"))
                }
            }
        }
        let player = episode.recording.map(RecordingPlayer.init(recording:))
        let origin = Self.publicOrigin(request)
        let page = WatchPage(
            episode: episode, cues: cues, firstShownCue: window.lowerBound, totalCues: totalCues,
            player: player, startSeconds: startSeconds, query: query, matches: matches,
            pageURL: origin.map { $0 + "/watch/" + HTMLText.percentEncoded(id) })
        var response = HTMLPage.response(page.bytes(), policy: PagePolicy.watch(player: player))
        response.headers.set("ETag", EntityTag.index(generation: snapshot.generation, key: (origin ?? "") + request.path + "?" + request.rawQuery))
        response.headers.set("Cache-Control", "public, max-age=60")
        response.headers.set("Vary", "Host, X-Forwarded-Proto")
        return response
    }

    /// The cues a page shows: all of them up to `limit`; of a longer transcript, `limit`
    /// cues with the one at `seconds` in the middle (found by binary search, reading only
    /// the cues it visits).
    static func cueWindow(_ cues: TranscriptCues, around seconds: Double?, limit: Int) throws -> Range<Int> {
        guard cues.count > limit else { return 0..<cues.count }
        var current = 0
        if let seconds {
            var low = 0
            var high = cues.count
            while low < high {
                let middle = (low + high) >> 1
                if try cues.cue(middle).start < seconds.rounded(.down) + 1 { low = middle + 1 } else { high = middle }
            }
            current = max(0, low - 1)
        }
        let first = min(max(0, current - limit / 2), cues.count - limit)
        return first..<(first + limit)
    }

    /// `t` as seconds: a number of seconds (`75`, `75.5`) or a clock (`1:15`, `1:02:03`);
    /// nil when absent or empty.
    static func watchSeconds(_ text: String?) -> Result<Double?, RouteError> {
        guard let text, !text.isEmpty else { return .success(nil) }
        let bad = RouteError.badParameter(ParameterProblem("t", .time(maximumHours: Int(maximumWatchSeconds / 3600)), value: text))
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 3, parts.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 12 }) else { return .failure(bad) }
        var seconds = 0.0
        for (position, part) in parts.enumerated() {
            let isLast = position == parts.count - 1
            guard part.allSatisfy({ $0.isASCII && ($0.isNumber || (isLast && $0 == ".")) }), let value = Double(part) else {
                return .failure(bad)
            }
            if position > 0 && value >= 60 { return .failure(bad) }
            seconds = seconds * 60 + value
        }
        guard seconds.isFinite, seconds >= 0, seconds <= maximumWatchSeconds else { return .failure(bad) }
        return .success(seconds)
    }

    /// `http(s)://host[:port]` from the request's `Host` (and `X-Forwarded-Proto` from a
    /// proxy in front), or nil when the host is missing or holds anything but a host name,
    /// an IP address and a port.
    static func publicOrigin(_ request: HTTPRequest) -> String? {
        guard let host = request.headers["Host"], !host.isEmpty, host.utf8.count <= 255,
              host.utf8.allSatisfy({ byte in
                  (byte >= 0x30 && byte <= 0x3A) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                      || byte == 0x2D || byte == 0x2E || byte == 0x5B || byte == 0x5D
              })
        else { return nil }
        let scheme = request.headers["X-Forwarded-Proto"]?.lowercased() == "https" ? "https" : "http"
        return scheme + "://" + host.lowercased()
    }
}

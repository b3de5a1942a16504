extension DeepLink {
    /// Hosts whose pages are YouTube's player.
    static let youTubeHosts: Set<String> = [
        "youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com",
    ]
    /// Hosts whose pages are Vimeo's player.
    static let vimeoHosts: Set<String> = ["vimeo.com", "www.vimeo.com", "player.vimeo.com"]

    /// The time parameters a YouTube link may already carry; the new time replaces them.
    static let youTubeTimeParameters: Set<Substring> = ["t", "start"]

    /// The link in its platform's own form, or nil when `link` is on no platform talks
    /// knows (the caller then uses a media fragment). A YouTube page that plays no single
    /// video gets the URL unchanged.
    static func platformLink(_ link: inout LinkURL, seconds: Int) -> String? {
        if link.host == "youtu.be" {
            return youTubeLink(&link, parameter: "t=\(seconds)")
        }
        if youTubeHosts.contains(link.host) {
            let segments = link.pathSegments
            switch (segments.first, segments.count) {
            case ("watch"?, 1) where link.queryValue("v")?.isEmpty == false:
                return youTubeLink(&link, parameter: "t=\(seconds)s")
            case ("live"?, 2):
                return youTubeLink(&link, parameter: "t=\(seconds)")
            case ("embed"?, 2):
                return youTubeLink(&link, parameter: "start=\(seconds)")
            case ("shorts"?, 2):
                // The shorts player ignores a time; the same video's watch page honours it.
                link.path = "/watch"
                link.query.insert("v=" + segments[1], at: 0)
                return youTubeLink(&link, parameter: "t=\(seconds)s")
            default:
                link.fragment = nil
                return link.text
            }
        }
        if vimeoHosts.contains(link.host) {
            link.fragment = "t=\(seconds)s"
            return link.text
        }
        return nil
    }

    /// `link` with its time parameters and fragment replaced by `parameter`.
    private static func youTubeLink(_ link: inout LinkURL, parameter: String) -> String {
        link.removeQueryParameters(youTubeTimeParameters)
        link.query.append(Substring(parameter))
        link.fragment = nil
        return link.text
    }
}

import TalksSearch

/// The Content-Security-Policy of every HTML page, built in one place.
///
/// Scripts come only from this server (`/search.js`, `/watch.js`), never inline: without
/// `'unsafe-inline'` a browser runs no inline script, no event-handler attribute and no
/// `javascript:` link, so even a link that got past every check could not run script in
/// the page's origin. Styles stay inline (they cannot run script). The watch page adds
/// the one source its player needs: frames from YouTube or Vimeo, or media from the
/// recording's own origin. An error page loads nothing but its style.
enum PagePolicy {
    /// The search page's policy, and the start of the watch page's.
    static let page = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; "
        + "img-src 'self' data:; base-uri 'none'; form-action 'self'"

    /// An error page: its inline style and nothing else.
    static let errorPage = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'"

    /// The watch page's policy: `page` plus the player's one source.
    static func watch(player: RecordingPlayer?) -> String {
        switch player {
        case .youTube?, .vimeo?:
            if let origin = player?.origin { return page + "; frame-src " + origin }
        case .mediaFile?:
            if let origin = player?.origin { return page + "; media-src " + origin }
        case .page?, nil:
            break
        }
        return page
    }
}

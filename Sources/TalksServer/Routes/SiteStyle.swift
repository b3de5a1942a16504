/// The CSS every HTML page of the server shares (the search page, the watch page, their
/// error pages and the embedded search): one palette, one font stack, one focus ring, one
/// dark mode, so the pages read as one site. Each page adds only its layout
/// (`SearchPageStyle`, `WatchPageStyle`).
///
/// Colours are custom properties. Dark mode follows `prefers-color-scheme` unless the page
/// says `data-theme="light"` on `<html>`; `data-theme="dark"` forces it (an embedding's
/// `theme=`). An embedding site's accent and font (`--host-accent`, `--host-accent-dark`,
/// `--host-font`, from `embed.js`'s `--talks-*` properties) replace the defaults; text on
/// the accent uses `--on-accent` (`SearchPage.onAccent` keeps its contrast). Every text
/// colour meets WCAG 2.1 AA (4.5:1) on the backgrounds it is used on (`SiteStyleTests`).
enum SiteStyle {
    /// The dark palette, written once and used twice (the media query and `data-theme=dark`).
    private static let darkPalette = """
      --bg: #14181c; --fg: #e7eaed; --muted: #aab4be; --line: #39424b; --panel: #1d2328; --field: #1b2025; --field-line: #8c97a2;
      --accent: var(--host-accent-dark, #72d39c); --on-accent: var(--host-on-accent-dark, #0c1a12); --mark-bg: #5e4f00; --mark-fg: #fff4c2;
      --mark-active-bg: #806500; --current: #1f3a2a; --danger: #ff8a80;
    """

    static let css = """
    :root { color-scheme: light dark;
      --bg: #ffffff; --fg: #1d2329; --muted: #4f5963; --line: #d3dae0; --panel: #f3f5f7; --field: #ffffff; --field-line: #6b7680;
      --accent: var(--host-accent, #1a6b3c); --on-accent: var(--host-on-accent, #ffffff); --mark-bg: #ffe27a; --mark-fg: #1d2329;
      --mark-active-bg: #f5b800; --current: #e3f1e8; --danger: #b3261e;
      --font: var(--host-font, system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif); }
    @media (prefers-color-scheme: dark) { :root:not([data-theme=light]) {
    \(darkPalette) } }
    :root[data-theme=dark] {
    \(darkPalette) }
    :root[data-theme=light] { color-scheme: light; }
    :root[data-theme=dark] { color-scheme: dark; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--fg); background: var(--bg); font-family: var(--font); line-height: 1.5; }
    a { color: var(--accent); }
    :focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; border-radius: .2rem; }
    .skip { position: absolute; left: -999rem; top: .5rem; background: var(--bg); padding: .3rem .6rem; z-index: 3; }
    .skip:focus { left: 1rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    .site { margin: 0 0 .2rem; font-size: .95rem; font-weight: 600; }
    .site a { text-decoration: none; }
    .site a:hover { text-decoration: underline; }
    input[type=search], select { font: inherit; color: var(--fg); background: var(--field); border: 1px solid var(--field-line); border-radius: .4rem; }
    ::placeholder { color: var(--muted); opacity: 1; }
    button { font: inherit; border: 1px solid var(--accent); border-radius: .4rem; background: var(--accent); color: var(--on-accent); cursor: pointer; }
    mark { background: var(--mark-bg); color: var(--mark-fg); padding: 0 .12em; border-radius: .15em; }
    .problem { border-left: 4px solid var(--danger); padding: .3rem .7rem; background: var(--panel); }

    """
}

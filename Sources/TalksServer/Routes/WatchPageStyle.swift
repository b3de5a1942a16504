/// The watch page's own CSS, after the site's shared look (`SiteStyle`: palette, fonts,
/// focus, dark mode): the player beside the transcript on wide screens, the player fixed at
/// the top with the transcript under it on phones, the current line and the active match.
///
/// The current line (`--current`) and the active mark (`--mark-active-bg`) are in the shared
/// palette, so their contrast is checked with the rest (`SiteStyleTests`).
enum WatchPageStyle {
    static let css = """
    header { padding: 1rem 1.25rem .5rem; max-width: 1440px; margin: 0 auto; }
    header h1 { font-size: 1.45rem; line-height: 1.25; margin: 0; }
    .meta { color: var(--muted); margin: .25rem 0 0; font-size: .95rem; }
    main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      grid-template-areas: "stage transcript" "about transcript"; grid-template-rows: auto 1fr;
      gap: .75rem 1.5rem; padding: .5rem 1.25rem 1.25rem; max-width: 1440px; margin: 0 auto; }
    .stage { grid-area: stage; }
    .about { grid-area: about; }
    .transcript { grid-area: transcript; position: sticky; top: .75rem; align-self: start;
      max-height: calc(100vh - 1.5rem); overflow-y: auto; border: 1px solid var(--line); border-radius: .5rem; background: var(--bg); }
    video, iframe { display: block; width: 100%; aspect-ratio: 16 / 9; border: 0; border-radius: .4rem; background: #000; }
    audio { display: block; width: 100%; }
    .no-player { padding: 1rem; background: var(--panel); border-radius: .4rem; margin: 0; }
    .links { margin: .25rem 0 .5rem; }
    .description { margin: 0 0 1rem; max-width: 70ch; }
    .chapters h2, .tools h2 { font-size: 1.05rem; margin: 0; }
    .chapters ol { list-style: none; margin: .35rem 0 0; padding: 0; }
    .chapters li a { display: block; padding: .2rem .3rem; text-decoration: none; color: var(--fg); border-radius: .25rem; }
    .chapters li a:hover { background: var(--panel); }
    .chapters .time { color: var(--accent); font-variant-numeric: tabular-nums; font-weight: 600; margin-right: .4rem; }
    .tools { position: sticky; top: 0; z-index: 1; background: var(--panel); border-bottom: 1px solid var(--line);
      padding: .6rem .8rem; display: flex; flex-wrap: wrap; align-items: center; gap: .4rem .6rem; }
    .tools h2 { flex: 1 0 100%; }
    .find { display: flex; flex: 1 1 16rem; min-width: 0; max-width: 100%; gap: .4rem; align-items: center; }
    .find label { color: var(--muted); font-size: .9rem; white-space: nowrap; }
    .find input { flex: 1; width: 6rem; min-width: 0; font: inherit; padding: .3rem .5rem; }
    button { font-size: .92rem; padding: .3rem .7rem; border-radius: .35rem; }
    .matches button, .follow { color: var(--accent); background: var(--bg); }
    .matches { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem; flex: 1 0 100%; }
    .matches p { margin: 0; color: var(--muted); font-size: .92rem; flex: 1; }
    .follow { flex: 1 0 100%; }
    .cut { flex: 1 0 100%; margin: 0; font-size: .92rem; }
    ol.cues { list-style: none; margin: 0; padding: .4rem .4rem .8rem; }
    ol.cues li { padding: .3rem .4rem .3rem 4.4rem; text-indent: -4rem; border-radius: .3rem; cursor: pointer; }
    ol.cues li:hover { background: var(--panel); }
    ol.cues li[aria-current="true"] { background: var(--current); box-shadow: inset 3px 0 0 var(--accent); }
    ol.cues li.chapter { cursor: default; padding: .7rem .4rem .2rem; text-indent: 0; }
    ol.cues li.chapter:hover { background: none; }
    ol.cues h3 { font-size: .98rem; margin: 0; color: var(--accent); }
    a.t { display: inline-block; width: 3.6rem; text-indent: 0; font-variant-numeric: tabular-nums; font-weight: 600;
      text-decoration: none; font-size: .9rem; }
    a.t:hover { text-decoration: underline; }
    .s { color: var(--muted); font-weight: 600; }
    .s.r { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    mark.active { background: var(--mark-active-bg); outline: 2px solid var(--fg); }
    @media (min-width: 821px) {
      body { height: 100vh; display: flex; flex-direction: column; }
      header { flex: none; width: 100%; }
      main { flex: 1 1 auto; min-height: 0; width: 100%; grid-template-rows: auto minmax(0, 1fr); }
      .about { overflow-y: auto; min-height: 0; }
      .transcript { position: static; max-height: none; min-height: 0; align-self: stretch; }
    }
    @media (max-width: 820px) {
      header { padding: .75rem .9rem .4rem; }
      header h1 { font-size: 1.2rem; }
      main { grid-template-columns: minmax(0, 1fr); grid-template-areas: "stage" "about" "transcript"; grid-template-rows: auto;
        padding: 0 0 1rem; gap: .5rem; }
      .stage { position: sticky; top: 0; z-index: 2; background: var(--bg); }
      .stage video, .stage iframe { border-radius: 0; }
      .about { padding: 0 .9rem; }
      .transcript { position: static; max-height: none; overflow: visible; border-width: 1px 0 0; border-radius: 0; }
      /* The find form and the match buttons stay reachable under the player. */
      .tools { top: 56.25vw; padding: .45rem .7rem; }
      .tools h2 { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
      main:has(audio) .tools { top: 3.5rem; }
      main:has(.no-player) .stage { position: static; }
      main:has(.no-player) .tools { top: 0; }
      ol.cues li { scroll-margin-top: calc(56.25vw + 7rem); }
    }
    @media (prefers-reduced-motion: no-preference) { html { scroll-behavior: smooth; } }

    """
}

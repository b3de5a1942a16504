/// The search page's CSS: light and dark colours (`prefers-color-scheme`, or `data-theme` on
/// `<html>` from `theme=`), all meeting WCAG 2.1 AA contrast (4.5:1 for text) on their
/// background, visible keyboard focus, and a one-column layout on phones.
///
/// Colours are custom properties, so an embedding site's accent and font (`--host-accent`,
/// `--host-accent-dark`, `--host-font`, set from `embed.js`'s `--talks-*` properties in a
/// second `<style>`) replace the defaults without touching the rest. Text on the accent uses
/// `--on-accent`, chosen for contrast with the host's accent (`SearchPage.onAccent`).
enum SearchPageStyle {
    static let css = #"""
:root { color-scheme: light dark;
  --bg: #ffffff; --fg: #1d2329; --muted: #4f5963; --line: #d3dae0; --panel: #f3f5f7; --field: #ffffff; --field-line: #6b7680;
  --accent: var(--host-accent, #1a6b3c); --on-accent: var(--host-on-accent, #ffffff); --mark-bg: #ffe27a; --mark-fg: #1d2329;
  --font: var(--host-font, system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif); }
@media (prefers-color-scheme: dark) { :root:not([data-theme=light]) {
  --bg: #14181c; --fg: #e7eaed; --muted: #aab4be; --line: #39424b; --panel: #1d2328; --field: #1b2025; --field-line: #8c97a2;
  --accent: var(--host-accent-dark, #72d39c); --on-accent: var(--host-on-accent-dark, #0c1a12); --mark-bg: #5e4f00; --mark-fg: #fff4c2; } }
:root[data-theme=dark] {
  --bg: #14181c; --fg: #e7eaed; --muted: #aab4be; --line: #39424b; --panel: #1d2328; --field: #1b2025; --field-line: #8c97a2;
  --accent: var(--host-accent-dark, #72d39c); --on-accent: var(--host-on-accent-dark, #0c1a12); --mark-bg: #5e4f00; --mark-fg: #fff4c2; }
:root[data-theme=light] { color-scheme: light; }
:root[data-theme=dark] { color-scheme: dark; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1.25rem; color: var(--fg); background: var(--bg); font-family: var(--font); line-height: 1.5; }
body.embed { padding: .5rem; max-width: none; }
body.embed header { display: none; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid var(--accent); outline-offset: 2px; border-radius: .2rem; }
.skip { position: absolute; left: -999rem; }
.skip:focus { left: 1rem; top: .5rem; background: var(--bg); padding: .3rem .6rem; z-index: 1; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header h1 { font-size: 1.5rem; margin: 0 0 .2rem; color: var(--accent); }
header p { margin: 0 0 1rem; color: var(--muted); }
form#search { margin-bottom: .5rem; }
.query { display: flex; gap: .5rem; }
input[type=search], select { font: inherit; color: var(--fg); background: var(--field); border: 1px solid var(--field-line); border-radius: .4rem; }
input[type=search] { flex: 1; min-width: 0; padding: .55rem .7rem; }
::placeholder { color: var(--muted); opacity: 1; }
select { padding: .4rem .5rem; max-width: 100%; }
button { font: inherit; padding: .55rem 1rem; border: 1px solid var(--accent); border-radius: .4rem; background: var(--accent); color: var(--on-accent); cursor: pointer; }
fieldset.filters { border: 0; margin: .75rem 0 0; padding: .6rem .75rem; background: var(--panel); border-radius: .5rem;
  display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; }
fieldset.filters legend { float: left; width: 100%; padding: 0; font-weight: 600; font-size: .95rem; }
.filter { display: flex; flex-direction: column; gap: .15rem; font-size: .92rem; min-width: 10rem; flex: 1 1 10rem; }
.filter label { color: var(--muted); }
.js .apply { display: none; }
#status { color: var(--muted); min-height: 1.5em; margin: .6rem 0 .4rem; }
ul.chips { list-style: none; margin: 0 0 .5rem; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem; }
ul.chips li { border: 1px solid var(--line); border-radius: 1rem; padding: .1rem .7rem; font-size: .92rem; }
ul.chips li:has(a) { padding-right: .3rem; }
ul.chips a { display: inline-block; margin-left: .2rem; padding: 0 .35rem; text-decoration: none; font-weight: 700; }
ol#results { list-style: none; margin: 0; padding: 0; }
ol#results:focus { outline: none; }
li.episode { border-top: 1px solid var(--line); padding: .85rem 0; }
li.episode h2 { font-size: 1.1rem; margin: 0; }
li.episode h2 a { color: var(--fg); }
.meta { color: var(--muted); font-size: .92rem; margin: .1rem 0 .45rem; }
ul.hits { list-style: none; margin: 0; padding: 0; }
ul.hits li { display: grid; grid-template-columns: 4.2em 1fr auto; gap: .2rem .6rem; padding: .25rem 0; align-items: baseline; }
a.time { font-variant-numeric: tabular-nums; font-weight: 700; text-decoration: none; }
a.time:hover, a.original:hover { text-decoration: underline; }
a.original { font-size: .85rem; color: var(--muted); white-space: nowrap; }
.speaker { color: var(--muted); }
.chapter { color: var(--muted); font-size: .8rem; white-space: nowrap; max-width: 12em; overflow: hidden; text-overflow: ellipsis; }
mark { background: var(--mark-bg); color: var(--mark-fg); padding: 0 .12em; border-radius: .15em; }
nav.pages { display: flex; flex-wrap: wrap; gap: .35rem; margin: 1rem 0 .5rem; align-items: center; }
nav.pages a, nav.pages span { padding: .3rem .65rem; border: 1px solid var(--line); border-radius: .35rem; text-decoration: none; }
nav.pages [aria-current] { background: var(--accent); color: var(--on-accent); border-color: var(--accent); font-weight: 700; }
.problem { border-left: 4px solid #b3261e; padding: .3rem .7rem; background: var(--panel); }
@media (max-width: 40rem) {
  body { padding: .8rem; }
  ul.hits li { grid-template-columns: 3.6em 1fr; }
  a.original { grid-column: 2; }
  fieldset.filters { gap: .4rem; padding: .5rem .6rem; }
  .filter { min-width: 100%; flex-direction: row; align-items: center; gap: .5rem; }
  .filter label { flex: 0 0 3.6rem; }
  .filter select { flex: 1; min-width: 0; }
}
"""#
}

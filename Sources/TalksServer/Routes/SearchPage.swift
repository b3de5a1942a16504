/// The search page served at `/`: plain HTML and CSS, Swedish UI, with its JavaScript in `/search.js`.
///
/// It calls `search` and `suggest` with relative URLs (so it also works behind a path
/// prefix), shows each episode with its timestamped hits linking into the recording
/// (`#t=SECONDS`), keeps the query in the address (`/?q=…`, so a search can be linked and
/// a headless browser can load one), and works inside an `<iframe>`: with `?embed=1` it
/// drops the heading and reports its height to the parent page for `embed.js`.
/// Its script is `SearchScript`, served as `/search.js`: the page holds no inline script, so
/// its Content-Security-Policy (`StaticDocuments`) can forbid inline script and with it any
/// `javascript:` link that might reach the page.
enum SearchPage {
    static let html = #"""
<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sök i inspelningarna</title>
<style>
:root { --accent: #1f6f43; --muted: #5b6470; --line: #dde3e8; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.25rem; color: #1d2329; background: #fff; line-height: 1.45; }
body.embed { padding: .5rem; }
body.embed header { display: none; }
header h1 { font-size: 1.4rem; margin: 0 0 .25rem; color: var(--accent); }
header p { margin: 0 0 1rem; color: var(--muted); }
form { display: flex; gap: .5rem; margin-bottom: .75rem; }
input[type=search] { flex: 1; font: inherit; padding: .55rem .7rem; border: 1px solid #aab4be; border-radius: .4rem; }
input[type=search]:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
button { font: inherit; padding: .55rem 1rem; border: 0; border-radius: .4rem; background: var(--accent); color: #fff; cursor: pointer; }
#status { color: var(--muted); min-height: 1.4em; margin: .25rem 0 .75rem; }
#status a { color: var(--accent); }
ol#results { list-style: none; margin: 0; padding: 0; }
li.episode { border-top: 1px solid var(--line); padding: .8rem 0; }
li.episode h2 { font-size: 1.08rem; margin: 0; }
li.episode h2 a { color: inherit; }
.meta { color: var(--muted); font-size: .9rem; margin: .1rem 0 .4rem; }
ul.hits { list-style: none; margin: 0; padding: 0; }
ul.hits li { display: flex; gap: .6rem; padding: .2rem 0; }
a.time { font-variant-numeric: tabular-nums; color: var(--accent); font-weight: 600; min-width: 4.2em; text-decoration: none; }
a.time:hover { text-decoration: underline; }
.speaker { color: var(--muted); }
.chapter { color: var(--muted); font-size: .8rem; white-space: nowrap; max-width: 12em; overflow: hidden; text-overflow: ellipsis; }
mark { background: #ffe58a; color: inherit; padding: 0 .1em; border-radius: .15em; }
#more { margin-top: .75rem; background: #fff; color: var(--accent); border: 1px solid var(--accent); }
</style>
</head>
<body>
<header>
<h1>Sök i inspelningarna</h1>
<p>Hitta ögonblicket då något sades – sök på ord i alla transkriberade samtal.</p>
</header>
<form id="search" role="search" action="" method="get">
<label for="q" class="visually-hidden" hidden>Sökord</label>
<input type="search" id="q" name="q" list="suggestions" autocomplete="off" placeholder="Sök, till exempel livsmedelsstrategi" aria-label="Sökord">
<datalist id="suggestions"></datalist>
<button type="submit">Sök</button>
</form>
<div id="status" role="status" aria-live="polite"></div>
<ol id="results"></ol>
<button id="more" type="button" hidden>Visa fler avsnitt</button>
<script src="search.js"></script>
</body>
</html>
"""#
}

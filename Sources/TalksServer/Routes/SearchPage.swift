/// The search page served at `/`: plain HTML, CSS and a little JavaScript, Swedish UI.
///
/// It calls `search` and `suggest` with relative URLs (so it also works behind a path
/// prefix), shows each episode with its timestamped hits linking into the recording
/// (`#t=SECONDS`), keeps the query in the address (`/?q=…`, so a search can be linked and
/// a headless browser can load one), and works inside an `<iframe>`: with `?embed=1` it
/// drops the heading and reports its height to the parent page for `embed.js`.
/// Snippets come from the server already HTML-escaped with `<mark>` around matches; every
/// other field is inserted as text.
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
<script>
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var embedded = params.get("embed") === "1" || window.self !== window.top;
  if (embedded) document.body.classList.add("embed");
  var form = document.getElementById("search"), input = document.getElementById("q");
  var list = document.getElementById("suggestions"), statusLine = document.getElementById("status");
  var results = document.getElementById("results"), more = document.getElementById("more");
  var pageSize = 10, current = { q: "", offset: 0 }, suggestTimer = null, suggestSeq = 0;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function clock(seconds) {
    var s = Math.max(0, Math.floor(seconds)), h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, r = s % 60;
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return (h > 0 ? h + ":" + two(m) : m) + ":" + two(r);
  }
  function date(text) {
    if (!text) return "";
    var d = new Date(text);
    return isNaN(d) ? text : d.toLocaleDateString("sv-SE", { year: "numeric", month: "long", day: "numeric" });
  }
  function reportHeight() {
    if (window.parent !== window) window.parent.postMessage({ talksHeight: document.documentElement.scrollHeight }, "*");
  }
  function setStatus(text, suggestions) {
    statusLine.textContent = text;
    if (suggestions && suggestions.length) {
      statusLine.appendChild(document.createTextNode(" Menade du: "));
      suggestions.forEach(function (word, i) {
        if (i > 0) statusLine.appendChild(document.createTextNode(", "));
        var link = el("a", null, word);
        link.href = "?q=" + encodeURIComponent(word) + (embedded ? "&embed=1" : "");
        link.addEventListener("click", function (e) { e.preventDefault(); input.value = word; run(word, 0); });
        statusLine.appendChild(link);
      });
      statusLine.appendChild(document.createTextNode("?"));
    }
  }
  function render(data, append) {
    if (!append) results.textContent = "";
    data.results.forEach(function (result) {
      var episode = result.episode, item = el("li", "episode"), heading = el("h2");
      var link = el("a", null, episode.title);
      link.href = episode.page || episode.recording || ("episodes/" + encodeURIComponent(episode.id));
      link.target = "_blank"; link.rel = "noopener";
      heading.appendChild(link); item.appendChild(heading);
      var meta = [];
      if (episode.series) meta.push(episode.series + (episode.number ? " #" + episode.number : ""));
      if (episode.date) meta.push(date(episode.date));
      if (episode.speakers && episode.speakers.length) meta.push(episode.speakers.map(function (s) { return typeof s === "string" ? s : s.name; }).join(", "));
      item.appendChild(el("p", "meta", meta.join(" · ")));
      var hits = el("ul", "hits");
      result.hits.forEach(function (hit) {
        var row = el("li"), time = el("a", "time", clock(hit.start));
        if (hit.url) { time.href = hit.url; time.target = "_blank"; time.rel = "noopener"; }
        time.title = "Spela upp från " + clock(hit.start);
        row.appendChild(time);
        var text = el("span", "text");
        if (hit.speaker) text.appendChild(el("span", "speaker", hit.speaker + ": "));
        var snippet = el("span"); snippet.innerHTML = hit.snippet_html; text.appendChild(snippet);
        row.appendChild(text); hits.appendChild(row);
      });
      item.appendChild(hits); results.appendChild(item);
    });
    var shown = data.results.length + (append ? current.offset : 0);
    more.hidden = shown >= data.total_episodes;
    if (data.total_episodes === 0) setStatus("Inga träffar för ”" + data.query + "”.", data.suggestions);
    else setStatus(data.total_episodes === 1 ? "1 avsnitt" : data.total_episodes + " avsnitt");
    reportHeight();
  }
  function run(q, offset) {
    q = q.trim();
    current = { q: q, offset: offset };
    var url = new URL(location.href);
    url.searchParams.set("q", q);
    history.replaceState(null, "", url);
    if (!q) { results.textContent = ""; setStatus(""); more.hidden = true; reportHeight(); return; }
    setStatus("Söker …");
    fetch("search?" + new URLSearchParams({ q: q, limit: pageSize, offset: offset, hits: 3 }))
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) throw new Error(body && body.error ? body.error.message : "HTTP " + response.status);
          return body;
        });
      })
      .then(function (data) { if (current.q === q) render(data, offset > 0); })
      .catch(function (error) { setStatus("Sökningen misslyckades: " + error.message); reportHeight(); });
  }
  function suggest() {
    var value = input.value, words = value.split(/\s+/), last = words.pop();
    if (!last || last.length < 2) { list.textContent = ""; return; }
    var seq = ++suggestSeq, head = words.length ? words.join(" ") + " " : "";
    fetch("suggest?" + new URLSearchParams({ q: last, limit: 8 }))
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (data) {
        if (seq !== suggestSeq) return;
        list.textContent = "";
        data.suggestions.forEach(function (word) { var option = el("option"); option.value = head + word; list.appendChild(option); });
      })
      .catch(function () {});
  }
  form.addEventListener("submit", function (event) { event.preventDefault(); run(input.value, 0); });
  input.addEventListener("input", function () { clearTimeout(suggestTimer); suggestTimer = setTimeout(suggest, 120); });
  more.addEventListener("click", function () { run(current.q, current.offset + pageSize); });
  window.addEventListener("resize", reportHeight);
  var initial = params.get("q");
  if (initial) { input.value = initial; run(initial, 0); } else { reportHeight(); }
})();
</script>
</body>
</html>
"""#
}

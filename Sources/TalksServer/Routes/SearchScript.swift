/// `/search.js`: the search page's script (see `SearchPage`), served as a file of its own
/// so the page needs no inline script and its Content-Security-Policy can allow scripts
/// from `'self'` only.
///
/// It calls `search` and `suggest` with relative URLs, renders results with `textContent`
/// (snippets, already escaped by the server, with `innerHTML`), and puts a link in an
/// `href` only when `webLink` finds it is http(s): the server sends no other kind, and an
/// index written by an older talks cannot make the page hold one either.
enum SearchScript {
    static let javascript = #"""
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
  // Only an http(s) link is ever put in an href, whatever the server sent (it checks too):
  // the URL parser decides the scheme exactly as the browser will when the link is followed.
  function webLink(text) {
    if (typeof text !== "string" || text === "") return null;
    try {
      var url = new URL(text);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (error) {
      return null;
    }
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
      link.href = webLink(episode.page) || webLink(episode.recording) || ("episodes/" + encodeURIComponent(episode.id));
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
        var moment = webLink(hit.url);
        if (moment) { time.href = moment; time.target = "_blank"; time.rel = "noopener"; }
        time.title = "Spela upp från " + clock(hit.start) + (hit.chapter ? " (" + hit.chapter + ")" : "");
        row.appendChild(time);
        if (hit.chapter) row.appendChild(el("span", "chapter", hit.chapter));
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
"""#
}

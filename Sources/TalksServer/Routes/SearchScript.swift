/// `/search.js`: enhances the server-rendered search page (`SearchPage`), served as a file of
/// its own so the page needs no inline script and its Content-Security-Policy can allow
/// scripts from `'self'` only.
///
/// Without it the page already works (a GET form, plain links). With it: a facet select
/// applies on change; the form, the filter links and the page links load the next state
/// with `fetch` of the same page address and swap in its `#filters`, `#status` and
/// `#outcome` (one renderer, the server's), keeping focus where it was; `history.pushState`
/// keeps the whole state in the address and back/forward restore it (`popstate`); the status
/// line stays one `aria-live` region, so screen readers hear the new count; words complete
/// from `suggest` as you type; and in an iframe the page reports its height to the parent
/// (`embed.js`), whose own origin check decides whether to listen.
enum SearchScript {
    static let javascript = #"""
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var embedded = new URLSearchParams(location.search).get("embed") === "1" || window.self !== window.top;
  if (embedded) document.body.classList.add("embed");
  var form = document.getElementById("search"), input = document.getElementById("q");
  var list = document.getElementById("suggestions"), statusLine = document.getElementById("status");
  var suggestTimer = null, suggestSeq = 0, loadSeq = 0;

  function reportHeight() {
    if (window.parent !== window) window.parent.postMessage({ talksHeight: Math.ceil(document.body.getBoundingClientRect().height) }, "*");
  }
  function replaceChildren(target, source) {
    while (target.firstChild) target.removeChild(target.firstChild);
    if (!source) return;
    Array.prototype.forEach.call(source.childNodes, function (node) { target.appendChild(document.importNode(node, true)); });
  }
  function formAddress() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) { if (value !== "") params.append(name, value); });
    return "?" + params.toString();
  }
  // Loads the page at `address` and swaps in what depends on the search.
  function load(address, push, focusResults) {
    var seq = ++loadSeq, focused = document.activeElement && document.activeElement.id;
    statusLine.textContent = "Söker …";
    fetch(address, { headers: { Accept: "text/html" } })
      .then(function (response) { return response.text(); })
      .then(function (text) {
        if (seq !== loadSeq) return;
        var next = new DOMParser().parseFromString(text, "text/html");
        ["filters", "outcome"].forEach(function (id) {
          var here = document.getElementById(id), there = next.getElementById(id);
          if (here && there) replaceChildren(here, there);
        });
        replaceChildren(statusLine, next.getElementById("status"));
        statusLine.className = next.getElementById("status") ? next.getElementById("status").className : "";
        var nextInput = next.getElementById("q");
        if (nextInput && document.activeElement !== input) input.value = nextInput.value;
        document.title = next.title;
        if (push) history.pushState(null, "", address);
        bindFilters();
        var target = focusResults ? document.getElementById("results") : focused && document.getElementById(focused);
        if (target && target !== document.activeElement) target.focus({ preventScroll: !focusResults });
        if (focusResults && !embedded) window.scrollTo(0, 0);
        reportHeight();
      })
      .catch(function (error) { statusLine.textContent = "Sökningen misslyckades: " + error.message; reportHeight(); });
  }
  function bindFilters() {
    Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) {
      select.addEventListener("change", function () { load(formAddress(), true, false); });
    });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    // A new query starts from page 1 with the filters kept: the form carries no page.
    load(formAddress(), true, false);
  });
  // Links to other states of this page (filters removed, other pages, "Menade du") load in place.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href^='?']");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    var inPages = !!link.closest("nav.pages");
    load(link.getAttribute("href"), true, inPages);
  });
  window.addEventListener("popstate", function () { load(location.search || "?", false, false); });
  function suggest() {
    var value = input.value, words = value.split(/\s+/), last = words.pop();
    if (!last || last.length < 2) { list.textContent = ""; return; }
    var seq = ++suggestSeq, head = words.length ? words.join(" ") + " " : "";
    fetch("suggest?" + new URLSearchParams({ q: last, limit: 8 }))
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (data) {
        if (seq !== suggestSeq) return;
        list.textContent = "";
        data.suggestions.forEach(function (word) { var option = document.createElement("option"); option.value = head + word; list.appendChild(option); });
      })
      .catch(function () {});
  }
  input.addEventListener("input", function () { clearTimeout(suggestTimer); suggestTimer = setTimeout(suggest, 120); });
  bindFilters();
  window.addEventListener("resize", reportHeight);
  if (window.ResizeObserver) new ResizeObserver(reportHeight).observe(document.body);
  reportHeight();
})();
"""#
}

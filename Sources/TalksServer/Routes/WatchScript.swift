/// The watch page's script, served as `/watch.js`: progressive enhancement of a page
/// that already works without it (`WatchPage`).
///
/// - Clicking a line (or its time link, or a chapter) seeks instead of reloading the page:
///   a `<video>`/`<audio>` gets `currentTime`; a YouTube or Vimeo iframe is reloaded at
///   the new start (`?start=N&autoplay=1`, `#t=Ns` with `autoplay=1`). Reloading needs no
///   script from the platform (their postMessage APIs want their own script or an
///   `enablejsapi` handshake), so the page loads nothing from a third party until the
///   viewer plays.
/// - With a media file, the line being played follows playback (`timeupdate`), and the
///   transcript scrolls with it only while the previous line was in view: a viewer who
///   scrolled away keeps their place, and a "Följ uppspelningen" button brings it back.
/// - `?q=` marks get next/previous buttons and "3 av 12".
/// - On load, the line at `?t=` (or else the first match) is scrolled into view.
/// One listener on the list handles every line (event delegation): a 3,000-line transcript
/// costs no more handlers than a short one.
enum WatchScript {
    static let javascript = #"""
"use strict";
(function () {
  var player = document.getElementById("player");
  var kind = player ? player.getAttribute("data-kind") : null;
  var list = document.getElementById("cues");
  var pane = document.getElementById("transcript");
  var follow = document.getElementById("follow");
  if (!list) return;
  var lines = list.querySelectorAll("li[data-start]");
  var starts = [];
  for (var i = 0; i < lines.length; i++) starts.push(parseFloat(lines[i].getAttribute("data-start")) || 0);
  var current = list.querySelector('li[aria-current="true"]');
  var following = true;

  function paneScrolls() {
    return pane.scrollHeight > pane.clientHeight + 1 && getComputedStyle(pane).overflowY !== "visible";
  }
  function reveal(element) {
    if (!element) return;
    if (paneScrolls()) {
      var top = element.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
      pane.scrollTop = Math.max(0, top - pane.clientHeight / 3);
    } else {
      element.scrollIntoView({ block: "center" });
    }
  }
  function inView(element) {
    if (!element) return false;
    var box = element.getBoundingClientRect();
    var area = paneScrolls() ? pane.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
    return box.bottom > area.top && box.top < area.bottom;
  }
  function setCurrent(line) {
    if (line === current) return;
    if (current) current.removeAttribute("aria-current");
    current = line;
    if (current) current.setAttribute("aria-current", "true");
  }
  function lineAt(seconds) {
    var low = 0, high = starts.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (starts[middle] <= seconds) low = middle + 1; else high = middle;
    }
    return lines[Math.max(0, low - 1)] || null;
  }
  function remember(seconds) {
    if (!window.history || !history.replaceState) return;
    var url = new URL(window.location.href);
    url.searchParams.set("t", String(Math.floor(seconds)));
    url.hash = "";
    history.replaceState(null, "", url.toString());
  }
  function seek(seconds) {
    if (!player) return;
    if (kind === "media") {
      player.currentTime = seconds;
      var playing = player.play();
      if (playing && playing.catch) playing.catch(function () {});
    } else if (kind === "youtube" || kind === "vimeo") {
      var url = new URL(player.getAttribute("data-base"));
      var whole = Math.floor(seconds);
      url.searchParams.set("autoplay", "1");
      if (kind === "youtube") url.searchParams.set("start", String(whole));
      else url.hash = "t=" + whole + "s";
      player.src = url.toString();
    }
  }

  list.addEventListener("click", function (event) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var line = event.target.closest("li[data-start]");
    if (!line || !list.contains(line)) return;
    if (event.target.closest("a")) event.preventDefault();
    else if (String(window.getSelection ? window.getSelection() : "").length > 0) return;
    var seconds = parseFloat(line.getAttribute("data-start")) || 0;
    setCurrent(line);
    following = true;
    if (follow) follow.hidden = true;
    seek(seconds);
    remember(seconds);
  });

  var chapters = document.querySelector(".chapters");
  if (chapters) chapters.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-start]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    var seconds = parseFloat(link.getAttribute("data-start")) || 0;
    var line = lineAt(seconds);
    setCurrent(line);
    reveal(line);
    seek(seconds);
    remember(seconds);
  });

  if (player && kind === "media") {
    player.addEventListener("timeupdate", function () {
      var line = lineAt(player.currentTime);
      if (line === current) return;
      var wasVisible = inView(current);
      setCurrent(line);
      if (following && (wasVisible || !current)) reveal(line);
      else if (follow) { following = false; follow.hidden = false; }
    });
  }
  if (follow) follow.addEventListener("click", function () {
    following = true;
    follow.hidden = true;
    reveal(current);
  });

  var marks = list.querySelectorAll("mark");
  var count = document.getElementById("match-count");
  var previous = document.getElementById("previous-match");
  var next = document.getElementById("next-match");
  var active = -1;
  var summary = count ? count.textContent : "";
  function show(index) {
    if (!marks.length) return;
    if (active >= 0) marks[active].classList.remove("active");
    active = (index + marks.length) % marks.length;
    marks[active].classList.add("active");
    reveal(marks[active]);
    if (count) count.textContent = (active + 1) + " av " + summary;
  }
  if (previous && next && marks.length) {
    previous.hidden = false;
    next.hidden = false;
    previous.addEventListener("click", function () { show(active - 1); });
    next.addEventListener("click", function () { show(active + 1); });
  }

  if (current) reveal(current);
  else if (marks.length) show(0);
})();

"""#
}

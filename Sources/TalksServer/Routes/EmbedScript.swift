/// `/embed.js`: one `<script>` tag puts the search page into any website.
///
/// ```html
/// <script src="https://sok.example.se/embed.js" data-series="Landet lär" data-theme="auto"></script>
/// ```
/// The script inserts an `<iframe>` of the search page right after itself (the page's base
/// URL is taken from the script's own `src`) and keeps it as tall as the page inside, which
/// reports its height through `postMessage`; only messages from that frame and the script's
/// own origin count.
///
/// - `data-query`: a search to show at once; `data-height`: the height before the first report.
/// - `data-series`, `data-speaker`: a filter fixed for the site's own series or speaker
///   (`lock=` on the page: shown, never removable); with no query the page lists their episodes.
/// - `data-theme="light|dark|auto"` (`auto`: the visitor's `prefers-color-scheme`). Without
///   it the frame follows the host page: `auto` when the page declares a dark scheme
///   (CSS `color-scheme` including `dark`), else `light`, so a light site never shows a
///   dark box to a visitor whose system is dark.
/// - The host's look: the CSS custom properties `--talks-accent`, `--talks-accent-dark` and
///   `--talks-font`, read where the script stands (so `:root { --talks-accent: #8a1538 }`
///   applies), or the attributes `data-accent`, `data-accent-dark`, `data-font`, which win.
///   The page takes a colour only as `#rgb`/`#rrggbb` and a font only as a plain family list.
enum EmbedScript {
    static let javascript = #"""
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var source = new URL(script.src, location.href);
  var base = new URL(".", source);
  var data = script.dataset, params = new URLSearchParams({ embed: "1" });
  var style = script.parentNode && script.parentNode.nodeType === 1 ? getComputedStyle(script.parentNode) : null;
  function hostValue(attribute, property) {
    var value = data[attribute] || (style ? style.getPropertyValue(property) : "");
    return value ? value.trim() : "";
  }
  if (data.query) params.set("q", data.query);
  var locked = [];
  if (data.series) { params.set("series", data.series); locked.push("series"); }
  if (data.speaker) { params.set("speaker", data.speaker); locked.push("speaker"); }
  if (locked.length) params.set("lock", locked.join(","));
  if (data.theme === "light" || data.theme === "dark") params.set("theme", data.theme);
  else if (!data.theme && !/\bdark\b/.test(getComputedStyle(document.documentElement).colorScheme || "")) params.set("theme", "light");
  [["accent", "--talks-accent", "accent"], ["accentDark", "--talks-accent-dark", "accent_dark"], ["font", "--talks-font", "font"]]
    .forEach(function (entry) { var value = hostValue(entry[0], entry[1]); if (value) params.set(entry[2], value); });
  var frame = document.createElement("iframe");
  frame.src = base.href + "?" + params.toString();
  frame.title = data.title || "Sök i inspelningarna";
  frame.loading = "lazy";
  frame.style.cssText = "display:block;width:100%;border:0;color-scheme:normal;height:" + (parseInt(data.height, 10) || 480) + "px";
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener("message", function (event) {
    if (event.origin !== source.origin || event.source !== frame.contentWindow) return;
    var height = event.data && event.data.talksHeight;
    if (typeof height === "number" && height > 0 && height < 20000) frame.style.height = Math.ceil(height) + "px";
  });
})();
"""#
}

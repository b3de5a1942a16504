/// `/embed.js`: one `<script>` tag puts the search page into any website.
///
/// ```html
/// <script src="https://sok.example.se/embed.js" data-query="livsmedelsstrategi" data-height="520"></script>
/// ```
/// The script inserts an `<iframe>` of the search page right after itself (the page's
/// base URL is taken from the script's own `src`), and resizes it when the page reports
/// its height through `postMessage` (only messages from that frame and origin count).
enum EmbedScript {
    static let javascript = #"""
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var source = new URL(script.src, location.href);
  var base = new URL(".", source);
  var params = new URLSearchParams({ embed: "1" });
  if (script.dataset.query) params.set("q", script.dataset.query);
  var frame = document.createElement("iframe");
  frame.src = base.href + "?" + params.toString();
  frame.title = script.dataset.title || "Sök i inspelningarna";
  frame.loading = "lazy";
  frame.style.cssText = "display:block;width:100%;border:0;height:" + (parseInt(script.dataset.height, 10) || 480) + "px";
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener("message", function (event) {
    if (event.origin !== source.origin || event.source !== frame.contentWindow) return;
    var height = event.data && event.data.talksHeight;
    if (typeof height === "number" && height > 0 && height < 20000) frame.style.height = Math.ceil(height) + "px";
  });
})();
"""#
}

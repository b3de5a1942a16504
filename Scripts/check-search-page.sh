#!/usr/bin/env bash
# Checks the search page in a real headless browser (Debian's chromium):
#   1. builds talks, ingests the sample archive plus two episodes of a second series
#      ("Stad och land", written here) into a temporary index,
#   2. starts `talks serve --port 0` on loopback,
#   3. loads /?q=QUERY in headless chromium, dumps the DOM after the page's JavaScript
#      ran and checks it shows episodes with timestamped hits linking to the watch page,
#      the original recording beside each,
#   4. chooses a series in the page's facet select (Scripts/browser.py drives chromium over
#      the DevTools protocol) and checks only that series' hits remain and the URL says so,
#      and that going back restores the unfiltered list,
#   5. loads a page that embeds the search with embed.js (one <script> tag) and checks the
#      iframe appears, and that an embedding with data-series shows only that series and
#      grows to fit it,
#   6. checks the page's Content-Security-Policy stops a javascript: link in a real browser
#      (a page under the same policy clicks one; without the policy the click would run), and
#   7. takes screenshots of the search and the embedding, desktop (1280×800) and phone
#      (390×844), light and dark (look at them: the file tool shows PNGs).
# Usage: Scripts/check-search-page.sh [QUERY] [OUTPUT_DIR]
# Exit status 0 when every check passed. Installs chromium with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
query="${1:-livsmedelsstrategi}"
output="${2:-.build/search-page}"
mkdir -p "$output"

command -v chromium >/dev/null 2>&1 || Scripts/install-debian-packages.sh chromium fonts-dejavu-core

swift build --product talks >&2
talks="$(swift build --show-bin-path)/talks"
work="$(mktemp -d)"
server_pid=""
site_pid=""
cleanup() {
    for pid in $site_pid $server_pid; do
        if kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid"
            wait "$pid" 2>/dev/null || true
        fi
    done
    rm -rf "$work"
}
trap cleanup EXIT

# A second series, so that a facet can narrow the results.
for number in 1 2; do
    mkdir -p "$work/extra/stad-och-land-$number"
    cat >"$work/extra/stad-och-land-$number/episode.json" <<JSON
{"id": "stad-och-land-$number", "series": "Stad och land", "number": $number, "title": "Stad och land $number: maten mellan staden och landet",
 "date": "2025-0$number-14T12:00:00+01:00", "speakers": [{"name": "Amira Haddad"}, {"name": "Jonas Lind"}],
 "recording": "https://media.example.org/stad-och-land/$number.mp4"}
JSON
    cat >"$work/extra/stad-och-land-$number/transcript.vtt" <<VTT
WEBVTT

00:00:04.000 --> 00:00:09.000
<v Amira Haddad>Välkomna till Stad och land, avsnitt $number.

00:01:10.000 --> 00:01:16.000
<v Jonas Lind>Kommunens livsmedelsstrategi handlar om maten i skolan.

00:02:20.000 --> 00:02:26.000
<v Amira Haddad>En regional livsmedelsstrategi behöver både staden och landet.
VTT
done
"$talks" ingest archive "$work/extra" --index "$work/index" >&2
"$talks" serve --index "$work/index" --port 0 --quiet >"$work/address" 2>"$work/serve.log" &
server_pid=$!
for _ in $(seq 1 100); do
    [ -s "$work/address" ] && break
    sleep 0.1
done
base="$(head -n 1 "$work/address")"
[ -n "$base" ] || { echo "check-search-page: talks serve did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }
echo "check-search-page: serving at $base" >&2

encoded="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$query")"
page="${base}?q=${encoded}"
chrome=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
        --user-data-dir="$work/profile" --virtual-time-budget=5000)

failures=0
check() { # description, command...
    local description="$1"; shift
    if "$@"; then echo "ok: $description"; else echo "FAILED: $description"; failures=$((failures + 1)); fi
}

"${chrome[@]}" --dump-dom "$page" >"$output/search.html" 2>"$work/chromium.log"
episodes=$(grep -o '<li class="episode">' "$output/search.html" | wc -l)
hits=$(grep -o '<a class="time" href="watch/[^"?]*?t=[0-9]*&amp;q=[^"]*"' "$output/search.html" | wc -l)
originals=$(grep -o '<a class="original" href="https://[^"]*#t=[0-9.]*"' "$output/search.html" | wc -l)
check "the page ran its search and lists episodes ($episodes)" test "$episodes" -gt 0
check "hits link to the watch page at their second with the query ($hits)" test "$hits" -gt 0
check "each hit has the original recording at that second beside it ($originals)" test "$originals" -eq "$hits"
check "matches are marked" grep -q '<mark>' "$output/search.html"
check "the status line counts episodes in Swedish" grep -Eq 'id="status"[^>]*>[0-9]+ avsnitt<' "$output/search.html"

browser() { python3 Scripts/browser.py "$@" 2>>"$work/chromium.log"; }

# Facets narrow the results: choose a series in the select (as a viewer would), then go back.
cat >"$work/facet.js" <<'JS'
const until = async (test) => { for (let i = 0; i < 100 && !test(); i++) await new Promise(r => setTimeout(r, 100)); return test(); };
const metas = () => Array.from(document.querySelectorAll("li.episode .meta"), node => node.textContent);
const before = metas();
const select = document.getElementById("filter-series");
const option = Array.from(select.options).find(o => o.value === "Stad och land");
if (!option) return { error: "no 'Stad och land' option", options: Array.from(select.options, o => o.text) };
select.value = option.value;
select.dispatchEvent(new Event("change", { bubbles: true }));
await until(() => location.search.includes("series=") && metas().length > 0 && metas().length !== before.length);
const after = { metas: metas(), url: location.search, status: document.getElementById("status").textContent, option: option.text };
history.back();
await until(() => !location.search.includes("series=") && metas().length === before.length);
return { before, after, back: { metas: metas(), url: location.search, series: document.getElementById("filter-series").value } };
JS
browser "$page" --eval "$work/facet.js" >"$output/facet.json" || true
facets_narrow() {
    python3 - "$output/facet.json" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
after, back = result["after"], result["back"]
ok = (len(result["before"]) > len(after["metas"]) > 0
      and all(meta.startswith("Stad och land") for meta in after["metas"])
      and any(not meta.startswith("Stad och land") for meta in result["before"])
      and "series=Stad+och+land" in after["url"] and after["option"] == "Stad och land (%d)" % len(after["metas"])
      and len(back["metas"]) == len(result["before"]) and back["series"] == "")
print(json.dumps({"before": len(result["before"]), "after": len(after["metas"]), "url": after["url"], "back": back["url"]}, ensure_ascii=False))
sys.exit(0 if ok else 1)
PY
}
check "choosing a series shows only its hits, counted in the option, the URL says so and back restores" facets_narrow

# A third-party page on another origin (a second loopback port) embedding the search with
# one script tag. (Served over HTTP: a file:// page may not reach loopback from an iframe.)
mkdir -p "$work/site"
cat >"$work/site/embedding.html" <<HTML
<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Kommunens sida</title></head>
<body style="font-family: sans-serif; margin: 2rem; background: #f4f1ea">
<h1>Samtal om livsmedelsstrategin</h1><p>Här hittar du inspelade samtal från Landet lär.</p>
<script src="${base}embed.js" data-query="${query}" data-height="600"></script>
<p>Sidfot</p></body></html>
HTML
python3 -m http.server 0 --bind 127.0.0.1 --directory "$work/site" >"$work/site.log" 2>&1 &
site_pid=$!
site_port=""
for _ in $(seq 1 100); do
    site_port="$(grep -o 'port [0-9]*' "$work/site.log" | head -n 1 | cut -d' ' -f2 || true)"
    [ -n "$site_port" ] && break
    sleep 0.1
done
site="http://127.0.0.1:${site_port}/embedding.html"
"${chrome[@]}" --dump-dom "$site" >"$output/embedding.html" 2>>"$work/chromium.log"
check "embed.js inserted an iframe of the search page" grep -q "<iframe src=\"${base}?embed=1&amp;q=" "$output/embedding.html"

# An embedding fixed to one series, with the host's accent and font from CSS custom properties.
cat >"$work/site/series.html" <<HTML
<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Stad och land</title>
<style>body { font-family: Georgia, serif; margin: 2rem; background: #faf7f0; color: #222; }
.talks { --talks-accent: #8a1538; --talks-accent-dark: #f29bb5; --talks-font: Georgia, serif; }</style></head>
<body><h1>Stad och land – våra samtal</h1><div class="talks">
<script src="${base}embed.js" data-series="Stad och land" data-height="300"></script></div>
<p>Sidfot</p></body></html>
HTML
series_site="http://127.0.0.1:${site_port}/series.html"
cat >"$work/embedded.js" <<'JS'
const until = async (test) => { for (let i = 0; i < 100 && !test(); i++) await new Promise(r => setTimeout(r, 100)); return test(); };
await until(() => document.querySelectorAll("li.episode").length > 0);
return { metas: Array.from(document.querySelectorAll("li.episode .meta"), n => n.textContent), url: location.search,
         seriesSelect: !!document.getElementById("filter-series"), accent: getComputedStyle(document.documentElement).getPropertyValue("--accent").trim() };
JS
cat >"$work/host.js" <<'JS'
const frame = document.querySelector("iframe");
for (let i = 0; i < 100 && frame.style.height === "300px"; i++) await new Promise(r => setTimeout(r, 100));
return { height: frame.style.height, src: frame.src };
JS
base_origin="$(python3 -c 'import sys, urllib.parse; u = urllib.parse.urlsplit(sys.argv[1]); print(u.scheme + "://" + u.netloc)' "$base")"
browser "$series_site" --eval "$work/embedded.js" --frame-origin "$base_origin" >"$output/embedded.json" || true
browser "$series_site" --eval "$work/host.js" >"$output/host.json" || true
embed_shows_series() {
    python3 - "$output/embedded.json" "$output/host.json" <<'PY'
import json, sys
inside, host = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
print(json.dumps({"episodes": len(inside["metas"]), "accent": inside["accent"], "height": host["height"]}, ensure_ascii=False))
ok = (inside["metas"] and all(m.startswith("Stad och land") for m in inside["metas"]) and not inside["seriesSelect"]
      and "lock=series" in inside["url"] and inside["accent"] == "#8a1538" and host["height"] not in ("300px", ""))
sys.exit(0 if ok else 1)
PY
}
check "an embedding with data-series shows only that series, in the host's accent, and the frame fits it" embed_shows_series
# A host page that declares no dark scheme gets a light frame, also for a visitor in dark mode.
light_host() { browser "$series_site" --dark --eval "$work/host.js" | grep -q 'theme=light'; }
check "on a light host page the frame stays light when the visitor prefers dark" light_host

# Screenshots: desktop and phone, light and dark, of the search (results and facets) and the embedding.
for size in desktop:1280:800 phone:390:844; do
    IFS=: read -r name width height <<<"$size"
    mobile=""; [ "$name" = phone ] && mobile="--mobile"
    for scheme in light dark; do
        dark=""; [ "$scheme" = dark ] && dark="--dark"
        browser "${page}&year=2022" --width "$width" --height "$height" $mobile $dark --screenshot "$output/search-$name-$scheme.png" --full-page || true
        browser "$series_site" --width "$width" --height "$height" $mobile $dark --eval "$work/host.js" --screenshot "$output/embed-$name-$scheme.png" --full-page >/dev/null || true
    done
done
screenshots=$(ls "$output"/search-*-*.png "$output"/embed-*-*.png 2>/dev/null | wc -l)
check "8 screenshots written ($output/{search,embed}-{desktop,phone}-{light,dark}.png)" test "$screenshots" -eq 8

# The policy talks sends with the page must stop a javascript: link even if one reached the
# page. A page on the second origin carries the same policy (as a <meta> copy) and a link
# whose script would mark the page; its own external script (allowed by script-src 'self')
# clicks the link. The same page without the policy shows the click would otherwise run.
policy="$(python3 -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1]).headers.get("Content-Security-Policy", ""))' "$base")"
no_inline_script() { [ -n "$policy" ] && ! grep -Eq "script-src[^;]*'unsafe-inline'" <<<"$policy"; }
check "the page's policy allows no inline script ($policy)" no_inline_script
printf '%s\n' 'document.getElementById("link").click();' >"$work/site/click.js"
for variant in with-policy without-policy; do
    meta=""
    [ "$variant" = with-policy ] && meta="<meta http-equiv=\"Content-Security-Policy\" content=\"${policy}\">"
    cat >"$work/site/$variant.html" <<HTML
<!doctype html><html lang="sv"><head><meta charset="utf-8">${meta}<title>$variant</title></head>
<body><a id="link" href="javascript:document.body.setAttribute('data-ran','yes')">länk</a>
<script src="click.js"></script></body></html>
HTML
    "${chrome[@]}" --dump-dom "http://127.0.0.1:${site_port}/$variant.html" >"$output/$variant.html" 2>>"$work/chromium.log"
done
check "without the policy the javascript: link runs (the check can fail)" grep -q 'data-ran="yes"' "$output/without-policy.html"
check "under the page's policy the javascript: link does not run" bash -c "grep -q 'id=\"link\"' '$output/with-policy.html' && ! grep -q 'data-ran=' '$output/with-policy.html'"

if [ "$failures" -ne 0 ]; then
    echo "check-search-page: $failures check(s) failed; DOM in $output/search.html, chromium log:" >&2
    tail -n 20 "$work/chromium.log" >&2
    exit 1
fi
echo "check-search-page: all checks passed; screenshots in $output/"

#!/usr/bin/env bash
# Checks the search page in a real headless browser (Debian's chromium):
#   1. builds talks, ingests the sample archive into a temporary index,
#   2. starts `talks serve --port 0` on loopback,
#   3. loads /?q=QUERY in headless chromium, dumps the DOM after the page's JavaScript
#      ran and checks it shows episodes with timestamped hits linking into recordings,
#   4. loads a page that embeds the search with embed.js (one <script> tag) and checks
#      the iframe appears,
#   5. checks the page's Content-Security-Policy stops a javascript: link in a real browser
#      (a page under the same policy clicks one; without the policy the click would run), and
#   6. takes screenshots of the search and the embedding (look at them: the file tool shows PNGs).
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

"$talks" ingest archive --index "$work/index" >&2
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
hits=$(grep -o '<a class="time" href="[^"]*#t=[0-9.]*"' "$output/search.html" | wc -l)
check "the page ran its search and lists episodes ($episodes)" test "$episodes" -gt 0
check "hits are timestamped links into the recording ($hits)" test "$hits" -gt 0
check "matches are marked" grep -q '<mark>' "$output/search.html"
check "the status line counts episodes in Swedish" grep -Eq 'id="status"[^>]*>[0-9]+ avsnitt<' "$output/search.html"

"${chrome[@]}" --window-size=1000,900 --screenshot="$output/search.png" "$page" 2>>"$work/chromium.log"
check "screenshot written ($output/search.png)" test -s "$output/search.png"

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
"${chrome[@]}" --window-size=1000,1100 --screenshot="$output/embedding.png" "$site" 2>>"$work/chromium.log"
check "embedding screenshot written ($output/embedding.png)" test -s "$output/embedding.png"

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

#!/usr/bin/env bash
# Load test of `talks serve` on loopback with wrk (Debian's, installed when missing):
# /search over a rotation of Swedish queries and /suggest over a rotation of prefixes,
# each for DURATION seconds with CONNECTIONS keep-alive connections; prints requests per
# second and latency percentiles (p50, p99) for each.
#
# Usage: Scripts/load-test.sh [ARCHIVE_DIR] [DURATION_SECONDS] [CONNECTIONS]
#   ARCHIVE_DIR defaults to archive/ (the sample archive); pass the generated 1,000-episode
#   archive for the benchmark figures. CONFIGURATION=debug uses a debug build (default
#   release). THREADS sets talks serve --threads (default: cores). QUERIES=FILE takes the
#   /search queries from FILE, one per line (e.g. Benchmarks/queries.txt), instead of the
#   built-in rotation. Loopback only; bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
archive="${1:-archive}"
duration="${2:-10}"
connections="${3:-16}"
configuration="${CONFIGURATION:-release}"

command -v wrk >/dev/null 2>&1 || Scripts/install-debian-packages.sh wrk

swift build -c "$configuration" --product talks >&2
talks="$(swift build -c "$configuration" --show-bin-path)/talks"
work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid"
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

"$talks" ingest "$archive" --index "$work/index" >&2 || [ $? -eq 65 ]
threads_option=()
[ -n "${THREADS:-}" ] && threads_option=(--threads "$THREADS")
"$talks" serve --index "$work/index" --port 0 --quiet "${threads_option[@]}" >"$work/address" 2>"$work/serve.log" &
server_pid=$!
for _ in $(seq 1 100); do
    [ -s "$work/address" ] && break
    sleep 0.1
done
base="$(head -n 1 "$work/address")"
[ -n "$base" ] || { cat "$work/serve.log" >&2; exit 1; }
base="${base%/}"
episodes="$(curl -s "$base/episodes?limit=1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')"

cat >"$work/search.lua" <<'LUA'
local queries = { "livsmedelsstrategi", "kluster", "offentliga%20m%C3%A5ltider", "torka", "kompetensf%C3%B6rs%C3%B6rjning",
  "vatten", "upphandling", "%22gr%C3%B6na%20kluster%22", "djurh%C3%A5llning", "skog", "turism", "livsmedel%20strategi",
  "maltider", "Vreta", "bevattning", "landsbygd" }
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/search?q=" .. queries[(counter % #queries) + 1])
end
LUA
if [ -n "${QUERIES:-}" ]; then
    python3 - "$QUERIES" >"$work/search.lua" <<'PY'
import sys, urllib.parse
queries = [line.strip() for line in open(sys.argv[1], encoding="utf-8") if line.strip() and not line.startswith("#")]
print("local queries = {")
for query in queries:
    print('  "%s",' % urllib.parse.quote(query, safe=""))
print("}")
print("local counter = 0")
print("request = function()")
print("  counter = counter + 1")
print('  return wrk.format("GET", "/search?q=" .. queries[(counter % #queries) + 1])')
print("end")
PY
fi
cat >"$work/suggest.lua" <<'LUA'
local prefixes = { "l", "li", "liv", "livs", "livsm", "kl", "klu", "of", "off", "t", "to", "kom", "komp", "upp", "va", "sk", "tu", "m%C3%A5" }
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/suggest?q=" .. prefixes[(counter % #prefixes) + 1])
end
LUA

echo "load-test: $episodes episodes, $(nproc) cores shared by wrk and the server, ${connections} connections, ${duration} s each, $configuration build"
printf '%-10s %12s %10s %10s %10s %8s\n' endpoint "requests/s" p50 p90 p99 errors
for endpoint in search suggest; do
    wrk -t 1 -c "$connections" -d "${duration}s" --latency -s "$work/$endpoint.lua" "$base" >"$work/$endpoint.txt"
    rate="$(awk '/^Requests\/sec:/ {print $2}' "$work/$endpoint.txt")"
    p50="$(awk '$1 == "50%" {print $2}' "$work/$endpoint.txt")"
    p90="$(awk '$1 == "90%" {print $2}' "$work/$endpoint.txt")"
    p99="$(awk '$1 == "99%" {print $2}' "$work/$endpoint.txt")"
    errors="$(awk '/Non-2xx or 3xx responses:/ {print $5} /Socket errors:/ {print "socket:" $4 $5 $6 $7 $8 $9}' "$work/$endpoint.txt" | tr '\n' ' ')"
    printf '%-10s %12s %10s %10s %10s %8s\n' "/$endpoint" "$rate" "$p50" "$p90" "$p99" "${errors:-0}"
done

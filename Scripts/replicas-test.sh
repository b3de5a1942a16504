#!/usr/bin/env bash
# Two talks serve replicas behind nginx on loopback, under wrk load, while one replica is
# SIGKILLed and a new generation is published to the other: asserts 0 failed requests
# (wrk's non-2xx/3xx responses and socket errors) over at least MIN_REQUESTS, and that the
# new episode is served afterwards. Prints wrk's figures. Issue 15, item 3.
#
# Usage: Scripts/replicas-test.sh [DURATION_SECONDS]     (CI runs it from .ci/run)
#   Without DURATION_SECONDS, a 3 s warm-up measures the rate through nginx and the run
#   lasts twice as long as that rate needs for MIN_REQUESTS (30 to 90 s); if the machine
#   was slower than that, 10 s runs of the same load follow (at most 6) until the count is
#   reached. Every run must have 0 failed requests. CONFIGURATION=release uses a release build
#   (default debug: what `swift test` built). MIN_REQUESTS (default 30000), CONNECTIONS
#   (default 16).
# Needs Debian's nginx and wrk (installed when missing, Scripts/install-debian-packages.sh).
# nginx runs as the current user with a temporary prefix and Deploy/nginx/talks.conf, only
# its ports and cache folder changed; nothing is installed or listened on outside loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-}"
configuration="${CONFIGURATION:-debug}"
minimum="${MIN_REQUESTS:-30000}"
connections="${CONNECTIONS:-16}"
word="blåbärsrobotmöte"                  # the new episode's distinctive word
word_url="bl%C3%A5b%C3%A4rsrobotm%C3%B6te"

command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || Scripts/install-debian-packages.sh nginx
command -v wrk >/dev/null 2>&1 || Scripts/install-debian-packages.sh wrk
nginx_binary="$(command -v nginx || echo /usr/sbin/nginx)"

swift build -c "$configuration" --product talks >&2
talks="$(swift build -c "$configuration" --show-bin-path)/talks"
work="$(mktemp -d)"
pids=()
nginx_started=""
cleanup() {
    for pid in "${pids[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [ -n "$nginx_started" ] && [ -s "$work/nginx/nginx.pid" ]; then
        kill -QUIT "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
        sleep 0.3
    fi
    rm -rf "$work"
}
trap cleanup EXIT
say() { echo "replicas-test: $*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

# One index from archive/, published to two replica folders.
"$talks" ingest archive --index "$work/source" >&2
"$talks" publish --quiet --index "$work/source" "$work/replica-1" >&2
"$talks" publish --quiet --index "$work/source" "$work/replica-2" >&2

# Two replicas on ephemeral ports. Behind a proxy every request comes from one address.
start_replica() {
    "$talks" serve --index "$work/replica-$1" --port 0 --quiet --max-connections-per-address 256 \
        >"$work/address-$1" 2>"$work/serve-$1.log" &
    pids+=($!)
    eval "replica_pid_$1=$!"
    for _ in $(seq 1 100); do
        [ -s "$work/address-$1" ] && break
        sleep 0.1
    done
    local base
    base="$(head -n 1 "$work/address-$1")"
    [ -n "$base" ] || { cat "$work/serve-$1.log" >&2; fail "replica $1 did not start"; }
    base="${base%/}"
    eval "replica_port_$1=${base##*:}"
}
start_replica 1
start_replica 2

# nginx with Deploy/nginx/talks.conf: the replicas' ports, a free loopback port, a cache in $work.
nginx_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
mkdir -p "$work/nginx/cache" "$work/nginx/logs" "$work/nginx/temp"
sed -e "s|server 127.0.0.1:8081 |server 127.0.0.1:$replica_port_1 |" \
    -e "s|server 127.0.0.1:8082 |server 127.0.0.1:$replica_port_2 |" \
    -e "s|/var/cache/nginx/talks|$work/nginx/cache|" \
    -e "s|listen 80;|listen 127.0.0.1:$nginx_port;|" \
    -e "/listen \[::\]:80;/d" \
    Deploy/nginx/talks.conf >"$work/nginx/talks.conf"
grep -q "127.0.0.1:$replica_port_1 " "$work/nginx/talks.conf" && grep -q "127.0.0.1:$replica_port_2 " "$work/nginx/talks.conf" \
    || fail "Deploy/nginx/talks.conf no longer has the 127.0.0.1:8081/8082 upstream lines this script replaces"
user_line=""
[ "$(id -u)" -eq 0 ] && user_line="user $(id -un) $(id -gn);"
cat >"$work/nginx/nginx.conf" <<NGINX
$user_line
daemon on;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/temp/body;
    proxy_temp_path $work/nginx/temp/proxy;
    fastcgi_temp_path $work/nginx/temp/fastcgi;
    uwsgi_temp_path $work/nginx/temp/uwsgi;
    scgi_temp_path $work/nginx/temp/scgi;
    include $work/nginx/talks.conf;
}
NGINX
"$nginx_binary" -p "$work/nginx" -c "$work/nginx/nginx.conf" -t -q || fail "nginx rejects the configuration"
"$nginx_binary" -p "$work/nginx" -c "$work/nginx/nginx.conf"
nginx_started=1
base="http://127.0.0.1:$nginx_port"
for _ in $(seq 1 50); do
    curl -s -o /dev/null "$base/health" && break
    sleep 0.1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/search?q=Vreta")" = 200 ] || fail "nginx does not answer /search"

# The cache honours talks serve's Cache-Control and ETag: a query's second request fills
# the entry (proxy_cache_min_uses 2), the third is a HIT.
for _ in 1 2; do curl -s -o /dev/null "$base/suggest?q=liv"; done
cache_status="$(curl -s -D - -o /dev/null "$base/suggest?q=liv" | tr -d '\r' | sed -n 's/^X-Cache-Status: //Ip')"
[ "$cache_status" = HIT ] || fail "the third /suggest?q=liv was not served from nginx's cache (X-Cache-Status: $cache_status)"

# The new episode: a copy of a sample episode, retitled with a distinctive word.
mkdir -p "$work/extra"
cp -r archive/landet-lar-55 "$work/extra/replica-test-episode"
python3 - "$work/extra/replica-test-episode/episode.json" "$word" <<'PY'
import json, sys
path, word = sys.argv[1], sys.argv[2]
episode = json.load(open(path, encoding="utf-8"))
episode["id"] = "replica-test-episode"
episode["title"] = "Om " + word + " i Sverige"
json.dump(episode, open(path, "w", encoding="utf-8"), ensure_ascii=False)
PY
[ "$(curl -s "$base/search?q=$word_url" | python3 -c 'import json, sys; print(json.load(sys.stdin)["total_episodes"])')" = 0 ] \
    || fail "the distinctive word is already in the index"

# Every request is a new URL (a counter), so none is a cache hit: all go to the replicas.
cat >"$work/search.lua" <<'LUA'
-- Real searches, kept light (one episode, one hit) so that a debug build on two cores
-- still passes the request count: the test is of failover and publishing, not of speed.
local queries = { "Vreta", "torka", "Vinnova", "agtech", "kluster", "bevattning", "v%C3%A5tmarker", "Agtech%202030",
  "%22gr%C3%B6na%20kluster%22", "livsmedelsstrategi", "maltider", "turism" }
local counter = 0
local thread_number = 0
setup = function(thread)
  thread_number = thread_number + 1
  thread:set("id", tostring(thread_number) .. "-" .. tostring(os.time()))
end
request = function()
  counter = counter + 1
  return wrk.format("GET", "/search?q=" .. queries[(counter % #queries) + 1] .. "&limit=1&hits=1&r=" .. id .. "-" .. counter)
end
LUA

if [ -z "$duration" ]; then
    rate="$(wrk -t 2 -c "$connections" -d 3s -s "$work/search.lua" "$base" | sed -n 's/^Requests\/sec: *\([0-9]*\).*/\1/p')"
    [ -n "$rate" ] && [ "$rate" -gt 0 ] || fail "the warm-up run of wrk gave no rate"
    # Twice the time the warm-up rate needs: after the kill one replica carries the load.
    duration=$(( (minimum * 2 + rate - 1) / rate ))
    [ "$duration" -lt 30 ] && duration=30
    [ "$duration" -gt 90 ] && duration=90
    say "warm-up: $rate requests/s through nginx, so $duration s for $minimum requests"
fi

# Checks one wrk report (0 non-2xx/3xx, 0 socket errors) and adds its requests to the total.
total=0
count_run() {
    local report="$1" requests non_success socket_errors
    cat "$report"
    requests="$(sed -n 's/^ *\([0-9][0-9]*\) requests in .*/\1/p' "$report")"
    [ -n "$requests" ] || fail "no request count in wrk's output"
    non_success="$(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$report")"
    socket_errors="$(sed -n 's/^ *Socket errors: \(.*\)$/\1/p' "$report")"
    [ -z "$non_success" ] || fail "$non_success requests were answered with a status outside 2xx/3xx"
    [ -z "$socket_errors" ] || fail "socket errors: $socket_errors"
    total=$((total + requests))
}

say "wrk: ${duration} s, $connections connections, against nginx on port $nginx_port (replicas on $replica_port_1 and $replica_port_2)"
wrk -t 2 -c "$connections" -d "${duration}s" --latency --timeout 10s -s "$work/search.lua" "$base" >"$work/wrk.txt" &
wrk_pid=$!
sleep "$((duration / 3))"
say "SIGKILL replica 1 (PID $replica_pid_1)"
kill -KILL "$replica_pid_1"
wait "$replica_pid_1" 2>/dev/null || true   # reaped here, so bash does not report "Killed"
sleep "$((duration / 6))"
say "publishing a new generation (one more episode) to replica 2"
"$talks" ingest "$work/extra" --index "$work/source" >&2
"$talks" publish --index "$work/source" "$work/replica-2" >&2
wait "$wrk_pid" || fail "wrk exited with status $?"
count_run "$work/wrk.txt"
# A machine slower than its warm-up said: more of the same load (replica 1 still dead,
# nginx still retrying it every 5 s) until the count is reached, within 60 s more.
for extra_run in 1 2 3 4 5 6; do
    [ "$total" -ge "$minimum" ] && break
    say "$total requests so far; 10 s more"
    wrk -t 2 -c "$connections" -d 10s --latency --timeout 10s -s "$work/search.lua" "$base" >"$work/wrk-$extra_run.txt" \
        || fail "wrk exited with status $?"
    count_run "$work/wrk-$extra_run.txt"
done
[ "$total" -ge "$minimum" ] || fail "only $total requests (at least $minimum wanted); try a longer duration"
requests="$total"

found="$(curl -s "$base/search?q=$word_url" | python3 -c 'import json, sys; print(" ".join(r["episode"]["id"] for r in json.load(sys.stdin)["results"]))')"
[ "$found" = "replica-test-episode" ] || fail "the new episode is not served after the publish (found: '$found')"
generation="$(curl -s "$base/health" | python3 -c 'import json, sys; print(json.load(sys.stdin)["generation"])')"
say "ok: $requests requests, 0 non-2xx/3xx, 0 socket errors, replica 1 killed, generation $generation served with the new episode"

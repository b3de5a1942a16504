#!/usr/bin/env bash
# Crash-safety loop: kill `talks ingest` with SIGKILL at random moments and check that the
# index still opens, passes `talks verify`, and holds exactly the previous or the new
# generation; then that the next writer cleans up what the killed one left.
#
#   Tests/TalksIndexTests/Scripts/kill-loop.sh ARCHIVE [ITERATIONS] [MIN_MS] [MAX_MS]
#
# ARCHIVE is a larger archive to ingest on top of an index of the sample archive (e.g.
# one made by Benchmarks/generate_archive.py). Pick MIN_MS..MAX_MS to cover the run of
# `talks ingest ARCHIVE` (time it once first), so kills land in loading, building and
# committing. Uses .build/release/talks (swift build -c release --product talks).
set -euo pipefail
cd "$(dirname "$0")/../../.."
archive=${1:?usage: kill-loop.sh ARCHIVE [ITERATIONS] [MIN_MS] [MAX_MS]}
iterations=${2:-30}
min_ms=${3:-50}
max_ms=${4:-3000}
talks=$PWD/.build/release/talks
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$talks" ingest archive --index "$work/base" > /dev/null
base=$("$talks" stats --json --index "$work/base")
old=0; new=0; bad=0
for ((i = 1; i <= iterations; i++)); do
    rm -rf "$work/index"; cp -a "$work/base" "$work/index"
    delay=$((RANDOM % (max_ms - min_ms + 1) + min_ms))
    "$talks" ingest "$archive" --index "$work/index" > /dev/null 2>&1 & pid=$!
    sleep "$(awk "BEGIN { print $delay / 1000 }")"
    kill -9 "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
    if ! "$talks" verify --index "$work/index" > "$work/verify.txt" 2>&1; then
        echo "iteration $i (${delay} ms): verify failed:"; cat "$work/verify.txt"; bad=$((bad + 1)); continue
    fi
    now=$("$talks" stats --json --index "$work/index")
    if [[ "$now" == "$base" ]]; then old=$((old + 1)); else new=$((new + 1)); fi
    "$talks" ingest "$archive" --index "$work/index" > /dev/null 2>&1 || { echo "iteration $i: next ingest failed"; bad=$((bad + 1)); }
    if grep -q "not named by the manifest" <("$talks" verify --index "$work/index"); then
        echo "iteration $i: leftovers not collected"; bad=$((bad + 1))
    fi
done
echo "kill loop: $iterations kills, $old left the previous generation, $new the new one, $bad failures"
[[ $bad -eq 0 ]]

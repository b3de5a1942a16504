#!/usr/bin/env bash
# Crash-safety loop: kill `talks ingest` with SIGKILL at random moments and check that the
# index still opens, passes `talks verify`, and holds exactly the previous or the new
# generation (byte for byte the same `talks stats --json` as an uninterrupted run, never a
# mix); then that the next writer cleans up what the killed one left and brings the index to
# exactly the new generation.
#
#   Tests/TalksIndexTests/Scripts/kill-loop.sh [--iterations N] [--talks PATH] [--memory MB]
#                                              [--base ARCHIVE] ARCHIVE [MIN_MS] [MAX_MS]
#
# ARCHIVE is a larger archive ingested on top of an index of the --base archive (default: the
# sample archive/), e.g. one made by Benchmarks/generate_archive.py; .ci/reliability.sh makes
# one. When ARCHIVE changes episodes of the base, the commit also deletes and merges. MIN_MS..MAX_MS is
# the range of kill delays; by default it covers an uninterrupted run (timed first), with
# half the kills in its last third, where segments are written, merged and committed.
# --memory (default 16 MB) makes ingest flush several segments, so kills land mid-write.
# Default talks: .build/release/talks if built, else .build/debug/talks.
# Prints one summary line; exits 1 if any iteration failed.
set -euo pipefail
cd "$(dirname "$0")/../../.."
iterations=30
talks=""
memory=16
base_archive=archive
while [[ $# -gt 0 && $1 == --* ]]; do
    case $1 in
        --iterations) iterations=$2; shift 2 ;;
        --talks) talks=$2; shift 2 ;;
        --memory) memory=$2; shift 2 ;;
        --base) base_archive=$2; shift 2 ;;
        *) echo "kill-loop.sh: unknown option $1" >&2; exit 64 ;;
    esac
done
archive=${1:?usage: kill-loop.sh [--iterations N] [--talks PATH] [--memory MB] [--base ARCHIVE] ARCHIVE [MIN_MS] [MAX_MS]}
if [[ -z $talks ]]; then
    talks=$PWD/.build/release/talks
    [[ -x $talks ]] || talks=$PWD/.build/debug/talks
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now_ms() { date +%s%3N; }

"$talks" ingest "$base_archive" --index "$work/base" --memory "$memory" > /dev/null
old_stats=$("$talks" stats --json --index "$work/base")
# The new generation, from an uninterrupted run (ingest is deterministic), and its duration.
cp -a "$work/base" "$work/reference"
started=$(now_ms)
"$talks" ingest "$archive" --index "$work/reference" --memory "$memory" > /dev/null
duration=$(( $(now_ms) - started ))
new_stats=$("$talks" stats --json --index "$work/reference")
[[ $new_stats != "$old_stats" ]] || { echo "kill-loop: the archive adds nothing to the index"; exit 1; }
min_ms=${2:-20}
fixed_max=${3:-}

old=0; new=0; leftovers=0; bad=0
for ((i = 1; i <= iterations; i++)); do
    rm -rf "$work/index"; cp -a "$work/base" "$work/index"
    # The range follows the latest uninterrupted run, so kills keep landing inside the
    # ingest when the machine's load changes.
    max_ms=${fixed_max:-$(( duration * 11 / 10 ))}
    late_ms=$(( min_ms + (max_ms - min_ms) * 2 / 3 ))
    if (( RANDOM % 2 )); then low=$late_ms; else low=$min_ms; fi
    delay=$(( RANDOM * 32768 + RANDOM ))
    delay=$(( delay % (max_ms - low + 1) + low ))
    "$talks" ingest "$archive" --index "$work/index" --memory "$memory" > /dev/null 2>&1 & pid=$!
    sleep "$(awk "BEGIN { print $delay / 1000 }")"
    kill -9 "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
    if ! "$talks" verify --index "$work/index" > "$work/verify.txt" 2>&1; then
        echo "iteration $i (${delay} ms): verify failed:"; cat "$work/verify.txt"; bad=$((bad + 1)); continue
    fi
    grep -q "not named by the manifest" "$work/verify.txt" && leftovers=$((leftovers + 1))
    stats=$("$talks" stats --json --index "$work/index")
    if [[ $stats == "$old_stats" ]]; then old=$((old + 1))
    elif [[ $stats == "$new_stats" ]]; then new=$((new + 1))
    else echo "iteration $i (${delay} ms): neither the previous nor the new generation: $stats"; bad=$((bad + 1)); continue
    fi
    # The next writer cleans up and finishes the job: exactly the new generation, no leftovers.
    started=$(now_ms)
    if ! "$talks" ingest "$archive" --index "$work/index" --memory "$memory" > "$work/ingest.txt" 2>&1; then
        echo "iteration $i (${delay} ms): the next ingest failed:"; cat "$work/ingest.txt"; bad=$((bad + 1)); continue
    fi
    [[ $stats == "$old_stats" ]] && duration=$(( $(now_ms) - started ))
    "$talks" verify --index "$work/index" > "$work/verify.txt" 2>&1 || { echo "iteration $i: verify after the next ingest failed"; cat "$work/verify.txt"; bad=$((bad + 1)); continue; }
    if grep -q "not named by the manifest" "$work/verify.txt"; then
        echo "iteration $i (${delay} ms): leftovers not collected by the next writer"; bad=$((bad + 1)); continue
    fi
    # Temporary manifests and stamp files (checked.json.tmp-*) are leftovers too.
    if ls "$work/index" | grep -q '\.tmp'; then
        echo "iteration $i (${delay} ms): temporary files not collected by the next writer: $(ls "$work/index" | grep '\.tmp')"; bad=$((bad + 1)); continue
    fi
    [[ $("$talks" stats --json --index "$work/index") == "$new_stats" ]] || { echo "iteration $i: the next ingest did not reach the new generation"; bad=$((bad + 1)); }
    (( i % 10 == 0 )) && echo "… $i kills: $old previous, $new new, $leftovers with leftovers, $bad failures"
done
echo "kill loop ($(basename "$base_archive") + $(basename "$archive")): $iterations kills up to ${max_ms} ms into a ${duration} ms ingest: $old left the previous generation," \
     "$new the new one, $leftovers left temporary files (all collected by the next writer), $bad failures"
[[ $bad -eq 0 ]]

#!/usr/bin/env bash
# Crash safety in CI (issue 5): SIGKILL `talks ingest` at random points of an ingest of a
# generated archive, a bounded number of times, and check after each kill that the index
# passes `talks verify`, holds exactly the previous or the new generation, and that the next
# writer collects the leftovers. About 5 s per kill on 2 cores with the debug build.
#
#   .ci/reliability.sh [ITERATIONS]        (default 25; RELIABILITY_ITERATIONS also works)
set -euo pipefail
cd "$(dirname "$0")/.."
iterations=${1:-${RELIABILITY_ITERATIONS:-25}}
talks=$PWD/.build/debug/talks
[[ -x $talks ]] || swift build --product talks
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# 60 episodes of about 45 minutes (2.4 MB of cue text): a debug ingest of about 2 s.
python3 Benchmarks/generate_archive.py --episodes 60 --out "$work/archive" > /dev/null
Tests/TalksIndexTests/Scripts/kill-loop.sh --iterations "$iterations" --talks "$talks" "$work/archive"

#!/usr/bin/env bash
# Crash safety in CI (issue 5): SIGKILL `talks ingest` at random points of ingests of a
# generated archive, a bounded number of times, and check after each kill that the index
# passes `talks verify`, holds exactly the previous or the new generation, and that the next
# writer collects the leftovers and reaches the new generation. Two kinds of commit:
#   1. 60 new episodes on top of the sample archive (segments written, fsynced, committed);
#   2. half of those 60 episodes changed (replacements: deletes, and merges that rewrite
#      segments more than 30% deleted).
# About 5 s per kill on 2 cores with the debug build; the default 25 kills take about 2.5 min.
#
#   .ci/reliability.sh [KILLS]        (default 25, split 15 + 10; RELIABILITY_KILLS also works)
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-${RELIABILITY_KILLS:-25}}
talks=$PWD/.build/debug/talks
[[ -x $talks ]] || swift build --product talks
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The archive generator is the benchmark's (Python 3, standard library only).
command -v python3 > /dev/null || Scripts/install-debian-packages.sh python3
# 60 episodes of about 45 minutes (2.4 MB of cue text): a debug ingest of about 2 s.
python3 Benchmarks/generate_archive.py --episodes 60 --out "$work/generated" > /dev/null
cp -a "$work/generated" "$work/changed"
for folder in $(ls "$work/changed" | awk 'NR % 2 == 0'); do
    printf '\n99:00:00.000 --> 99:00:05.000\nEtt tillägg i en ändrad utgåva.\n' >> "$work/changed/$folder/transcript.vtt"
done
loop=Tests/TalksIndexTests/Scripts/kill-loop.sh
"$loop" --iterations $(( kills - kills * 2 / 5 )) --talks "$talks" "$work/generated"
"$loop" --iterations $(( kills * 2 / 5 )) --talks "$talks" --base "$work/generated" "$work/changed"

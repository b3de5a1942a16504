#!/usr/bin/env bash
# `talks import-ytdlp` on a generated channel folder: a first import into an empty archive
# and a re-run with nothing changed, with hyperfine (medians).
#
# Usage: Benchmarks/ytdlp-import.sh [--videos N] [--minutes M] [--runs R]
#   --videos   videos in the generated folder (default 200)
#   --minutes  length of each video's rolling caption track (default 10)
#   --runs     timed runs of each command (default 5)
#   TALKS=/path/to/talks uses that binary instead of building one (release).
#
# Writes Benchmarks/work/ytdlp/{downloads, archive} (Benchmarks/ytdlp_folder.py, seed 1).
set -euo pipefail
cd "$(dirname "$0")/.."
videos=200
minutes=10
runs=5
while [ $# -gt 0 ]; do
    case "$1" in
        --videos) videos="$2"; shift 2 ;;
        --minutes) minutes="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "ytdlp-import.sh: unknown option '$1' (try --help)" >&2; exit 64 ;;
    esac
done
say() { echo "ytdlp-import.sh: $*" >&2; }
command -v hyperfine >/dev/null 2>&1 || { say "installing hyperfine (apt-get)"; apt-get update -qq; apt-get install -y -qq hyperfine >/dev/null; }
work=Benchmarks/work/ytdlp
rm -rf "$work/downloads" && mkdir -p "$work"
say "generating $videos videos of $minutes minutes"
python3 Benchmarks/ytdlp_folder.py --videos "$videos" --minutes "$minutes" --seed 1 --out "$work/downloads" >&2
talks="${TALKS:-}"
if [ -z "$talks" ]; then
    say "building talks (swift build -c release)"
    swift build -c release --product talks >&2
    talks=".build/release/talks"
fi
say "timing (hyperfine)"
hyperfine -N --runs "$runs" --export-json "$work/import.json" \
    --prepare "rm -rf $work/archive" "$talks import-ytdlp $work/downloads --into $work/archive" >&2
hyperfine -N --warmup 1 --runs "$runs" --export-json "$work/rerun.json" \
    "$talks import-ytdlp $work/downloads --into $work/archive" >&2
python3 - "$work" "$videos" <<'PY'
import json, os, sys
work, videos = sys.argv[1], int(sys.argv[2])
size = sum(os.path.getsize(os.path.join(work, "downloads", name)) for name in os.listdir(os.path.join(work, "downloads")))
for label, name in (("first import", "import.json"), ("re-run, nothing changed", "rerun.json")):
    result = json.load(open(os.path.join(work, name)))["results"][0]
    median = result["median"]
    print(f"talks import-ytdlp, {videos} videos ({size / 1e6:.1f} MB), {label}: median {median * 1000:.0f} ms "
          f"of {len(result['times'])} runs, {median / videos * 1000:.2f} ms a video")
PY

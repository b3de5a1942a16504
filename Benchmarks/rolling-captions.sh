#!/usr/bin/env bash
# One hour of YouTube automatic captions (rolling, as yt-dlp saves them): what talks makes of
# it and how fast it reads and ingests it, against the same speech as ordinary WebVTT.
#
# Usage: Benchmarks/rolling-captions.sh [--minutes M] [--repeat R] [--rounds Q]
#   --minutes  length of the generated speech (default 60)
#   --repeat   whole reader measurements; medians are reported (default 3)
#   --rounds   timed reads of each file per measurement, after two warm-up reads (default 21)
#   TALKS=/path/to/talks uses that binary for the ingest measurement instead of building one.
#
# Writes Benchmarks/work/rolling/{rolling.sv.vtt, rolling.sv.srt, plain.sv.vtt, spoken.txt}
# (Benchmarks/rolling_captions.py, seed 1), builds Benchmarks/TranscriptReader in release mode
# and runs it on the three transcripts (cues in the file and read, words in the cues against
# words spoken, median MB/s of TranscriptReader.read), then times `talks ingest` of a
# one-episode archive of each with hyperfine (median of 10, the index removed before each run;
# MB/s and cues/s of transcript).
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=60
repeat=3
rounds=21
while [ $# -gt 0 ]; do
    case "$1" in
        --minutes) minutes="$2"; shift 2 ;;
        --repeat) repeat="$2"; shift 2 ;;
        --rounds) rounds="$2"; shift 2 ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "rolling-captions.sh: unknown option '$1' (try --help)" >&2; exit 64 ;;
    esac
done
say() { echo "rolling-captions.sh: $*" >&2; }
command -v hyperfine >/dev/null 2>&1 || { say "installing hyperfine (apt-get)"; apt-get update -qq; apt-get install -y -qq hyperfine >/dev/null; }

work=Benchmarks/work/rolling
mkdir -p "$work"
say "generating $minutes minutes of rolling captions"
python3 Benchmarks/rolling_captions.py --minutes "$minutes" --seed 1 --out "$work" >&2

say "building Benchmarks/TranscriptReader (swift build -c release)"
swift build -c release --package-path Benchmarks/TranscriptReader >&2
reader="Benchmarks/TranscriptReader/.build/release/TranscriptReaderBenchmark"
talks="${TALKS:-}"
if [ -z "$talks" ]; then
    say "building talks (swift build -c release)"
    swift build -c release --product talks >&2
    talks=".build/release/talks"
fi

results="$work/reader.jsonl"
: > "$results"
for run in $(seq "$repeat"); do
    say "reader measurement $run of $repeat"
    "$reader" --rounds "$rounds" --spoken "$work/spoken.txt" "$work/rolling.sv.vtt" "$work/rolling.sv.srt" "$work/plain.sv.vtt" >> "$results"
done

for kind in rolling plain; do
    rm -rf "$work/archive-$kind" && mkdir -p "$work/archive-$kind/hour"
    cp "$work/$kind.sv.vtt" "$work/archive-$kind/hour/transcript.vtt"
    printf '{"title": "En timme automatiska undertexter", "date": "2024-01-15T12:00:00+01:00", "recording": "https://www.youtube.com/watch?v=aB3dE5fG7hJ"}\n' \
        > "$work/archive-$kind/hour/episode.json"
done
say "timing talks ingest (hyperfine)"
hyperfine -N --warmup 2 --runs 10 --export-json "$work/ingest.json" \
    --prepare "rm -rf $work/index-rolling" "$talks ingest $work/archive-rolling --index $work/index-rolling" \
    --prepare "rm -rf $work/index-plain" "$talks ingest $work/archive-plain --index $work/index-plain" >&2

python3 - "$results" "$work/ingest.json" "$work" <<'PY'
import json, os, statistics, sys
results, ingest, work = sys.argv[1:4]
rows = {}
for line in open(results):
    row = json.loads(line)
    rows.setdefault(os.path.basename(row["file"]), []).append(row)
print("| file | bytes | cues in file | cues read | words in cues | words spoken | lines exact | reader MB/s (median of %d) |" % len(next(iter(rows.values()))))
print("|---|---|---|---|---|---|---|---|")
for name, runs in rows.items():
    first = runs[0]
    rate = statistics.median(r["mb_per_second"] for r in runs)
    exact = first.get("cues_are_the_spoken_lines")
    print(f"| {name} | {first['bytes']:,} | {first['cues_in_file']:,} | {first['cues_read']:,} | {first['words_in_cues']:,} "
          f"| {first['spoken_words']:,} | {'yes' if exact else 'no'} | {rate:.1f} |")
for row in (runs[0] for runs in rows.values()):
    for note in row["notes"]:
        print(f"\n{os.path.basename(row['file'])}: {note}")
print()
sizes = {"rolling": os.path.getsize(os.path.join(work, "rolling.sv.vtt")), "plain": os.path.getsize(os.path.join(work, "plain.sv.vtt"))}
for result in json.load(open(ingest))["results"]:
    kind = "rolling" if "archive-rolling" in result["command"] else "plain"
    median = result["median"]
    counts = rows[f"{kind}.sv.vtt"][0]
    print(f"talks ingest, {kind}.sv.vtt: median {median * 1000:.1f} ms of {len(result['times'])} runs, "
          f"{sizes[kind] / median / 1e6:.2f} MB/s of transcript, {counts['cues_in_file'] / median:,.0f} cues in the file/s "
          f"({counts['cues_read'] / median:,.0f} indexed cues/s); CPU {result['user'] * 1000:.0f} ms user + "
          f"{result['system'] * 1000:.0f} ms system (means)")
PY

#!/usr/bin/env bash
# talks on one large generated archive (issue 15 item 2): the 50,000-episode run as one command.
#
# Usage: Benchmarks/scale.sh [--episodes N] [--add A] [--rounds Q] [--serve-seconds S] [--runs C]
#   --episodes   archive size (default 50000: about 2 GB of cue text, 3.7 GB of WebVTT)
#   --add        episodes ingested afterwards into the big index, to show that one ingest
#                does not rewrite it (default 100; episode numbers N+1..N+A of the same seed)
#   --rounds     timed passes over the query set (default 3)
#   --serve-seconds  wrk duration per endpoint (default 10)
#   --runs       cold starts, each after evicting the index from the page cache (default 5)
#   TALKS=/path/to/talks uses that binary instead of building this checkout.
#   GENERATE_JOBS=J generates with J processes (default: the processor count).
#
# Steps: Benchmarks/run.sh --talks-only --repeat 1 --keep-index --episodes N (generates the
# archive into Benchmarks/work/archive-N once and caches it; ingest time, CPU, peak RSS,
# index size, p50/p99/max in process, warm cold start, talks serve under wrk), then
# scale_extras.py on the kept index (cold start after evicting the index from the page
# cache, memory against the default --memory budget, the incremental ingest of --add
# episodes: bytes written, segments merged). Results: Benchmarks/work/results/N/talks-1.json
# and scale.json. Long (tens of minutes at 50,000) and not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=Benchmarks
work="$bench/work"
episodes=50000
add=100
rounds=3
serve_seconds=10
runs=5
while [ $# -gt 0 ]; do
    case "$1" in
        --episodes) episodes="$2"; shift 2 ;;
        --add) add="$2"; shift 2 ;;
        --rounds) rounds="$2"; shift 2 ;;
        --serve-seconds) serve_seconds="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "scale.sh: unknown option '$1' (try --help)" >&2; exit 64 ;;
    esac
done
say() { echo "scale.sh: $*" >&2; }

if [ -z "${TALKS:-}" ]; then
    say "building talks (swift build -c release)"
    swift build -c release --product talks >&2
    TALKS="$(swift build -c release --show-bin-path)/talks"
fi
export TALKS

TALKS="$TALKS" "$bench/run.sh" --talks-only --repeat 1 --keep-index --episodes "$episodes" \
    --rounds "$rounds" --serve-seconds "$serve_seconds"

# The episodes the incremental ingest adds: the next numbers of the same seed, cached.
addition="$work/addition-$episodes-$add"
if [ ! -f "$addition.generated" ]; then
    rm -rf "$addition"
    say "generating episodes $((episodes + 1))..$((episodes + add)) into $addition"
    python3 "$bench/generate_archive.py" --episodes "$((episodes + add))" --first "$episodes" \
        --out "$addition" --seed 1 >"$addition.generated"
fi

results="$work/results/$episodes"
say "cold start and the incremental ingest of $add episodes"
python3 "$bench/scale_extras.py" --talks "$TALKS" --index "$work/scratch-$episodes/talks-index" \
    --add "$addition" --queries "$bench/queries.txt" --runs "$runs" --talks-json "$results/talks-1.json" >"$results/scale.json"
python3 - "$results/talks-1.json" "$results/scale.json" <<'PY'
import json, sys
talks, scale = (json.load(open(path)) for path in sys.argv[1:3])
increment = scale["increment"]
print(f"ingest {talks.get('build_s')} s wall, {talks.get('ingest_cpu_s')} s CPU, "
      f"peak RSS {talks.get('peak_rss_mb')} MB (budget {scale['budget_mb']} MB, within: "
      f"{scale.get('ingest_within_budget')}), index {talks.get('index_bytes', 0) / 1e6:.0f} MB")
print(f"in process p50 {talks.get('query_p50_ms')} ms, p99 {talks.get('query_p99_ms')} ms, max {talks.get('query_max_ms')} ms; "
      f"serve /search p50 {talks.get('serve_search_p50_ms')} ms, p99 {talks.get('serve_search_p99_ms')} ms, "
      f"{talks.get('serve_search_rps')} req/s")
print(f"CPU per query {scale['query_cpu_ms_mean']} ms (user + system / queries, index opening included)")
print(f"cold start {scale['cold_evicted_ms']} ms with the index evicted, "
      f"{scale['cold_warm_cache_ms']} ms with it cached")
print(f"+{increment['summary']}")
print(f"  {increment['wall_s']} s; segments {increment['segments_before']} -> {increment['segments_after']}, "
      f"{increment['segments_merged']} merged ({increment['episodes_in_merged_segments']} episodes); "
      f"new segment files {increment['bytes_of_added_segments'] / 1e6:.1f} MB, process wrote "
      f"{(increment['time_file_system_outputs_bytes'] or 0) / 1e6:.1f} MB, "
      f"of an index of {increment['index_bytes_before'] / 1e6:.0f} MB")
PY

#!/usr/bin/env bash
# Query latency of several talks binaries on one index, alternated so that load from other
# processes falls on all of them alike.
#
# Usage: Benchmarks/query-latency-ab.sh INDEX BIN [BIN ...]
# For 3 rounds, each binary runs `talks search --queries Benchmarks/queries.txt --json` four
# times (the first a warm-up); per query the median of the three timed `took_ms`, then the
# p50 and p99 over the 214 queries, one line per binary and round.
set -uo pipefail
if [ $# -lt 2 ]; then sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 64; fi
idx="$1"; shift
queries="$(cd "$(dirname "$0")" && pwd)/queries.txt"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for round in 1 2 3; do
  for bin in "$@"; do
    for k in 0 1 2 3; do "$bin" search --queries "$queries" --json --index "$idx" > "$out/q-$k.jsonl" 2>/dev/null; done
    python3 - "$out" "$bin" "$round" <<'PY'
import json, statistics, sys
out, binary, round_number = sys.argv[1:]
per_query = {}
for k in (1, 2, 3):
    for i, line in enumerate(open(f"{out}/q-{k}.jsonl")):
        try:
            per_query.setdefault(i, []).append(json.loads(line).get("took_ms", 0.0))
        except ValueError:
            pass
medians = sorted(statistics.median(v) for v in per_query.values())
if not medians:
    sys.exit(f"{binary}: no answers (is the index there?)")
at = lambda q: medians[min(len(medians) - 1, int(q * len(medians)))]
print(f"{binary} round {round_number}: p50 {at(0.5):.3f} ms p99 {at(0.99):.3f} ms", flush=True)
PY
  done
done

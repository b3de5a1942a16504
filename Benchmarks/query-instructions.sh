#!/usr/bin/env bash
# Instructions per query inside `Searcher.search`, counted by callgrind: a figure that does
# not move with the load of a shared machine, for comparing two builds lever by lever.
#
# Usage: Benchmarks/query-instructions.sh TALKS INDEX OUT.tsv [QUERIES]
#   TALKS    a talks binary (release build)
#   INDEX    an index directory (e.g. one `talks ingest` built from Benchmarks/work/archive-5000)
#   OUT.tsv  written: one line per query, "instructions<TAB>query"
#   QUERIES  the query file (default Benchmarks/queries.txt)
#
# One `talks search --queries` process runs the file twice; the first pass pays the runtime's
# one-time costs (type metadata, lazy globals, the filter facts), the second pass is reported:
# callgrind counts only inside `Searcher.search` (--toggle-collect) and writes one profile per
# call (--dump-after). Needs valgrind. About 5 minutes at 5,000 episodes on this machine.
set -euo pipefail
talks="$1"; index="$2"; out="$3"; queries="${4:-$(dirname "$0")/queries.txt}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cat "$queries" "$queries" >"$scratch/queries.txt"
count="$(wc -l <"$queries")"
search='$s11TalksSearch8SearcherC6searchyAA0B8ResponseVAA0B7RequestVKF'
valgrind --tool=callgrind --toggle-collect="$search" --dump-after="$search" \
    --callgrind-out-file="$scratch/profile" "$talks" search --queries "$scratch/queries.txt" --json \
    --index "$index" >/dev/null 2>"$scratch/valgrind.log"
: >"$out"
number=0
while IFS= read -r query; do
    number=$((number + 1))
    instructions="$(grep -E '^(summary|totals):' "$scratch/profile.$((count + number))" | head -n 1 | awk '{print $2}')"
    printf '%s\t%s\n' "$instructions" "$query" >>"$out"
done <"$queries"

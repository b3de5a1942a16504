#!/usr/bin/env bash
# The talks benchmark: talks against SQLite FTS5 and Tantivy on generated Swedish archives.
#
# Usage: Benchmarks/run.sh [--episodes N[,N,...]] [--repeat R] [--rounds Q]
#                          [--peers-only] [--talks-only] [--serve-seconds S] [--keep-index]
#   --episodes   archive sizes (default 200,1000,5000)
#   --repeat     whole measurements per size; the table shows medians (default 3)
#   --rounds     timed passes over the query set inside one measurement (default 3)
#   --peers-only / --talks-only   measure one side only
#   --keep-index keep the last repeat's talks index in Benchmarks/work/scratch-<size>/talks-index
#   TALKS=/path/to/talks uses that binary instead of building this checkout (swift build -c release).
#
# Installs what it needs when missing: PyPI tantivy and wordfreq (pinned), Debian
# hunspell-sv-se, wrk and hyperfine. Generated archives are cached in Benchmarks/work/
# (gitignored) and reused while the generator's sources are unchanged; GENERATE_JOBS=J
# generates with J processes (default: the processor count; the bytes do not depend on it). Results go to
# Benchmarks/work/results/<size>/<peer>-<repeat>.json; the table to stdout and to
# Benchmarks/work/results/table.md. Everything runs on this machine; serve load is loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=Benchmarks
work="$bench/work"
sizes="200,1000,5000"
repeat=3
rounds=3
serve_seconds=10
run_peers=1
run_talks=1
keep_index=0
command_line="Benchmarks/run.sh $*"
while [ $# -gt 0 ]; do
    case "$1" in
        --episodes) sizes="$2"; shift 2 ;;
        --repeat) repeat="$2"; shift 2 ;;
        --rounds) rounds="$2"; shift 2 ;;
        --serve-seconds) serve_seconds="$2"; shift 2 ;;
        --peers-only) run_talks=0; shift ;;
        --talks-only) run_peers=0; shift ;;
        --keep-index) keep_index=1; shift ;;
        -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown option '$1' (try --help)" >&2; exit 64 ;;
    esac
done

say() { echo "run.sh: $*" >&2; }

# ---- tools -------------------------------------------------------------------------------
python3 -c 'import tantivy' 2>/dev/null || { say "installing tantivy (pip)"; python3 -m pip install -q "tantivy==0.27.0"; }
python3 -c 'import wordfreq' 2>/dev/null || { say "installing wordfreq (pip)"; python3 -m pip install -q "wordfreq==3.1.1"; }
apt_packages=()
[ -f /usr/share/hunspell/sv_SE.dic ] || apt_packages+=(hunspell-sv-se)
command -v wrk >/dev/null 2>&1 || apt_packages+=(wrk)
command -v hyperfine >/dev/null 2>&1 || apt_packages+=(hyperfine)
[ -x /usr/bin/time ] || apt_packages+=(time)
if [ ${#apt_packages[@]} -gt 0 ]; then
    say "installing ${apt_packages[*]} (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_packages[@]}" >/dev/null
fi

# ---- talks -------------------------------------------------------------------------------
talks="${TALKS:-}"
if [ "$run_talks" = 1 ] && [ -z "$talks" ]; then
    say "building talks (swift build -c release)"
    if swift build -c release --product talks >&2; then
        talks="$(swift build -c release --show-bin-path)/talks"
    else
        say "talks did not build: talks rows will be missing"
    fi
fi

# ---- archives ----------------------------------------------------------------------------
generator_hash="$(cat "$bench/generate_archive.py" "$bench/swedish_vocabulary.py" | sha256sum | cut -c1-16)"
mkdir -p "$work/results"
IFS=',' read -r -a size_list <<<"$sizes"
for size in "${size_list[@]}"; do
    archive="$work/archive-$size"
    marker="$work/archive-$size.generated"
    if [ ! -d "$archive" ] || [ "$(cat "$marker" 2>/dev/null | head -n 1)" != "$generator_hash" ]; then
        say "generating $size episodes into $archive"
        rm -rf "$archive"
        stats="$(python3 "$bench/generate_archive.py" --episodes "$size" --out "$archive" --seed 1 \
            --jobs "${GENERATE_JOBS:-$(nproc)}")"
        printf '%s\n%s\n' "$generator_hash" "$stats" >"$marker"
        check_talks=()
        if [ -n "$talks" ] && "$talks" check --help >/dev/null 2>&1; then check_talks=(--talks "$talks"); fi
        say "checking $archive: $(python3 "$bench/check_archive.py" "$archive" "${check_talks[@]}" | tail -n 1)"
    fi
    say "$size episodes: $(sed -n 2p "$marker")"
done

# ---- measurements ------------------------------------------------------------------------
for size in "${size_list[@]}"; do
    archive="$work/archive-$size"
    results="$work/results/$size"
    scratch="$work/scratch-$size"
    mkdir -p "$results" "$scratch"
    [ "$run_peers" = 1 ] && rm -f "$results"/fts5-*.json "$results"/tantivy-*.json
    [ "$run_talks" = 1 ] && rm -f "$results"/talks-*.json
    for r in $(seq 1 "$repeat"); do
        if [ "$run_peers" = 1 ]; then
            say "$size episodes, repeat $r: FTS5"
            python3 "$bench/peers/fts5_peer.py" --archive "$archive" --queries "$bench/queries.txt" \
                --work "$scratch" --rounds "$rounds" --details "$results/fts5-queries.jsonl" \
                >"$results/fts5-$r.json"
            say "$size episodes, repeat $r: Tantivy"
            python3 "$bench/peers/tantivy_peer.py" --archive "$archive" --queries "$bench/queries.txt" \
                --work "$scratch" --rounds "$rounds" --details "$results/tantivy-queries.jsonl" \
                >"$results/tantivy-$r.json"
            rm -rf "$scratch/tantivy" "$scratch/fts5.sqlite"
        fi
        if [ "$run_talks" = 1 ]; then
            if [ -n "$talks" ] && [ -x "$talks" ]; then
                say "$size episodes, repeat $r: talks"
                python3 "$bench/bench_talks.py" --talks "$talks" --archive "$archive" \
                    --queries "$bench/queries.txt" --work "$scratch" --rounds "$rounds" \
                    --serve-seconds "$serve_seconds" --details "$results/talks-queries.jsonl" \
                    >"$results/talks-$r.json"
                [ "$keep_index" = 1 ] && [ "$r" = "$repeat" ] || rm -rf "$scratch/talks-index"
                python3 -c 'import json,sys; m=json.load(open(sys.argv[1])).get("missing"); [print("run.sh: talks:", x, file=sys.stderr) for x in m or []]' "$results/talks-$r.json"
            else
                echo '{"peer":"talks","missing":["talks binary not built"]}' >"$results/talks-$r.json"
            fi
        fi
    done
done

python3 "$bench/report.py" "$work/results" --sizes "$sizes" --command "$command_line" | tee "$work/results/table.md"

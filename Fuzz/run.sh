#!/usr/bin/env bash
# Builds talks' libFuzzer targets with AddressSanitizer and runs each for a while.
# Run `Fuzz/run.sh --help` for the options; Fuzz/README.md explains the targets.
set -euo pipefail

FUZZ_DIR="$(cd "$(dirname "$0")" && pwd)"
ALL_TARGETS=(FuzzWebVTT FuzzSRT FuzzEpisodeJSON FuzzQuery FuzzHTTP FuzzFeed FuzzEpisodeHTML FuzzHunspell)
ALL_TARGETS+=(FuzzVarInt)
SECONDS_PER_TARGET=30
PARALLEL=1
TARGETS=()

usage() {
    cat <<EOF
Usage: Fuzz/run.sh [--seconds N] [--jobs J] [TARGET...]

Builds the fuzz package (Fuzz/Package.swift) with AddressSanitizer and libFuzzer coverage
into Fuzz/.build, then runs each TARGET for N seconds and prints, per target, the inputs
executed, executions per second, the coverage reached and the crashes found.

Targets (default: all of them):
  FuzzWebVTT       WebVTTParser, CueTextParser, TranscriptReader (.vtt)
  FuzzSRT          SubRipParser, TranscriptReader (.srt)
  FuzzEpisodeJSON  EpisodeJSONReader (episode.json -> Episode)
  FuzzQuery        QueryParser (query text, request filters)
  FuzzHTTP         HTTPRequestParser (request heads, pipelining, split reads)
  FuzzFeed         FeedPlan (RSS feed XML -> episodes, entities, text limits; no files)
  FuzzEpisodeHTML  EpisodePageReader (episode.html -> Episode, page text limits)
  FuzzHunspell     AffixFile, DictionaryFile, SwedishLexicon (the Hunspell dictionary reader)
  FuzzVarInt       VarInt.read / VarInt.append (the index files' one VarInt decoder)

Options:
  --seconds N   run each target for N seconds (default 30)
  --jobs J      run up to J targets at the same time, each one single-threaded libFuzzer
                process (default 1; use at most the number of free cores)
  --help        show this text

Inputs: each target starts from its committed seeds in Fuzz/Corpus/TARGET/ plus the work
corpus Fuzz/corpus-TARGET/ (gitignored; it grows with every run and is reused next time),
with the dictionary Fuzz/Dictionaries/TARGET.dict.

Crashes: a crashing input is saved as Fuzz/artifacts/TARGET/crash-<sha1> (also leak-,
timeout-, oom-), and the full libFuzzer log as Fuzz/artifacts/logs/TARGET.log. The
script exits 1 when any target crashed, 2 on a build or usage error, 0 otherwise.
Reproduce one with:  Fuzz/.build/release/TARGET Fuzz/artifacts/TARGET/crash-<sha1>
then keep it as a regression test (see Fuzz/README.md).

Examples:
  Fuzz/run.sh                          # every target, 30 s each (what CI runs)
  Fuzz/run.sh --seconds 600 --jobs 2   # 10 minutes each, two at a time
  Fuzz/run.sh --seconds 60 FuzzHTTP    # one target for a minute
EOF
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --seconds) SECONDS_PER_TARGET="${2:-}"; shift 2 ;;
        --seconds=*) SECONDS_PER_TARGET="${1#*=}"; shift ;;
        --jobs) PARALLEL="${2:-}"; shift 2 ;;
        --jobs=*) PARALLEL="${1#*=}"; shift ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "run.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
        *) TARGETS+=("$1"); shift ;;
    esac
done
if ! [[ "$SECONDS_PER_TARGET" =~ ^[1-9][0-9]*$ ]]; then
    echo "run.sh: --seconds needs a positive whole number, not '$SECONDS_PER_TARGET'" >&2; exit 2
fi
if ! [[ "$PARALLEL" =~ ^[1-9][0-9]*$ ]]; then
    echo "run.sh: --jobs needs a positive whole number, not '$PARALLEL'" >&2; exit 2
fi
[[ ${#TARGETS[@]} -gt 0 ]] || TARGETS=("${ALL_TARGETS[@]}")
for target in "${TARGETS[@]}"; do
    if ! [[ " ${ALL_TARGETS[*]} " == *" $target "* ]]; then
        echo "run.sh: unknown target '$target'; known: ${ALL_TARGETS[*]}" >&2; exit 2
    fi
done

# Longest input each target is given: enough to pass every limit the parser enforces
# (the query limit is 1000 bytes, an HTTP request line 8 KiB; 16 KiB holds the largest feed
# and page fixture, 4.8 KB, with room for entity declarations: entities, not input size,
# are what make a feed large) without wasting time on huge inputs that only repeat what a
# shorter one covers.
max_len() {
    case "$1" in
        FuzzWebVTT|FuzzSRT) echo 8192 ;;
        FuzzEpisodeJSON|FuzzHunspell) echo 4096 ;;
        FuzzQuery) echo 1200 ;;
        FuzzHTTP) echo 12000 ;;
        FuzzFeed|FuzzEpisodeHTML) echo 16384 ;;
        FuzzVarInt) echo 256 ;;
    esac
}

# libFuzzer's driver library for a main we provide ourselves (the Swift @main).
CLANG_RUNTIME="$(dirname "$(command -v swift)")/../lib/clang"
FUZZER_LIB="$(ls "$CLANG_RUNTIME"/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a 2>/dev/null | head -n 1 || true)"
if [[ -z "$FUZZER_LIB" ]]; then
    echo "run.sh: libclang_rt.fuzzer_no_main-x86_64.a not found under $CLANG_RUNTIME (needs a Swift toolchain for Linux x86_64)" >&2
    exit 2
fi

mkdir -p "$FUZZ_DIR/artifacts/logs"
BUILD_LOG="$FUZZ_DIR/artifacts/logs/build.log"
echo "Building fuzz targets (AddressSanitizer + coverage) into Fuzz/.build ..."
build_start=$(date +%s)
if ! swift build --package-path "$FUZZ_DIR" --scratch-path "$FUZZ_DIR/.build" -c release \
        -Xswiftc -sanitize=address \
        -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
        -Xlinker "$FUZZER_LIB" -Xlinker -lstdc++ >"$BUILD_LOG" 2>&1; then
    grep -v "Cannot export local symbol" "$BUILD_LOG" | tail -n 40 >&2
    echo "run.sh: the build failed; full log in $BUILD_LOG" >&2
    exit 2
fi
echo "Built in $(( $(date +%s) - build_start )) s."

# Runs one target; writes its summary line to artifacts/logs/TARGET.summary.
run_target() {
    local target="$1"
    local artifacts="$FUZZ_DIR/artifacts/$target"
    local work="$FUZZ_DIR/corpus-$target"
    local log="$FUZZ_DIR/artifacts/logs/$target.log"
    local marker="$FUZZ_DIR/artifacts/logs/$target.started"
    mkdir -p "$artifacts" "$work"
    touch "$marker"
    local status=0
    # Swift's own backtracer is off: libFuzzer reports the trap and saves the input.
    # Leaks are not checked: Swift's runtime keeps metadata caches for the life of the
    # process, which LeakSanitizer reports; memory errors and traps are what we look for.
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:symbolize=1" \
        "$FUZZ_DIR/.build/release/$target" \
        -max_total_time="$SECONDS_PER_TARGET" -max_len="$(max_len "$target")" \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -dict="$FUZZ_DIR/Dictionaries/$target.dict" \
        -artifact_prefix="$artifacts/" \
        "$work" "$FUZZ_DIR/Corpus/$target" >"$log" 2>&1 || status=$?
    local executions rate coverage features crashes
    executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -n 1 || true)
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -n 1 || true)
    coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*' || true)
    features=$(grep -o 'ft: [0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*' || true)
    find "$artifacts" -maxdepth 1 -type f -newer "$marker" \
        \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) \
        >"$FUZZ_DIR/artifacts/logs/$target.crashes"
    crashes=$(wc -l <"$FUZZ_DIR/artifacts/logs/$target.crashes")
    if [[ $status -ne 0 && $crashes -eq 0 ]]; then crashes=1; fi   # died without saving an input
    printf '%-16s %10s %8s %8s %8s %8s\n' "$target" "${executions:-?}" "${rate:-?}" \
        "${coverage:-?}" "${features:-?}" "$crashes" >"$FUZZ_DIR/artifacts/logs/$target.summary"
    rm -f "$marker"
}

echo "Fuzzing ${TARGETS[*]} for $SECONDS_PER_TARGET s each, $PARALLEL at a time ..."
running=0
for target in "${TARGETS[@]}"; do
    run_target "$target" &
    running=$((running + 1))
    if [[ $running -ge $PARALLEL ]]; then wait -n || true; running=$((running - 1)); fi
done
wait || true

echo
printf '%-16s %10s %8s %8s %8s %8s\n' target executions "exec/s" coverage features crashes
failed=0
for target in "${TARGETS[@]}"; do
    summary="$FUZZ_DIR/artifacts/logs/$target.summary"
    cat "$summary"
    crashes=$(awk '{print $6}' "$summary")
    if [[ "$crashes" != 0 ]]; then failed=1; fi
done
echo "(coverage: edges covered; features: libFuzzer's finer coverage signal)"
if [[ $failed -ne 0 ]]; then
    echo
    for target in "${TARGETS[@]}"; do
        [[ "$(awk '{print $6}' "$FUZZ_DIR/artifacts/logs/$target.summary")" != 0 ]] || continue
        echo "$target CRASHED; log: Fuzz/artifacts/logs/$target.log; inputs:"
        sed "s|^$FUZZ_DIR/|  Fuzz/|" "$FUZZ_DIR/artifacts/logs/$target.crashes"
        grep -m 3 -E 'Fatal error|ERROR: AddressSanitizer|invariant violated|SUMMARY' \
            "$FUZZ_DIR/artifacts/logs/$target.log" | sed 's/^/  /' || true
    done
    exit 1
fi

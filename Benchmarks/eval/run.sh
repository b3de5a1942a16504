#!/usr/bin/env bash
# The graded relevance evaluation (issue 13): talks, Tantivy and SQLite FTS5 on judged queries.
#
# Usage: Benchmarks/eval/run.sh [--episodes N] [--seed S] [--update]
#   --episodes, --seed  size and seed of the generated archive (default 60 and 1: the ones
#                       Benchmarks/eval/judgments-generated.tsv was written for)
#   --update            rewrite Benchmarks/eval/judgments-generated.tsv after editing plantings.py
#   TALKS=/path/to/talks uses that binary instead of building this checkout (swift build -c release).
#
# Two judged sets: the sample archive archive/ (Tests/TalksSearchTests/Fixtures/judgments-archive.tsv,
# judged by reading the transcripts) and a generated archive (filler from generate_archive.py
# with the sentences of plantings.py planted; judgments from the planting). Prints nDCG@10 and
# MRR per class and overall for each engine, and the share of must-find-nothing queries that
# found nothing; writes Benchmarks/work/eval/table.md and details.json (every query's
# nDCG and top cues per engine). Installs PyPI tantivy==0.27.0 and wordfreq==3.1.1 and Debian
# hunspell-sv-se when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
eval_dir=Benchmarks/eval
work=Benchmarks/work/eval
episodes=60
seed=1
update=0
while [ $# -gt 0 ]; do
    case "$1" in
        --episodes) episodes="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --update) update=1; shift ;;
        -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "eval/run.sh: unknown option '$1' (try --help)" >&2; exit 64 ;;
    esac
done
say() { echo "eval/run.sh: $*" >&2; }

python3 -c 'import tantivy' 2>/dev/null || { say "installing tantivy (pip)"; python3 -m pip install -q "tantivy==0.27.0"; }
python3 -c 'import wordfreq' 2>/dev/null || { say "installing wordfreq (pip)"; python3 -m pip install -q "wordfreq==3.1.1"; }
if [ ! -f /usr/share/hunspell/sv_SE.dic ]; then
    say "installing hunspell-sv-se (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hunspell-sv-se >/dev/null
fi

talks="${TALKS:-}"
if [ -z "$talks" ]; then
    say "building talks (swift build -c release)"
    swift build -c release --product talks >&2
    talks="$(swift build -c release --show-bin-path)/talks"
fi

mkdir -p "$work"
archive="$work/archive-$episodes-$seed"
judgments="$work/judgments-generated-$episodes-$seed.tsv"
stamp="$(cat "$eval_dir/plantings.py" "$eval_dir/generate_eval_archive.py" \
             Benchmarks/generate_archive.py Benchmarks/swedish_vocabulary.py | sha256sum | cut -c1-16)"
if [ ! -d "$archive" ] || [ ! -f "$judgments" ] || [ "$(cat "$archive.stamp" 2>/dev/null)" != "$stamp" ]; then
    say "generating $episodes episodes (seed $seed) into $archive"
    rm -rf "$archive"
    python3 "$eval_dir/generate_eval_archive.py" --out "$archive" --episodes "$episodes" \
        --seed "$seed" --judgments "$judgments"
    echo "$stamp" >"$archive.stamp"
    say "checking $archive: $(python3 Benchmarks/check_archive.py "$archive" --talks "$talks" | tail -n 1)"
fi
checked_in="$eval_dir/judgments-generated.tsv"
if [ "$episodes" = 60 ] && [ "$seed" = 1 ]; then
    if [ "$update" = 1 ]; then
        cp "$judgments" "$checked_in"
        say "updated $checked_in"
    elif ! cmp -s "$judgments" "$checked_in"; then
        say "the generated judgments differ from $checked_in (plantings.py or the generator changed?);"
        say "check the difference, then run with --update:"
        diff "$checked_in" "$judgments" | head -n 20 >&2 || true
        exit 1
    fi
fi

python3 "$eval_dir/evaluate.py" --talks "$talks" --work "$work/scratch" \
    --set "archive=Tests/TalksSearchTests/Fixtures/judgments-archive.tsv:archive" \
    --set "generated=$judgments:$archive" \
    --markdown "$work/table.md" --json "$work/details.json"
say "talks: $("$talks" --version 2>/dev/null || echo unknown); tables in $work/table.md, per query in $work/details.json"

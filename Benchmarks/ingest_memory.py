#!/usr/bin/env python3
"""Peak memory of `talks ingest` against its memory budget, per archive size and budget.

    Benchmarks/ingest_memory.py --talks BIN [--archives DIR ...] [--budgets 64,128,256]

Runs `talks ingest ARCHIVE --index TMP --memory M` into an empty index for every archive
and budget, and prints one Markdown table: episodes, budget, peak RSS (from
/usr/bin/time -v, the whole process), segments written, seconds, episodes indexed and
rejected (a transcript that cannot be indexed within the budget is rejected, exit 65), and
whether the peak stayed within the budget. The archives default to
Benchmarks/work/archive-{1000,5000} (made by run.sh); a long transcript comes from
generate_long_transcript.py:

    Benchmarks/generate_long_transcript.py --out /tmp/long60
    Benchmarks/ingest_memory.py --talks .build/release/talks --archives /tmp/long60 --budgets 128,256,320,512

Benchmark tool only: it measures, it asserts nothing.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def measure(talks, archive, budget):
    index = tempfile.mkdtemp(prefix="talks-memory-")
    try:
        with tempfile.NamedTemporaryFile("r", suffix=".time") as timing:
            started = time.perf_counter()
            completed = subprocess.run(["/usr/bin/time", "-v", "-o", timing.name, talks, "ingest", archive,
                                        "--index", index, "--memory", str(budget)],
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            seconds = time.perf_counter() - started
            report = timing.read()
        if completed.returncode not in (0, 65):
            raise RuntimeError(f"talks ingest exited {completed.returncode}: "
                               f"{completed.stderr.decode(errors='replace')[-400:]}")
        peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1)) / 1024
        manifest_path = os.path.join(index, "manifest.json")
        segments = 0
        if os.path.exists(manifest_path):  # nothing indexed: no generation written
            with open(manifest_path) as manifest:
                segments = len(json.load(manifest)["segments"])
        summary = re.search(r"(\d+) added, \d+ replaced, \d+ unchanged, (\d+) rejected", completed.stdout.decode())
        outcome = f"{summary.group(1)} / {summary.group(2)}" if summary else "?"
        return peak, segments, seconds, outcome
    finally:
        shutil.rmtree(index, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--talks", required=True)
    parser.add_argument("--archives", nargs="*",
                        default=[os.path.join(HERE, "work", f"archive-{n}") for n in (1000, 5000)])
    parser.add_argument("--budgets", default="64,128,256")
    arguments = parser.parse_args()
    budgets = [int(value) for value in arguments.budgets.split(",")]
    print("| episodes | budget, MB | peak RSS, MB | peak / budget | segments | seconds | indexed / rejected | within budget |")
    print("|---|---|---|---|---|---|---|---|")
    for archive in arguments.archives:
        if not os.path.isdir(archive):
            print(f"ingest_memory.py: {archive} is missing (run Benchmarks/run.sh first)", file=sys.stderr)
            continue
        episodes = sum(1 for name in os.listdir(archive) if os.path.isdir(os.path.join(archive, name)))
        for budget in budgets:
            peak, segments, seconds, outcome = measure(arguments.talks, archive, budget)
            print(f"| {episodes} | {budget} | {peak:.0f} | {peak / budget:.2f} | {segments} | {seconds:.1f} | "
                  f"{outcome} | {'yes' if peak <= budget else 'no'} |", flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""What a large archive adds to bench_talks.py: a cold start and an incremental ingest.

    Benchmarks/scale_extras.py --talks BIN --index DIR --add ARCHIVE --queries FILE
                               [--runs 5] [--budget MB] [--talks-json FILE]

- cold start: the index's files are evicted from the page cache (posix_fadvise
  DONTNEED on every file under DIR: no root needed, unlike /proc/sys/vm/drop_caches;
  fincore checks what stays resident), then one `talks search livsmedelsstrategi --json`
  process runs end to end: opening the index and its first query. Median of --runs, each
  after its own eviction, and beside it the same process with the page cache warm.
- incremental ingest: `talks ingest ARCHIVE --index DIR` of a few new episodes into the
  big index: wall and CPU time, peak RSS, the bytes of the files the new generation added
  (from the manifests before and after), the bytes the process wrote (/proc/<pid>/io
  write_bytes, sampled until it exits, and /usr/bin/time's file system outputs), segments
  before/after and which were merged. One ingest must not rewrite the whole index.
- CPU per query: `talks search --queries FILE --json` under /usr/bin/time, user + system
  seconds over the number of queries (index opening included), median of --runs: unlike
  wall-clock latency it does not grow when the machine is shared and the process waits.
- memory against the budget: the peak RSS of the first ingest (--talks-json, from
  bench_talks.py) against --budget (talks ingest's default --memory, 256).

Prints one JSON object. Benchmark tool only: it measures, it asserts nothing.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import tempfile
import time


def index_files(index):
    return [os.path.join(index, name) for name in sorted(os.listdir(index))
            if os.path.isfile(os.path.join(index, name))]


def evict(index):
    """Drops the index's clean pages from the page cache; returns the bytes still resident."""
    for path in index_files(index):
        with open(path, "rb") as f:
            os.posix_fadvise(f.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
    resident = 0
    try:
        listing = subprocess.run(["fincore", "--bytes", "--noheadings", "--output", "RES"]
                                 + index_files(index), capture_output=True, text=True)
        resident = sum(int(line) for line in listing.stdout.split() if line.isdigit())
    except OSError:
        resident = -1
    return resident


def timed_search(talks, index):
    started = time.perf_counter()
    completed = subprocess.run([talks, "search", "livsmedelsstrategi", "--json", "--index", index],
                               capture_output=True)
    if completed.returncode not in (0, 1):
        raise RuntimeError(f"talks search exited {completed.returncode}")
    return (time.perf_counter() - started) * 1000


def measure_cold(talks, index, runs, result):
    cold, warm, resident = [], [], []
    for _ in range(runs):
        resident.append(evict(index))
        cold.append(timed_search(talks, index))
        warm.append(timed_search(talks, index))
    result["cold_evicted_ms"] = round(statistics.median(cold), 1)
    result["cold_evicted_runs_ms"] = [round(value, 1) for value in cold]
    result["cold_warm_cache_ms"] = round(statistics.median(warm), 1)
    result["cold_resident_bytes_after_evict"] = max(resident)


def measure_query_cpu(talks, index, queries, runs, result):
    count = sum(1 for line in open(queries, encoding="utf-8") if line.strip())
    per_query = []
    for _ in range(runs):
        with tempfile.NamedTemporaryFile("r", suffix=".time") as timing:
            completed = subprocess.run(["/usr/bin/time", "-v", "-o", timing.name, talks, "search",
                                        "--queries", queries, "--json", "--index", index],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            report = timing.read()
        if completed.returncode not in (0, 1):
            raise RuntimeError(f"talks search --queries exited {completed.returncode}")
        user = re.search(r"User time \(seconds\): ([\d.]+)", report)
        system = re.search(r"System time \(seconds\): ([\d.]+)", report)
        per_query.append((float(user.group(1)) + float(system.group(1))) * 1000 / count)
    result["query_cpu_ms_mean"] = round(statistics.median(per_query), 3)
    result["query_cpu_runs_ms"] = [round(value, 3) for value in per_query]


def manifest_segments(index):
    with open(os.path.join(index, "manifest.json")) as f:
        manifest = json.load(f)
    return {segment["name"]: segment["episodes"] for segment in manifest["segments"]}


def segment_bytes(index, names):
    total = 0
    for path in index_files(index):
        if os.path.basename(path).split(".")[0] in names:
            total += os.path.getsize(path)
    return total


def measure_increment(talks, index, add, result):
    before = manifest_segments(index)
    index_bytes_before = sum(os.path.getsize(path) for path in index_files(index))
    with tempfile.NamedTemporaryFile("r", suffix=".time") as timing:
        started = time.perf_counter()
        process = subprocess.Popen(["/usr/bin/time", "-v", "-o", timing.name, talks, "ingest", add,
                                    "--index", index], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        written = 0
        io_path = None
        while process.poll() is None:
            if io_path is None:
                children = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True,
                                          text=True).stdout.split()
                io_path = f"/proc/{children[0]}/io" if children else None
            if io_path:
                try:
                    with open(io_path) as f:
                        found = re.search(r"^write_bytes: (\d+)", f.read(), re.MULTILINE)
                    written = max(written, int(found.group(1)) if found else 0)
                except OSError:
                    pass
            time.sleep(0.05)
        stdout, stderr = process.communicate()
        seconds = time.perf_counter() - started
        report = timing.read()
    if process.returncode not in (0, 65):
        raise RuntimeError(f"talks ingest exited {process.returncode}: {stderr[-400:]}")
    after = manifest_segments(index)
    added = sorted(set(after) - set(before))
    merged = sorted(set(before) - set(after))
    outputs = re.search(r"File system outputs: (\d+)", report)
    user = re.search(r"User time \(seconds\): ([\d.]+)", report)
    system = re.search(r"System time \(seconds\): ([\d.]+)", report)
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
    result["increment"] = {
        "summary": stdout.strip().splitlines()[-1] if stdout.strip() else "",
        "wall_s": round(seconds, 2),
        "cpu_s": round(float(user.group(1)) + float(system.group(1)), 2) if user and system else None,
        "peak_rss_mb": round(int(peak.group(1)) / 1024, 1) if peak else None,
        "segments_before": len(before),
        "segments_after": len(after),
        "segments_merged": len(merged),
        "episodes_in_merged_segments": sum(before[name] for name in merged),
        "segments_added": added,
        "bytes_of_added_segments": segment_bytes(index, set(added)),
        "process_write_bytes_sampled": written,
        "time_file_system_outputs_bytes": int(outputs.group(1)) * 512 if outputs else None,
        "index_bytes_before": index_bytes_before,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--talks", required=True)
    parser.add_argument("--index", required=True)
    parser.add_argument("--add", required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--budget", type=int, default=256)
    parser.add_argument("--talks-json")
    arguments = parser.parse_args()
    result = {"budget_mb": arguments.budget}
    if arguments.talks_json:
        with open(arguments.talks_json) as f:
            peak = json.load(f).get("peak_rss_mb")
        result["ingest_peak_rss_mb"] = peak
        result["ingest_within_budget"] = peak is not None and peak <= arguments.budget
    measure_cold(arguments.talks, arguments.index, arguments.runs, result)
    measure_query_cpu(arguments.talks, arguments.index, arguments.queries, arguments.runs, result)
    measure_increment(arguments.talks, arguments.index, arguments.add, result)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()

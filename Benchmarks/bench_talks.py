#!/usr/bin/env python3
"""Measure talks on one archive and print one JSON object of figures.

    Benchmarks/bench_talks.py --talks BIN --archive DIR --queries FILE --work DIR
                              [--rounds 3] [--serve-seconds 10] [--details FILE]

Steps, each skipped with a clear message in "missing" when its command is not there yet:
- ingest: `talks ingest DIR --index X` into an empty X, end to end (reading the files,
  analysis, writing, fsync), wall time and peak RSS from /usr/bin/time -v.
- index size: `talks stats --json --index X` (a total-bytes figure when it gives one),
  else the bytes of the files under X.
- queries: `talks search --queries FILE --json --index X`, one JSON line per query with
  `took_ms` measured inside the process. Run rounds+1 times; the first is a warm-up, then
  the median took_ms per query; p50/p99 over the queries.
- cold search: one `talks search livsmedelsstrategi --json --index X` process end to end
  (hyperfine when installed, else the median of 15 runs); the page cache is warm.
- serve: `talks serve --index X --port 0 --quiet`, then wrk on loopback (1 thread,
  8 connections, --serve-seconds each) on /search over the query set and /suggest over
  prefixes: requests per second and p99 latency.

Benchmark tool only.
"""

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "peers"))
import common  # noqa: E402

SUGGEST_PREFIXES = ["l", "li", "liv", "livs", "livsm", "kl", "klu", "of", "off", "t", "to", "kom",
                    "komp", "upp", "va", "sk", "tu", "må", "vat", "öst"]


def has_command(talks, name):
    try:
        completed = subprocess.run([talks, name, "--help"], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return completed.returncode == 0


def cue_text_bytes(archive):
    """Cues and cue-text bytes: from the generator's figures beside a generated archive
    (ARCHIVE.generated, written by run.sh), else by parsing one transcript at a time (never
    the whole archive in memory: 50,000 episodes would need gigabytes)."""
    marker = archive.rstrip("/") + ".generated"
    if os.path.exists(marker):
        with open(marker) as f:
            lines = f.read().splitlines()
        try:
            stats = json.loads(lines[1])
            return stats["cues"], stats["cue_text_bytes"]
        except (IndexError, ValueError, KeyError):
            pass
    cues = text_bytes = 0
    for name in sorted(os.listdir(archive)):
        transcript = os.path.join(archive, name, "transcript.vtt")
        if not (os.path.isfile(os.path.join(archive, name, "episode.json"))
                and os.path.isfile(transcript)):
            continue
        with open(transcript, encoding="utf-8") as f:
            parsed = common.parse_vtt(f.read())
        cues += len(parsed)
        text_bytes += sum(len(cue[3].encode("utf-8")) for cue in parsed)
    return cues, text_bytes


def measure_ingest(talks, archive, index, result):
    if os.path.exists(index):
        shutil.rmtree(index)
    with tempfile.NamedTemporaryFile("r", suffix=".time") as timing:
        started = time.perf_counter()
        completed = subprocess.run(["/usr/bin/time", "-v", "-o", timing.name, talks, "ingest",
                                    archive, "--index", index],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        seconds = time.perf_counter() - started
        report = timing.read()
    if completed.returncode not in (0, 65):
        raise RuntimeError(f"talks ingest exited {completed.returncode}: "
                           f"{completed.stderr.decode(errors='replace')[-500:]}")
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
    result["ingest_exit"] = completed.returncode
    result["ingest_cpu_s"] = cpu_seconds(report)
    result["build_s"] = round(seconds, 3)
    result["build_mb_per_s"] = round(result["cue_text_bytes"] / 1e6 / seconds, 2)
    result["peak_rss_mb"] = round(int(match.group(1)) / 1024, 1) if match else None


def cpu_seconds(report):
    """User + system seconds from a /usr/bin/time -v report."""
    user = re.search(r"User time \(seconds\): ([\d.]+)", report)
    system = re.search(r"System time \(seconds\): ([\d.]+)", report)
    return round(float(user.group(1)) + float(system.group(1)), 2) if user and system else None


def find_total_bytes(value):
    """A total-bytes figure anywhere in `talks stats --json`, if it has one."""
    if isinstance(value, dict):
        for key in ("total_bytes", "bytes_total", "index_bytes", "size_bytes"):
            if isinstance(value.get(key), int):
                return value[key]
        for key, child in value.items():
            if key == "bytes" and isinstance(child, int):
                return child
            if key == "bytes" and isinstance(child, dict) and all(
                    isinstance(v, int) for v in child.values()):
                return sum(child.values())
            found = find_total_bytes(child)
            if found is not None:
                return found
    return None


def measure_size(talks, index, result, missing):
    total = None
    if has_command(talks, "stats"):
        completed = subprocess.run([talks, "stats", "--json", "--index", index],
                                   capture_output=True, text=True)
        if completed.returncode == 0:
            try:
                stats = json.loads(completed.stdout)
                result["stats"] = stats
                total = find_total_bytes(stats)
            except ValueError:
                pass
    else:
        missing.append("talks stats: command not available; index size from the files")
    du = common.directory_bytes(index)
    result["index_bytes"] = total if total is not None else du
    result["index_bytes_on_disk"] = du
    result["index_per_text"] = round(result["index_bytes"] / result["cue_text_bytes"], 3)


def measure_queries(talks, index, queries_path, rounds, result, details):
    queries = common.read_queries(queries_path)
    runs = []
    for _ in range(rounds + 1):
        completed = subprocess.run([talks, "search", "--queries", queries_path, "--json",
                                    "--index", index], capture_output=True, text=True)
        lines = [line for line in completed.stdout.splitlines() if line.strip()]
        if completed.returncode not in (0, 1) or len(lines) != len(queries):
            raise RuntimeError(f"talks search --queries exited {completed.returncode} with "
                               f"{len(lines)} lines for {len(queries)} queries: "
                               f"{completed.stderr[-500:]}")
        runs.append([json.loads(line) for line in lines])
    per_query = []
    for position, (query, kind) in enumerate(queries):
        answers = [run[position] for run in runs[1:]]
        took = statistics.median(float(answer.get("took_ms", 0)) for answer in answers)
        total = answers[0].get("total_episodes", len(answers[0].get("results", [])))
        per_query.append({"query": query, "kind": kind, "ms": took, "hits": total})
    common.write_details(details, per_query)
    result.update(common.summarise(per_query))


def measure_cold(talks, index, result):
    command = [talks, "search", "livsmedelsstrategi", "--json", "--index", index]
    if shutil.which("hyperfine"):
        with tempfile.NamedTemporaryFile("r", suffix=".json") as export:
            subprocess.run(["hyperfine", "--warmup", "2", "--runs", "15", "-N", "--style", "none",
                            "--export-json", export.name,
                            " ".join(command)], capture_output=True, check=True)
            report = json.load(open(export.name))
        result["cold_search_ms"] = round(report["results"][0]["median"] * 1000, 2)
        result["cold_search_tool"] = "hyperfine median of 15"
        return
    times = []
    for _ in range(15):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True)
        times.append((time.perf_counter() - started) * 1000)
    result["cold_search_ms"] = round(statistics.median(times), 2)
    result["cold_search_tool"] = "median of 15 runs"


def wrk_percentile_ms(output, percent):
    """One line of wrk's --latency distribution ("  50%  1.23ms"), in ms."""
    found = re.search(r"^\s+" + percent + r"%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
    if not found:
        return None
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[found.group(2)]
    return round(float(found.group(1)) * scale, 3)


def wrk_figures(output):
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return (float(rate.group(1)) if rate else None, wrk_percentile_ms(output, "50"),
            wrk_percentile_ms(output, "99"), int(errors.group(1)) if errors else 0)


def lua_rotation(paths):
    listed = ", ".join('"' + path.replace("\\", "\\\\").replace('"', '\\"') + '"' for path in paths)
    return ("local paths = { " + listed + " }\nlocal counter = 0\n"
            "request = function()\n  counter = counter + 1\n"
            "  return wrk.format(\"GET\", paths[(counter % #paths) + 1])\nend\n")


def measure_serve(talks, index, queries_path, seconds, result, missing):
    if not shutil.which("wrk"):
        missing.append("wrk not installed: serve figures skipped")
        return
    queries = [query for query, _ in common.read_queries(queries_path)]
    work = tempfile.mkdtemp(prefix="talks-serve-")
    address_path = os.path.join(work, "address")
    with open(address_path, "w") as address, open(os.path.join(work, "serve.log"), "w") as log:
        server = subprocess.Popen([talks, "serve", "--index", index, "--port", "0", "--quiet"],
                                  stdout=address, stderr=log)
    try:
        base = ""
        for _ in range(300):
            with open(address_path) as f:
                base = f.readline().strip()
            if base or server.poll() is not None:
                break
            time.sleep(0.1)
        if not base.startswith("http"):
            missing.append("talks serve printed no address; serve figures skipped")
            return
        base = base.rstrip("/")
        for endpoint, paths in (
                ("search", ["/search?q=" + urllib.parse.quote(q) for q in queries]),
                ("suggest", ["/suggest?q=" + urllib.parse.quote(p) for p in SUGGEST_PREFIXES])):
            script = os.path.join(work, endpoint + ".lua")
            with open(script, "w") as f:
                f.write(lua_rotation(paths))
            completed = subprocess.run(["wrk", "-t", "1", "-c", "8", "-d", f"{seconds}s",
                                        "--latency", "-s", script, base],
                                       capture_output=True, text=True, timeout=seconds + 60)
            rate, p50, p99, errors = wrk_figures(completed.stdout)
            result[f"serve_{endpoint}_rps"] = rate
            result[f"serve_{endpoint}_p50_ms"] = p50
            result[f"serve_{endpoint}_p99_ms"] = p99
            result[f"serve_{endpoint}_errors"] = errors
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--talks", required=True)
    parser.add_argument("--archive", required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--serve-seconds", type=int, default=10)
    parser.add_argument("--details")
    arguments = parser.parse_args()
    os.makedirs(arguments.work, exist_ok=True)
    index = os.path.join(arguments.work, "talks-index")
    archive = os.path.abspath(arguments.archive)
    cues, text_bytes = cue_text_bytes(archive)
    result = {"peer": "talks", "cues": cues, "cue_text_bytes": text_bytes, "missing": []}
    missing = result["missing"]
    version = subprocess.run([arguments.talks, "version"], capture_output=True, text=True)
    result["version"] = version.stdout.strip() or "unknown"

    if not has_command(arguments.talks, "ingest"):
        missing.append("talks ingest: command not available yet; no talks figures")
        print(json.dumps(result, ensure_ascii=False))
        return
    steps = [
        ("ingest", lambda: measure_ingest(arguments.talks, archive, index, result)),
        ("stats", lambda: measure_size(arguments.talks, index, result, missing)),
        ("search", lambda: measure_queries(arguments.talks, index, arguments.queries,
                                           arguments.rounds, result, arguments.details)),
        ("search", lambda: measure_cold(arguments.talks, index, result)),
        ("serve", lambda: measure_serve(arguments.talks, index, arguments.queries,
                                        arguments.serve_seconds, result, missing)),
    ]
    for command, step in steps:
        if command not in ("stats",) and not has_command(arguments.talks, command):
            missing.append(f"talks {command}: command not available yet")
            continue
        try:
            step()
        except (RuntimeError, subprocess.SubprocessError, OSError, ValueError, KeyError) as error:
            missing.append(f"talks {command}: {error}")
            if command == "ingest":
                break
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Turn the JSON figures of a benchmark run into one Markdown table.

    Benchmarks/report.py RESULTS_DIR [--sizes 200,1000,5000] [--command TEXT]

RESULTS_DIR/<size>/<peer>-<repeat>.json holds one JSON object per peer and repeat (as
printed by bench_talks.py and peers/*_peer.py). Each figure is the median over repeats.
Rows are metrics, columns talks / Tantivy / FTS5 and the talks/peer ratios, per size.

Benchmark tool only.
"""

import argparse
import datetime
import glob
import json
import os
import platform
import statistics

PEER_ONLY = {"rss_after_loading_archive_mb"}

PEERS = [("talks", "talks"), ("tantivy", "Tantivy"), ("fts5", "FTS5")]

# (key, label, format, better) — better: "higher" or "lower" (for reading ratios)
METRICS = [
    ("build_mb_per_s", "ingest MB/s (talks end to end; peers index build only)", "{:.2f}", "higher"),
    ("build_s", "ingest / build time, s", "{:.2f}", "lower"),
    ("index_mb", "index size, MB", "{:.1f}", "lower"),
    ("index_per_text", "index size / cue text", "{:.2f}", "lower"),
    ("peak_rss_mb", "peak RSS during ingest, MB", "{:.0f}", "lower"),
    ("rss_after_loading_archive_mb", "  of which the parsed archive in Python (peers), MB", "{:.0f}", None),
    ("query_p50_ms", "query p50, ms (warm, in-process)", "{:.3f}", "lower"),
    ("query_p99_ms", "query p99, ms", "{:.3f}", "lower"),
    ("query_max_ms", "query max, ms", "{:.3f}", "lower"),
    ("phrase_common_p50_ms", "common-word phrase p50, ms", "{:.3f}", "lower"),
    ("queries_with_no_hits", "queries with no hits (of the set)", "{:.0f}", None),
    ("cold_search_ms", "cold `talks search` process, ms", "{:.1f}", "lower"),
    ("serve_search_rps", "serve /search req/s (wrk, 8 conn)", "{:.0f}", "higher"),
    ("serve_search_p99_ms", "serve /search p99, ms", "{:.2f}", "lower"),
    ("serve_suggest_rps", "serve /suggest req/s", "{:.0f}", "higher"),
    ("serve_suggest_p99_ms", "serve /suggest p99, ms", "{:.2f}", "lower"),
]


def figures(result):
    values = dict(result)
    if "index_bytes" in result:
        values["index_mb"] = result["index_bytes"] / 1e6
    kinds = result.get("by_kind", {})
    if "phrase_common" in kinds:
        values["phrase_common_p50_ms"] = kinds["phrase_common"]["p50_ms"]
    return values


def load(results_dir, size):
    per_peer = {}
    notes = {}
    for peer, _ in PEERS:
        runs = []
        for path in sorted(glob.glob(os.path.join(results_dir, str(size), f"{peer}-*.json"))):
            try:
                with open(path, encoding="utf-8") as f:
                    runs.append(figures(json.load(f)))
            except (OSError, ValueError):
                continue
        if runs:
            merged = {}
            for key, *_ in METRICS + [("cues", None, None, None), ("cue_text_bytes", None, None, None),
                                      ("version", None, None, None)]:
                values = [run[key] for run in runs if run.get(key) is not None]
                if not values:
                    continue
                if all(isinstance(value, (int, float)) for value in values):
                    merged[key] = statistics.median(values)
                else:
                    merged[key] = values[0]
            merged["repeats"] = len(runs)
            per_peer[peer] = merged
            missing = sorted({item for run in runs for item in run.get("missing", [])})
            if missing:
                notes[peer] = missing
    return per_peer, notes


def cell(value, fmt):
    return "–" if value is None else fmt.format(value)


def ratio(talks, peer):
    if talks is None or peer in (None, 0):
        return "–"
    return f"{talks / peer:.2f}×"


def table(results_dir, sizes, command):
    lines = []
    lines.append(f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on "
                 f"{platform.machine()} Linux, {os.cpu_count()} cores; command: `{command}`")
    lines.append("")
    for size in sizes:
        per_peer, notes = load(results_dir, size)
        if not per_peer:
            continue
        reference = next((figures for figures in per_peer.values() if figures.get("cues")), {})
        cues = reference.get("cues")
        text = reference.get("cue_text_bytes")
        lines.append(f"### {size} episodes ({int(cues):,} cues, {text / 1e6:.1f} MB of cue text)"
                     if cues and text else f"### {size} episodes")
        lines.append("")
        versions = ", ".join(f"{label}: {per_peer[peer].get('version', '?')} "
                             f"(median of {per_peer[peer]['repeats']})"
                             for peer, label in PEERS if peer in per_peer)
        lines.append(versions)
        lines.append("")
        lines.append("| metric | talks | Tantivy | FTS5 | talks/Tantivy | talks/FTS5 |")
        lines.append("|---|---|---|---|---|---|")
        talks = per_peer.get("talks", {})
        for key, label, fmt, better in METRICS:
            values = [per_peer.get(peer, {}).get(key) for peer, _ in PEERS]
            if all(value is None for value in values):
                continue
            if values[0] is not None:
                talks_cell = cell(values[0], fmt)
            elif key in PEER_ONLY or "build_s" in talks:
                talks_cell = "–"
            else:
                talks_cell = "pending"
            lines.append(f"| {label} | {talks_cell} | {cell(values[1], fmt)} | "
                         f"{cell(values[2], fmt)} | {ratio(values[0], values[1]) if better else '–'} | "
                         f"{ratio(values[0], values[2]) if better else '–'} |")
        for peer, items in notes.items():
            for item in items:
                lines.append(f"\n- {peer}: {item}")
        lines.append("")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results")
    parser.add_argument("--sizes", default="200,1000,5000")
    parser.add_argument("--command", default="Benchmarks/run.sh")
    arguments = parser.parse_args()
    sizes = [int(size) for size in arguments.sizes.split(",") if size]
    print(table(arguments.results, sizes, arguments.command))


if __name__ == "__main__":
    main()

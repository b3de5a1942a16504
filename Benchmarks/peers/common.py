"""Shared parts of the peer benchmarks: archive reading, the talks query language, timing.

Benchmark tool only, never a runtime dependency of talks.
"""

import argparse
import html
import json
import os
import re
import resource
import statistics
import time

# --------------------------------------------------------------------------- archive

TIMING = re.compile(r"^\s*(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})\s+-->\s+(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})")
VOICE = re.compile(r"<v(?:\.[^ >]*)?\s+([^>]*)>")
TAG = re.compile(r"<[^>]*>")


def _seconds(hours, minutes, seconds, millis):
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def parse_vtt(text):
    """Cues as (start, end, speaker, plain text). Enough WebVTT for generated archives."""
    cues = []
    for block in text.replace("\r\n", "\n").split("\n\n")[1:]:
        lines = block.strip("\n").split("\n")
        for index, line in enumerate(lines):
            match = TIMING.match(line)
            if match:
                groups = match.groups()
                raw = " ".join(lines[index + 1:])
                voice = VOICE.search(raw)
                speaker = voice.group(1).strip() if voice else None
                plain = html.unescape(TAG.sub("", raw)).strip()
                cues.append((_seconds(*groups[:4]), _seconds(*groups[4:]), speaker, plain))
                break
    return cues


def load_archive(root):
    """Every episode folder under root: metadata dict plus its cues, sorted by folder name."""
    episodes = []
    for name in sorted(os.listdir(root)):
        folder = os.path.join(root, name)
        metadata = os.path.join(folder, "episode.json")
        transcript = os.path.join(folder, "transcript.vtt")
        if not (os.path.isfile(metadata) and os.path.isfile(transcript)):
            continue
        with open(metadata, encoding="utf-8") as f:
            episode = json.load(f)
        # talks takes a missing id from the folder name (imported episodes often have none).
        episode.setdefault("id", name)
        with open(transcript, encoding="utf-8") as f:
            episode["cues"] = parse_vtt(f.read())
        episode["timestamp"] = _timestamp(episode.get("date"))
        episodes.append(episode)
    return episodes


def _timestamp(date):
    import datetime
    try:
        return int(datetime.datetime.fromisoformat(date).timestamp())
    except (TypeError, ValueError):
        return 0


def date_timestamp(day):
    """after:/before: value (YYYY-MM-DD) as seconds since 1970, midnight UTC."""
    import datetime
    return int(datetime.datetime.fromisoformat(day + "T00:00:00+00:00").timestamp())


# --------------------------------------------------------------------------- query language

QUERY_TOKEN = re.compile(r'(-?)(?:(\w+):)?"([^"]*)"|(\S+)')


class Clause:
    """One part of a talks query. kind: term, phrase, prefix, or, filter."""

    def __init__(self, kind, value, negated=False, field=None, children=None):
        self.kind = kind
        self.value = value
        self.negated = negated
        self.field = field
        self.children = children or []

    def __repr__(self):
        return f"Clause({self.kind}, {self.value!r}, neg={self.negated}, field={self.field})"


FILTER_FIELDS = ("speaker", "series", "after", "before")


def parse_query(query):
    """Parses the talks query language: words ANDed, "phrase", prefix*, OR, -word, filters."""
    clauses = []
    pending_or = False
    for match in QUERY_TOKEN.finditer(query):
        negative, field, quoted, bare = match.groups()
        clause = None
        if quoted is not None:
            if field in FILTER_FIELDS:
                clause = Clause("filter", quoted, negated=bool(negative), field=field)
            else:
                clause = Clause("phrase", quoted, negated=bool(negative))
        elif bare == "OR":
            pending_or = bool(clauses)
            continue
        else:
            negated = bare.startswith("-") and len(bare) > 1
            word = bare[1:] if negated else bare
            if ":" in word and word.split(":", 1)[0] in FILTER_FIELDS:
                name, value = word.split(":", 1)
                clause = Clause("filter", value, negated=negated, field=name)
            elif word.endswith("*") and len(word) > 1:
                clause = Clause("prefix", word[:-1], negated=negated)
            else:
                clause = Clause("term", word, negated=negated)
        if pending_or and clauses and not clause.negated and clause.kind != "filter":
            previous = clauses.pop()
            if previous.kind == "or":
                previous.children.append(clause)
                clauses.append(previous)
            else:
                clauses.append(Clause("or", None, children=[previous, clause]))
        else:
            clauses.append(clause)
        pending_or = False
    return clauses


# --------------------------------------------------------------------------- measuring

def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def directory_bytes(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for folder, _, files in os.walk(path):
        for name in files:
            total += os.path.getsize(os.path.join(folder, name))
    return total


def percentile(values, fraction):
    """Nearest-rank percentile."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-fraction * len(ordered) // 1))))
    return ordered[rank - 1]


def read_queries(path):
    with open(path, encoding="utf-8") as f:
        queries = [line.rstrip("\n") for line in f if line.strip()]
    kinds = {}
    kinds_path = os.path.join(os.path.dirname(path), "queries-kinds.tsv")
    if os.path.exists(kinds_path):
        with open(kinds_path, encoding="utf-8") as f:
            for line in f:
                kind, _, query = line.rstrip("\n").partition("\t")
                kinds[query] = kind
    return [(query, kinds.get(query, "all")) for query in queries]


def run_queries(queries, search, rounds):
    """Runs every query once to warm up, then `rounds` times; per query the median ms.

    search(query) returns the number of results and does the whole job: parse, search,
    top 10, stored fields and snippets.
    """
    for query, _ in queries:
        try:
            search(query)
        except Exception:  # noqa: BLE001 - reported by the timed passes below
            pass
    per_query = []
    for query, kind in queries:
        times = []
        hits = 0
        error = None
        for _ in range(rounds):
            started = time.perf_counter()
            try:
                hits = search(query)
            except Exception as failure:  # noqa: BLE001 - a peer's refusal is a figure too
                hits, error = 0, f"{type(failure).__name__}: {failure}"
            times.append((time.perf_counter() - started) * 1000)
        entry = {"query": query, "kind": kind, "ms": statistics.median(times), "hits": hits}
        if error:
            entry["error"] = error
        per_query.append(entry)
    return per_query


def summarise(per_query):
    times = [entry["ms"] for entry in per_query]
    kinds = {}
    for entry in per_query:
        kinds.setdefault(entry["kind"], []).append(entry["ms"])
    slowest = sorted(per_query, key=lambda entry: -entry["ms"])[:5]
    return {
        "queries": len(per_query),
        "query_p50_ms": round(percentile(times, 0.50), 3),
        "query_p99_ms": round(percentile(times, 0.99), 3),
        "query_max_ms": round(max(times), 3),
        "query_mean_ms": round(statistics.mean(times), 3),
        "queries_with_no_hits": sum(1 for entry in per_query if entry["hits"] == 0),
        "queries_failed": [entry["query"] for entry in per_query if "error" in entry],
        "by_kind": {kind: {"p50_ms": round(percentile(values, 0.5), 3),
                           "max_ms": round(max(values), 3)} for kind, values in kinds.items()},
        "slowest": [{"query": entry["query"], "ms": round(entry["ms"], 3)} for entry in slowest],
    }


def write_details(path, per_query):
    if path:
        with open(path, "w", encoding="utf-8") as f:
            for entry in per_query:
                f.write(json.dumps(entry, ensure_ascii=False) + "\n")


# --------------------------------------------------------------------------- measurement


def measure_peer(description, peer, version, index_name, build, make_search, extra=None):
    """The measurement every peer makes, in one place, printed as one JSON object.

    Parses the command line (--archive, --queries, --work, --rounds, --details), loads the
    archive, times `build(episodes, path)` (the index build alone), measures the index
    size and peak memory, runs the query set through `make_search(index, episodes)`, and
    adds `extra(index)` (peer-specific figures) to the result.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--archive", required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--details", help="write per-query timings (JSON lines) here")
    arguments = parser.parse_args()
    os.makedirs(arguments.work, exist_ok=True)

    episodes = load_archive(arguments.archive)
    cues = sum(len(episode["cues"]) for episode in episodes)
    text_bytes = sum(len(cue[3].encode("utf-8")) for episode in episodes
                     for cue in episode["cues"])
    rss_loaded = peak_rss_mb()

    path = os.path.join(arguments.work, index_name)
    started = time.perf_counter()
    index = build(episodes, path)
    build_seconds = time.perf_counter() - started
    rss_built = peak_rss_mb()
    index_bytes = directory_bytes(path)

    queries = read_queries(arguments.queries)
    per_query = run_queries(queries, make_search(index, episodes), arguments.rounds)
    write_details(arguments.details, per_query)
    result = {
        "peer": peer,
        "version": version,
        "episodes": len(episodes),
        "cues": cues,
        "cue_text_bytes": text_bytes,
        "build_s": round(build_seconds, 3),
        "build_mb_per_s": round(text_bytes / 1e6 / build_seconds, 2),
        "index_bytes": index_bytes,
        "index_per_text": round(index_bytes / text_bytes, 3),
        "peak_rss_mb": round(rss_built, 1),
        "rss_after_loading_archive_mb": round(rss_loaded, 1),
    }
    result.update(extra(index) if extra else {})
    result.update(summarise(per_query))
    print(json.dumps(result, ensure_ascii=False))

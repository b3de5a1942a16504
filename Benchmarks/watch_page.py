#!/usr/bin/env python3
"""Time `/watch/{id}` for a 3-hour talk (3,000 cues) against its peers in the same run.

    Benchmarks/watch_page.py [--talks PATH] [--cues 3000] [--requests 50]

Writes one generated episode (CUES cues 3.6 s apart, two speakers, Swedish sentences
with "strategi" in its inflections and compounds) into a temporary archive, ingests it,
starts `talks serve` on loopback and requests over one keep-alive connection, after 5
warm-up requests each:

  /watch/ID                      the page without parameters
  /watch/ID?t=5400&q=strategi    the page at a time with the query's matches marked
  /episodes/ID/transcript        the same cues as JSON (the peer: same reads, no HTML)
  /search?q=strategi             a search over the same index

and prints the median and 90th percentile time to the last byte and the body size. The
talks binary is `--talks`, `$TALKS`, or `.build/release/talks` (build it with
`swift build -c release`). Benchmark tool only, never a runtime dependency of talks.
"""

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

WORDS = ["och", "det", "att", "vi", "har", "en", "på", "för", "med", "landsbygden", "kommunen", "vatten",
         "företagen", "regionen", "utveckling", "samarbete", "kompetens", "lantbrukare", "skogen", "frågan"]
MARKED = ["strategi", "strategin", "strategier", "livsmedelsstrategin", "vattenstrategi"]


def clock(milliseconds):
    hours, rest = divmod(milliseconds, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def write_episode(folder, cues, seed=1):
    generator = random.Random(seed)
    os.makedirs(folder)
    with open(os.path.join(folder, "episode.json"), "w", encoding="utf-8") as file:
        json.dump({"title": "Tre timmar om landsbygden", "date": "2023-01-18T09:00:00+01:00", "series": "Benchmark",
                   "recording": "https://media.example.org/long.mp4", "duration": cues * 3.6}, file, ensure_ascii=False)
    lines = ["WEBVTT", ""]
    for index in range(cues):
        start = int(index * 3600)
        words = [generator.choice(WORDS) for _ in range(generator.randint(10, 16))]
        if index % 7 == 0:
            words.insert(generator.randrange(len(words)), generator.choice(MARKED))
        speaker = "Karin Lindqvist" if (index // 5) % 2 == 0 else "Helene Oscarsson"
        lines += [f"{clock(start)} --> {clock(start + 3400)}", f"<v {speaker}>{' '.join(words).capitalize()}.", ""]
    with open(os.path.join(folder, "transcript.vtt"), "w", encoding="utf-8") as file:
        file.write("\n".join(lines))


def measure(connection, path, requests):
    timings = []
    size = 0
    for round_number in range(5 + requests):
        began = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - began) * 1000
        if response.status != 200:
            sys.exit(f"watch_page: {path} answered {response.status}: {body[:200]!r}")
        size = len(body)
        if round_number >= 5:
            timings.append(elapsed)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.9) - 1], size


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--talks", default=os.environ.get("TALKS", ".build/release/talks"))
    parser.add_argument("--cues", type=int, default=3000)
    parser.add_argument("--requests", type=int, default=50)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        write_episode(os.path.join(work, "archive", "long"), options.cues)
        subprocess.run([options.talks, "ingest", os.path.join(work, "archive"), "--index", os.path.join(work, "index")],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        server = subprocess.Popen([options.talks, "serve", "--index", os.path.join(work, "index"), "--port", "0", "--quiet"],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            address = server.stdout.readline().strip()
            host_port = address.split("//", 1)[1].rstrip("/")
            connection = http.client.HTTPConnection(host_port, timeout=30)
            print(f"talks: {options.talks}; episode: {options.cues} cues; {options.requests} requests each after 5 warm-ups")
            print(f"{'request':34} {'median ms':>10} {'p90 ms':>8} {'bytes':>9}")
            for path in ["/watch/long", "/watch/long?t=5400&q=strategi", "/episodes/long/transcript", "/search?q=strategi"]:
                median, p90, size = measure(connection, path, options.requests)
                print(f"{path:34} {median:10.2f} {p90:8.2f} {size:9d}")
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()

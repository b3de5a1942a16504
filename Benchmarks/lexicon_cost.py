#!/usr/bin/env python3
"""The cost of the Swedish lexicon at ingest: CPU, wall, peak RSS and index bytes of
`talks ingest` with and without hunspell-sv-se, alternated in one run.

Usage: Benchmarks/lexicon_cost.py ARCHIVE REPEATS LABEL=BINARY[:rules] ...

Each configuration ingests ARCHIVE into an empty index REPEATS times, the configurations
taking turns (A, B, C, A, B, C, ...) so that load from other processes falls on all of
them alike. `:rules` runs the binary with TALKS_HUNSPELL_DIR=/nonexistent (rules-only
analysis, the same binary's peer). Prints per configuration the medians of user+sys CPU,
wall and max RSS (GNU time), the index's bytes and its .expansions bytes, and the CPU of
every run. Needs /usr/bin/time.
"""
import glob
import os
import shutil
import statistics
import subprocess
import sys
import tempfile


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    archive, repeats = sys.argv[1], int(sys.argv[2])
    configurations = []
    for spec in sys.argv[3:]:
        label, binary = spec.split("=", 1)
        rules = binary.endswith(":rules")
        configurations.append((label, binary[: -len(":rules")] if rules else binary, rules))
    runs = {label: [] for label, _, _ in configurations}
    scratch = tempfile.mkdtemp(prefix="lexicon-cost-")
    try:
        for _ in range(repeats):
            for label, binary, rules in configurations:
                index = os.path.join(scratch, label)
                shutil.rmtree(index, ignore_errors=True)
                environment = dict(os.environ)
                if rules:
                    environment["TALKS_HUNSPELL_DIR"] = "/nonexistent"
                timing = os.path.join(scratch, "time")
                subprocess.run(["/usr/bin/time", "-f", "%U %S %e %M", "-o", timing, binary, "ingest", archive,
                                "--index", index], env=environment, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, check=True)
                user, system, wall, rss = open(timing).read().split()
                files = [f for f in glob.glob(index + "/*") if os.path.isfile(f)]
                size = sum(os.path.getsize(f) for f in files)
                expansions = sum(os.path.getsize(f) for f in files if f.endswith(".expansions"))
                runs[label].append((float(user) + float(system), float(wall), int(rss) / 1024, size, expansions))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for label, _, _ in configurations:
        values = runs[label]
        median = lambda i: statistics.median(v[i] for v in values)
        print(f"{label:>14}: cpu {median(0):.2f} s  wall {median(1):.2f} s  maxrss {median(2):.0f} MB  "
              f"index {int(median(3))} B  .expansions {int(median(4))} B  "
              f"(n={len(values)}; cpu {' '.join(f'{v[0]:.2f}' for v in values)})")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Can one client take `talks serve`? Measures, for each talks binary given, on loopback:

- cap:  after 257 idle connections from 127.0.0.1, the status of GET /health from
        127.0.0.1 and from 127.0.0.2 (another client);
- lf:   how long a request line of control bytes ending in a bare LF waits for its answer;
- vtt:  GET /episodes/big/transcript?format=vtt of a generated 63 MB transcript (96,383
        cues) alone, then two at once while /health is asked every 20 ms: the /health
        latencies (median, max) and the server's peak RSS.

    Benchmarks/server_fairness.py --talks OLD_BINARY --talks NEW_BINARY [--work DIR]

Each binary ingests the archive into its own index and serves it with the default
configuration (threads = cores). Give two binaries to compare them in the same run.
"""
import argparse
import hashlib
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time


def generate_archive(folder):
    """A 63 MB WebVTT transcript: ~96,000 cues of 110 Swedish words, three speakers."""
    episode = os.path.join(folder, "big")
    transcript = os.path.join(episode, "transcript.vtt")
    if os.path.exists(transcript):
        return
    os.makedirs(episode, exist_ok=True)
    random.seed(7)
    words = ("vatten torka våtmarker bevattning lantbruk strategi livsmedel kluster landsbygd och att det "
             "är som för med en på i till av om har vi de kan ska").split()
    speakers = ["Helene Oscarsson", "Karin Lindqvist", "Anders Bergkvist"]
    parts, size, number = ["WEBVTT\n"], 0, 0

    def stamp(seconds):
        return "%02d:%02d:%02d.000" % (seconds // 3600, seconds // 60 % 60, seconds % 60)

    while size < 63_000_000:
        text = " ".join(random.choice(words) for _ in range(110))
        cue = "\n%s --> %s\n<v %s>%s\n" % (stamp(number * 3), stamp(number * 3 + 3), speakers[number % 3], text)
        parts.append(cue)
        size += len(cue.encode())
        number += 1
    with open(transcript, "w") as file:
        file.write("".join(parts))
    with open(os.path.join(episode, "episode.json"), "w") as file:
        file.write('{"title": "Ett mycket långt webbinarium", "date": "2023-01-01T12:00:00+01:00"}\n')


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def request(port, path, source="127.0.0.1", timeout=60):
    """(status, seconds) of one GET with Connection: close."""
    connection = socket.socket()
    connection.settimeout(timeout)
    connection.bind((source, 0))
    started = time.monotonic()
    connection.connect(("127.0.0.1", port))
    try:
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
    except OSError:
        pass  # refused at once: the answer may already be waiting
    data = b""
    while True:
        try:
            chunk = connection.recv(1 << 16)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    connection.close()
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else None
    return status, time.monotonic() - started


def curl(port, path):
    out = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total}",
                          f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True).stdout.split()
    return int(out[0]), float(out[1])


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def measure(binary, work):
    index = os.path.join(work, "index-" + hashlib.sha1(binary.encode()).hexdigest()[:12])
    if not os.path.exists(os.path.join(index, "manifest.json")):
        subprocess.run([binary, "ingest", os.path.join(work, "archive"), "--index", index], check=True,
                       stdout=subprocess.DEVNULL)
    port = free_port()
    server = subprocess.Popen([binary, "serve", "--index", index, "--port", str(port), "--quiet"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1)
        print(f"== {binary}")
        idle = []
        for _ in range(257):
            hoarder = socket.socket()
            hoarder.bind(("127.0.0.1", 0))
            hoarder.connect(("127.0.0.1", port))
            idle.append(hoarder)
        time.sleep(0.3)
        print(f"cap: after 257 idle connections from 127.0.0.1, /health from 127.0.0.1 -> "
              f"{request(port, '/health')[0]}, from 127.0.0.2 -> {request(port, '/health', '127.0.0.2')[0]}")
        for hoarder in idle:
            hoarder.close()
        time.sleep(0.5)

        garbage = socket.create_connection(("127.0.0.1", port), timeout=30)
        started = time.monotonic()
        garbage.sendall(b"\x01\x02\x03\x7f\x1b[2J\n")
        answer = garbage.recv(4096).split(b"\r\n")[0].decode()
        print(f"lf:  control bytes + bare LF -> {answer!r} after {time.monotonic() - started:.3f} s")
        garbage.close()

        path = "/episodes/big/transcript?format=vtt"
        alone = [curl(port, path)[1] for _ in range(3)]
        print(f"vtt: alone {', '.join(f'{s:.2f}' for s in alone)} s (median {statistics.median(alone):.2f} s)")
        for run in range(3):
            results = []
            threads = [threading.Thread(target=lambda: results.append(curl(port, path))) for _ in range(2)]
            for thread in threads:
                thread.start()
            time.sleep(0.05)
            health = []
            while any(thread.is_alive() for thread in threads):
                health.append(request(port, "/health")[1] * 1000)
                time.sleep(0.02)
            for thread in threads:
                thread.join()
            print(f"vtt: two at once {', '.join(f'{r[1]:.2f}' for r in results)} s; /health meanwhile "
                  f"n={len(health)} median {statistics.median(health):.1f} ms, max {max(health):.1f} ms")
        print(f"peak RSS of the server: {peak_rss_mb(server.pid):.0f} MB")
    finally:
        server.terminate()
        server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--talks", action="append", required=True, help="a talks binary (give two to compare)")
    parser.add_argument("--work", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "work", "fairness"))
    arguments = parser.parse_args()
    generate_archive(os.path.join(arguments.work, "archive"))
    for binary in arguments.talks:
        measure(os.path.abspath(binary), arguments.work)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The watch page in headless Chromium, driven through the DevTools protocol (stdlib only).

    Scripts/watch_page_check.py --talks PATH --video FILE.webm --archive archive/ --output DIR

Used by Scripts/check-watch-page.sh, which builds talks and makes the video. This script:
  1. serves the video from a loopback port with HTTP Range support (what a browser needs
     to seek; `python3 -m http.server` has none),
  2. writes a one-episode archive: the sample episode landet-lar-55 whose recording is that
     video, ingests it and starts `talks serve`,
  3. starts chromium --headless --remote-debugging-port=0 and, over its WebSocket, loads
     /watch/landet-lar-55?t=106&q=strategi and checks the player, every cue of the WebVTT
     file (read here, not by talks), the <mark>s, the aria-current cue and that it is in
     view, that clicking a line moves the video's currentTime there, that the current line
     follows playback, and the next-match button,
  4. takes PNG screenshots at 1280x800 and 390x844 in light and dark (prefers-color-scheme
     emulated) into DIR.
Exit status 0 when every check passed.
"""

import argparse
import base64
import http.server
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

EPISODE = "landet-lar-55"


class RangeHandler(http.server.BaseHTTPRequestHandler):
    """Serves one file, honouring a single `Range: bytes=a-b`."""
    path_on_disk = ""

    def log_message(self, *arguments):
        pass

    def do_GET(self):
        data_size = os.path.getsize(self.path_on_disk)
        start, end = 0, data_size - 1
        match = re.match(r"bytes=(\d*)-(\d*)$", self.headers.get("Range", ""))
        if match and (match.group(1) or match.group(2)):
            if match.group(1):
                start = int(match.group(1))
                end = int(match.group(2)) if match.group(2) else data_size - 1
            else:
                start = max(0, data_size - int(match.group(2)))
            end = min(end, data_size - 1)
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{end}/{data_size}")
        else:
            self.send_response(200)
        self.send_header("Content-Type", "video/webm")
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        with open(self.path_on_disk, "rb") as file:
            file.seek(start)
            self.wfile.write(file.read(end - start + 1))


class DevTools:
    """A minimal Chrome DevTools Protocol client over a WebSocket (RFC 6455), stdlib only."""

    def __init__(self, url):
        host_port, path = url.split("//", 1)[1].split("/", 1)
        host, port = host_port.split(":")
        self.socket = socket.create_connection((host, int(port)), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.socket.sendall((f"GET /{path} HTTP/1.1\r\nHost: {host_port}\r\nUpgrade: websocket\r\n"
                             f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.socket.recv(1)
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise RuntimeError(f"DevTools WebSocket handshake failed: {head[:200]!r}")
        self.next_id = 0
        self.events = []

    def _receive_exactly(self, count):
        data = b""
        while len(data) < count:
            chunk = self.socket.recv(count - len(data))
            if not chunk:
                raise RuntimeError("DevTools connection closed")
            data += chunk
        return data

    def _receive_message(self):
        message = b""
        while True:
            first, second = self._receive_exactly(2)
            length = second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._receive_exactly(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._receive_exactly(8))[0]
            payload = self._receive_exactly(length)
            message += payload
            if first & 0x80:
                return json.loads(message.decode())

    def call(self, method, **params):
        self.next_id += 1
        frame_id = self.next_id
        payload = json.dumps({"id": frame_id, "method": method, "params": params}).encode()
        mask = os.urandom(4)
        header = bytes([0x81])
        if len(payload) < 126:
            header += bytes([0x80 | len(payload)])
        elif len(payload) < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", len(payload))
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", len(payload))
        self.socket.sendall(header + mask + bytes(byte ^ mask[index % 4] for index, byte in enumerate(payload)))
        while True:
            message = self._receive_message()
            if message.get("id") == frame_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for_event(self, method, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for index, event in enumerate(self.events):
                if event.get("method") == method:
                    return self.events.pop(index)
            self.events.append(self._receive_message())
        raise RuntimeError(f"no {method} within {timeout} s")

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_until(self, expression, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.evaluate(expression):
                return True
            time.sleep(0.1)
        return False


def cue_starts(vtt_path):
    """The start of every cue of a WebVTT file, in seconds (read independently of talks)."""
    starts = []
    for line in open(vtt_path, encoding="utf-8"):
        match = re.match(r"(?:(\d+):)?(\d\d):(\d\d)\.(\d\d\d) -->", line)
        if match:
            hours = int(match.group(1) or 0)
            starts.append(hours * 3600 + int(match.group(2)) * 60 + int(match.group(3)) + int(match.group(4)) / 1000)
    return starts


def start_process(arguments, **options):
    return subprocess.Popen(arguments, **options)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--talks", required=True)
    parser.add_argument("--video", required=True)
    parser.add_argument("--archive", required=True)
    parser.add_argument("--output", required=True)
    options = parser.parse_args()
    os.makedirs(options.output, exist_ok=True)
    work = tempfile.mkdtemp(prefix="talks-watch-check-")
    processes = []
    failures = []

    def check(description, passed, detail=""):
        print(("ok: " if passed else "FAILED: ") + description + (f" ({detail})" if detail != "" else ""))
        if not passed:
            failures.append(description)

    try:
        RangeHandler.path_on_disk = options.video
        media = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RangeHandler)
        threading.Thread(target=media.serve_forever, daemon=True).start()
        video_url = f"http://127.0.0.1:{media.server_address[1]}/{os.path.basename(options.video)}"

        source = os.path.join(options.archive, EPISODE)
        folder = os.path.join(work, "archive", EPISODE)
        os.makedirs(folder)
        shutil.copy(os.path.join(source, "transcript.vtt"), folder)
        episode = json.load(open(os.path.join(source, "episode.json"), encoding="utf-8"))
        episode["recording"] = video_url
        json.dump(episode, open(os.path.join(folder, "episode.json"), "w", encoding="utf-8"), ensure_ascii=False)
        starts = cue_starts(os.path.join(folder, "transcript.vtt"))

        subprocess.run([options.talks, "ingest", os.path.join(work, "archive"), "--index", os.path.join(work, "index")],
                       check=True, stdout=subprocess.DEVNULL)
        serve = start_process([options.talks, "serve", "--index", os.path.join(work, "index"), "--port", "0", "--quiet"],
                              stdout=subprocess.PIPE, text=True)
        processes.append(serve)
        base = serve.stdout.readline().strip()
        print(f"check-watch-page: talks serves at {base}, the video at {video_url}", file=sys.stderr)

        chrome = start_process(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                "--no-first-run", "--mute-audio", "--autoplay-policy=no-user-gesture-required",
                                f"--user-data-dir={work}/profile", "--remote-debugging-port=0", "about:blank"],
                               stderr=subprocess.PIPE, text=True)
        processes.append(chrome)
        endpoint = None
        for line in chrome.stderr:
            match = re.search(r"DevTools listening on (ws://\S+)", line)
            if match:
                endpoint = match.group(1)
                break
        if endpoint is None:
            raise RuntimeError("chromium did not open its DevTools port")
        threading.Thread(target=lambda: [None for _ in chrome.stderr], daemon=True).start()
        port = endpoint.split("//", 1)[1].split("/", 1)[0]
        targets = json.load(urllib.request.urlopen(f"http://{port}/json/list"))
        page = next(target for target in targets if target["type"] == "page")
        tools = DevTools(page["webSocketDebuggerUrl"])
        tools.call("Page.enable")
        tools.call("Runtime.enable")

        def load(url, width, height, dark):
            tools.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=width < 600)
            tools.call("Emulation.setEmulatedMedia", features=[{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}])
            tools.call("Page.navigate", url=url)
            tools.wait_for_event("Page.loadEventFired")
            time.sleep(0.3)

        url = f"{base}watch/{EPISODE}?t=106&q=strategi"
        load(url, 1280, 800, False)

        check("the page has a <video> player playing the recording",
              tools.evaluate("(() => { const v = document.querySelector('video#player'); return !!v && v.currentSrc.startsWith(%s); })()" % json.dumps(video_url)))
        shown = tools.evaluate("Array.from(document.querySelectorAll('#cues li[data-start]'), li => parseFloat(li.dataset.start))")
        check(f"every cue of the WebVTT file is a line ({len(starts)})",
              len(shown) == len(starts) and all(abs(a - b) < 0.001 for a, b in zip(shown, starts)), f"page has {len(shown)}")
        check("every line has a time link, and its text",
              tools.evaluate("document.querySelectorAll('#cues li[data-start]').length > 0 && Array.from(document.querySelectorAll('#cues li[data-start]')).every(li => li.querySelector('a.t[href^=\"?t=\"]') && li.textContent.trim().length > 6)"))
        marks = tools.evaluate("Array.from(document.querySelectorAll('#cues mark'), m => m.textContent)")
        check(f"the query's matches are marked, inflections and compounds included ({len(marks)}: {', '.join(sorted(set(marks)))})",
              len(marks) >= 3 and all("strategi" in mark.lower() for mark in marks)
              and any(mark.lower() != "strategi" for mark in marks))
        current = tools.evaluate("(() => { const c = document.querySelectorAll('#cues li[aria-current=\"true\"]'); return c.length === 1 ? parseFloat(c[0].dataset.start) : null; })()")
        expected = max(start for start in starts if start < 107)
        check("the cue at ?t=106 has aria-current=\"true\"", current == expected, f"{current} expected {expected}")
        if failures:
            raise RuntimeError("the page is not a watch page; the interactive checks cannot run")
        check("the current cue is scrolled into view",
              tools.evaluate("(() => { const c = document.querySelector('#cues li[aria-current]'), p = document.getElementById('transcript'); const a = c.getBoundingClientRect(), b = p.getBoundingClientRect(); return a.top >= b.top && a.bottom <= b.bottom && p.scrollTop > 0; })()"))

        check("the video's metadata loads (it can seek)", tools.wait_until("document.getElementById('player').readyState >= 1", 15))
        before = tools.evaluate("document.getElementById('player').currentTime")
        target = tools.evaluate("(() => { const li = document.querySelectorAll('#cues li[data-start]')[2]; li.scrollIntoView({block: 'center'}); const r = li.getBoundingClientRect(); return {x: r.left + r.width * 0.7, y: r.top + r.height / 2, start: parseFloat(li.dataset.start)}; })()")
        for kind in ("mousePressed", "mouseReleased"):
            tools.call("Input.dispatchMouseEvent", type=kind, x=target["x"], y=target["y"], button="left", clickCount=1)
        moved = tools.wait_until(f"Math.abs(document.getElementById('player').currentTime - {target['start']}) < 1.5", 5)
        after = tools.evaluate("document.getElementById('player').currentTime")
        check(f"clicking a line moves the video's currentTime to it ({before:.1f} → {after:.1f}, line at {target['start']})", moved)
        check("the clicked line becomes the current one",
              tools.evaluate(f"parseFloat(document.querySelector('#cues li[aria-current]').dataset.start) === {target['start']}"))
        check("the address keeps the new time (?t=)", tools.evaluate(f"new URL(location.href).searchParams.get('t') === '{int(target['start'])}'"))
        follow_to = starts[3]
        tools.evaluate(f"(() => {{ const v = document.getElementById('player'); v.currentTime = {follow_to + 0.3}; return true; }})()")
        check("the current line follows playback (timeupdate)",
              tools.wait_until(f"parseFloat(document.querySelector('#cues li[aria-current]').dataset.start) === {follow_to}", 5))
        tools.evaluate("document.getElementById('player').pause(), true")
        tools.evaluate("document.getElementById('next-match').click(), true")
        check("next-match marks the first match and counts (\"1 av …\")",
              tools.evaluate("document.querySelectorAll('#cues mark.active').length === 1 && document.getElementById('match-count').textContent.startsWith('1 av ')"))

        for name, width, height, dark in [("desktop-light", 1280, 800, False), ("desktop-dark", 1280, 800, True),
                                          ("phone-light", 390, 844, False), ("phone-dark", 390, 844, True)]:
            load(url, width, height, dark)
            tools.evaluate("document.getElementById('player').pause(), true")
            data = tools.call("Page.captureScreenshot", format="png")["data"]
            path = os.path.join(options.output, f"watch-{name}.png")
            with open(path, "wb") as file:
                file.write(base64.b64decode(data))
            check(f"screenshot {path}", os.path.getsize(path) > 1000)
        background = tools.evaluate("getComputedStyle(document.body).backgroundColor")
        check("dark mode applies under prefers-color-scheme: dark", background == "rgb(20, 24, 28)", background)
        media.shutdown()
    except RuntimeError as error:
        check(str(error), False)
    finally:
        for process in reversed(processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"check-watch-page: {len(failures)} check(s) failed", file=sys.stderr)
        return 1
    print(f"check-watch-page: all checks passed; screenshots in {options.output}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())

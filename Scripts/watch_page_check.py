#!/usr/bin/env python3
"""The watch page in headless Chromium, driven by Scripts/browser.py (stdlib only).

    Scripts/watch_page_check.py --talks PATH --video FILE.webm --archive archive/ --output DIR

Used by Scripts/check-watch-page.sh, which builds talks and makes the video. This script:
  1. serves the video from a loopback port with HTTP Range support (what a browser needs
     to seek; `python3 -m http.server` has none),
  2. writes a one-episode archive: the sample episode landet-lar-55 whose recording is that
     video, ingests it and starts `talks serve`,
  3. in headless Chromium (browser.py's `Browser`) loads /watch/landet-lar-55?t=106&q=strategi
     and checks the player, every cue of the WebVTT file (read here, not by talks), the
     <mark>s, the aria-current cue and that it is in view, that clicking a line moves the
     video's currentTime there, that the current line follows playback, and the next-match
     button,
  4. goes from the search page to the watch page as a viewer does: clicks a hit's time on
     /?q=strategi and checks the watch page opens with the player at that time, the cue
     aria-current and the query marked; then the header link back to the search keeps the query,
  5. takes PNG screenshots at 1280x800 and 390x844 in light and dark (prefers-color-scheme
     emulated) into DIR.
Exit status 0 when every check passed.
"""

import argparse
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser import Browser  # noqa: E402 (the project's one Chromium driver, beside this script)

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
    browsers = []
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

        tools = Browser(os.path.join(work, "profile"), flags=("--autoplay-policy=no-user-gesture-required",))
        browsers.append(tools)

        def load(url, width, height, dark):
            tools.open(url, width, height, width < 600, dark)
            time.sleep(0.3)

        url = f"{base}watch/{EPISODE}?t=106&q=strategi"
        load(url, 1280, 800, False)

        check("the page has a <video> player playing the recording",
              tools.value("(() => { const v = document.querySelector('video#player'); return !!v && v.currentSrc.startsWith(%s); })()" % json.dumps(video_url)))
        shown = tools.value("Array.from(document.querySelectorAll('#cues li[data-start]'), li => parseFloat(li.dataset.start))")
        check(f"every cue of the WebVTT file is a line ({len(starts)})",
              len(shown) == len(starts) and all(abs(a - b) < 0.001 for a, b in zip(shown, starts)), f"page has {len(shown)}")
        check("every line has a time link, and its text",
              tools.value("document.querySelectorAll('#cues li[data-start]').length > 0 && Array.from(document.querySelectorAll('#cues li[data-start]')).every(li => li.querySelector('a.t[href^=\"?t=\"]') && li.textContent.trim().length > 6)"))
        marks = tools.value("Array.from(document.querySelectorAll('#cues mark'), m => m.textContent)")
        check(f"the query's matches are marked, inflections and compounds included ({len(marks)}: {', '.join(sorted(set(marks)))})",
              len(marks) >= 3 and all("strategi" in mark.lower() for mark in marks)
              and any(mark.lower() != "strategi" for mark in marks))
        current = tools.value("(() => { const c = document.querySelectorAll('#cues li[aria-current=\"true\"]'); return c.length === 1 ? parseFloat(c[0].dataset.start) : null; })()")
        expected = max(start for start in starts if start < 107)
        check("the cue at ?t=106 has aria-current=\"true\"", current == expected, f"{current} expected {expected}")
        if failures:
            raise RuntimeError("the page is not a watch page; the interactive checks cannot run")
        check("the current cue is scrolled into view",
              tools.value("(() => { const c = document.querySelector('#cues li[aria-current]'), p = document.getElementById('transcript'); const a = c.getBoundingClientRect(), b = p.getBoundingClientRect(); return a.top >= b.top && a.bottom <= b.bottom && p.scrollTop > 0; })()"))

        check("the video's metadata loads (it can seek)", tools.wait_until("document.getElementById('player').readyState >= 1", 15))
        before = tools.value("document.getElementById('player').currentTime")
        target = tools.value("(() => { const li = document.querySelectorAll('#cues li[data-start]')[2]; li.scrollIntoView({block: 'center'}); const r = li.getBoundingClientRect(); return {x: r.left + r.width * 0.7, y: r.top + r.height / 2, start: parseFloat(li.dataset.start)}; })()")
        tools.click(target["x"], target["y"])
        moved = tools.wait_until(f"Math.abs(document.getElementById('player').currentTime - {target['start']}) < 1.5", 5)
        after = tools.value("document.getElementById('player').currentTime")
        check(f"clicking a line moves the video's currentTime to it ({before:.1f} → {after:.1f}, line at {target['start']})", moved)
        check("the clicked line becomes the current one",
              tools.value(f"parseFloat(document.querySelector('#cues li[aria-current]').dataset.start) === {target['start']}"))
        check("the address keeps the new time (?t=)", tools.value(f"new URL(location.href).searchParams.get('t') === '{int(target['start'])}'"))
        follow_to = starts[3]
        tools.value(f"(() => {{ const v = document.getElementById('player'); v.currentTime = {follow_to + 0.3}; return true; }})()")
        check("the current line follows playback (timeupdate)",
              tools.wait_until(f"parseFloat(document.querySelector('#cues li[aria-current]').dataset.start) === {follow_to}", 5))
        tools.value("document.getElementById('player').pause(), true")
        tools.value("document.getElementById('next-match').click(), true")
        check("next-match marks the first match and counts (\"1 av …\")",
              tools.value("document.querySelectorAll('#cues mark.active').length === 1 && document.getElementById('match-count').textContent.startsWith('1 av ')"))

        # From the search page to the watch page, as a viewer goes: a real click on a hit's time.
        load(f"{base}?q=strategi", 1280, 800, False)
        hit = tools.click_element(f"li.episode a.time[href^='watch/{EPISODE}?t=']", wait_for_load=True)
        seconds = int(re.search(r"[?&]t=(\d+)", hit["href"]).group(1))
        check(f"clicking the hit {hit['text']} on the search page opens its watch page with ?t= and ?q=",
              tools.value(f"location.pathname.endsWith('/watch/{EPISODE}') && new URL(location.href).searchParams.get('t') === '{seconds}'"
                          " && new URL(location.href).searchParams.get('q') === 'strategi'"), hit["href"])
        expected = max((start for start in starts if start < seconds + 1), default=starts[0])
        check(f"the player starts at the hit's time ({seconds} s)",
              tools.wait_until(f"(() => {{ const v = document.getElementById('player'); return v.readyState >= 1 && Math.abs(v.currentTime - {expected}) < 1.5; }})()", 15),
              tools.value("document.getElementById('player').currentTime"))
        check(f"the cue at the hit's time is aria-current ({expected})",
              tools.value(f"(() => {{ const c = document.querySelectorAll('#cues li[aria-current=\"true\"]'); return c.length === 1 && parseFloat(c[0].dataset.start) === {expected}; }})()"))
        check("the hit's cue has the query marked",
              tools.value("document.querySelector('#cues li[aria-current] mark') !== null && document.querySelectorAll('#cues mark').length >= 3"))
        back = tools.click_element("header .site a", wait_for_load=True)
        check("the header link leads back to the search, keeping the query",
              tools.value("location.pathname === '/' && document.getElementById('q').value === 'strategi' && document.querySelectorAll('li.episode').length > 0"),
              back["href"])

        for name, width, height, dark in [("desktop-light", 1280, 800, False), ("desktop-dark", 1280, 800, True),
                                          ("phone-light", 390, 844, False), ("phone-dark", 390, 844, True)]:
            load(url, width, height, dark)
            tools.value("document.getElementById('player').pause(), true")
            path = os.path.join(options.output, f"watch-{name}.png")
            tools.screenshot(path, full_page=False)
            check(f"screenshot {path}", os.path.getsize(path) > 1000)
        background = tools.value("getComputedStyle(document.body).backgroundColor")
        check("dark mode applies under prefers-color-scheme: dark", background == "rgb(20, 24, 28)", background)
        media.shutdown()
    except (RuntimeError, TimeoutError) as error:
        check(str(error), False)
    finally:
        for browser in browsers:
            browser.close()
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

#!/usr/bin/env python3
"""Drives headless Chromium over the DevTools protocol on a pipe, with the standard library only.

    Scripts/browser.py URL [--width 1280 --height 800] [--mobile] [--dark]
                           [--eval FILE [--frame-origin ORIGIN]] [--screenshot OUT.png [--full-page]]

Opens URL in a fresh headless Chromium (--remote-debugging-pipe: no port, no websocket),
waits for its load event, then optionally evaluates the JavaScript in FILE (the body of an
async function; what it returns is printed as JSON on stdout) and takes a PNG screenshot.
--dark emulates `prefers-color-scheme: dark` (light otherwise); --mobile a touch phone.
--frame-origin evaluates inside the first frame from ORIGIN instead of the page (an embedded
iframe: site isolation is turned off so the frame runs in the page's process and the protocol
can reach it). Exits 1 with the reason on stderr when the browser fails or the script throws.

The one Chromium driver of the project: Scripts/check-search-page.sh runs it as a command,
Scripts/watch_page_check.py imports `Browser` (several loads in one page, clicks, waits).
"""
import argparse
import base64
import json
import os
import subprocess
import sys
import tempfile
import time


class Browser:
    """One Chromium process and one page in it, spoken to over fds 3 (in) and 4 (out)."""

    def __init__(self, profile, chromium="chromium", flags=()):
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()

        def wire_pipes():  # in the child: the protocol pipes become fds 3 and 4
            high_read, high_write = os.dup(to_browser_read), os.dup(from_browser_write)
            os.dup2(high_read, 3)
            os.dup2(high_write, 4)

        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
             "--remote-debugging-pipe", "--user-data-dir=" + profile, "--mute-audio",
             "--disable-site-isolation-trials", "--disable-features=site-per-process,IsolateOrigins", *flags],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            close_fds=False, preexec_fn=wire_pipes)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.events = []
        self.next_id = 0
        self.session = None

    def send(self, method, params=None, session=True, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            reply = self.read(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            self.events.append(reply)

    def read(self, deadline):
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                raise TimeoutError("the browser did not answer in time")
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("the browser closed the protocol pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def wait_for(self, method, timeout=30):
        deadline = time.time() + timeout
        while True:
            for index, event in enumerate(self.events):
                if event.get("method") == method:
                    return self.events.pop(index)
            self.events.append(self.read(deadline))

    def open(self, url, width=1280, height=800, mobile=False, dark=False):
        """Loads `url` in the page (made on the first call, reused after) at that size and
        colour scheme, and waits for its load event."""
        if self.session is None:
            target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
            self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
            self.send("Page.enable")
            self.send("Runtime.enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
        self.send("Emulation.setTouchEmulationEnabled", {"enabled": mobile, "maxTouchPoints": 1})
        self.send("Emulation.setEmulatedMedia",
                  {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})
        self.events.clear()
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def evaluate(self, body, frame_origin=None):
        expression = "(async () => {\n" + body + "\n})()"
        params = {"expression": expression, "awaitPromise": True, "returnByValue": True, "timeout": 20000}
        if frame_origin:
            params["contextId"] = self.frame_context(frame_origin)
        result = self.send("Runtime.evaluate", params)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise RuntimeError("the script threw: " + details.get("exception", {}).get("description", details.get("text", "")))
        return result.get("result", {}).get("value")

    def value(self, expression):
        """The value of one JavaScript expression in the page."""
        return self.evaluate("return (" + expression + ");")

    def wait_until(self, expression, timeout=10):
        """Whether `expression` became true within `timeout` seconds (polled every 0.1 s)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.value(expression):
                return True
            time.sleep(0.1)
        return False

    def click(self, x, y, wait_for_load=False):
        """A real left click at (x, y) in CSS pixels of the viewport; with `wait_for_load`,
        waits for the page it opens to load."""
        self.events = [event for event in self.events if event.get("method") != "Page.loadEventFired"]
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})
        if wait_for_load:
            self.wait_for("Page.loadEventFired")

    def click_element(self, selector, wait_for_load=False):
        """Scrolls the first element matching `selector` into view and clicks its middle;
        returns its attributes (href, textContent), or raises when there is none."""
        found = self.value("(() => { const e = document.querySelector(%s); if (!e) return null; e.scrollIntoView({block: 'center'});"
                           " const r = e.getBoundingClientRect(); return {x: r.left + r.width / 2, y: r.top + r.height / 2,"
                           " href: e.getAttribute('href'), text: e.textContent}; })()" % json.dumps(selector))
        if not found:
            raise RuntimeError(f"nothing on the page matches {selector}")
        self.click(found["x"], found["y"], wait_for_load)
        return found

    def frame_context(self, origin, timeout=15):
        """The default execution context of the first frame from `origin` that is not the page."""
        main = self.send("Page.getFrameTree")["frameTree"]["frame"]["id"]
        deadline = time.time() + timeout
        while time.time() < deadline:
            for event in self.events:
                if event.get("method") != "Runtime.executionContextCreated":
                    continue
                context = event["params"]["context"]
                aux = context.get("auxData", {})
                if context.get("origin") == origin and aux.get("isDefault") and aux.get("frameId") != main:
                    return context["id"]
            self.events.append(self.read(deadline))
        raise TimeoutError(f"no frame from {origin} appeared")

    def screenshot(self, path, full_page):
        params = {"format": "png"}
        if full_page:
            size = self.send("Page.getLayoutMetrics")["cssContentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
            params["captureBeyondViewport"] = True
        data = self.send("Page.captureScreenshot", params)["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))

    def close(self):
        try:
            self.send("Browser.close", session=False, timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=800)
    parser.add_argument("--mobile", action="store_true")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--eval", dest="script")
    parser.add_argument("--frame-origin")
    parser.add_argument("--screenshot")
    parser.add_argument("--full-page", action="store_true")
    parser.add_argument("--chromium", default="chromium")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="talks-browser-") as profile:
        browser = Browser(profile, arguments.chromium)
        try:
            browser.open(arguments.url, arguments.width, arguments.height, arguments.mobile, arguments.dark)
            if arguments.script:
                with open(arguments.script, encoding="utf-8") as file:
                    print(json.dumps(browser.evaluate(file.read(), arguments.frame_origin), ensure_ascii=False))
            if arguments.screenshot:
                browser.screenshot(arguments.screenshot, arguments.full_page)
        except Exception as error:  # one line for the calling script, not a traceback
            print(f"browser.py: {error}", file=sys.stderr)
            return 1
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

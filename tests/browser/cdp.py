# SPDX-License-Identifier: Apache-2.0
"""A small driver of Debian's headless Chromium over the DevTools protocol, Python stdlib only.

The browser is started with --remote-debugging-pipe: it reads commands on its fd 3 and writes
replies and events on its fd 4, each message JSON ended by a NUL byte. The network is off (a
proxy at a closed port, every host name unresolvable), so a page that asks for anything from
outside fails to get it, and the caller sees the request among the events.

    with Browser() as browser:
        browser.load("/abs/path/report.html")
        rows = browser.evaluate("document.querySelectorAll('tr').length")
        png = browser.screenshot(1280, 1800)
        pdf = browser.pdf()
        browser.events  # every event received, in order
"""
import base64
import fcntl
import json
import os
import pathlib
import shutil
import subprocess
import tempfile
import time

CHROMIUM = "/usr/bin/chromium"


class BrowserError(Exception):
    pass


class Browser:
    def __init__(self, executable=CHROMIUM, timeout=60.0):
        if not os.path.exists(executable):
            raise BrowserError(
                f"{executable} is missing: install it with 'apt-get install -y --no-install-recommends chromium' "
                "(scripts/dev lists it among the packages)")
        self.timeout = timeout
        self.events = []
        self._next_id = 0
        self._buffer = b""
        self._profile = tempfile.mkdtemp(prefix="fundscreen-chromium-")
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()
        # The child's ends above fd 9, so that moving them onto 3 and 4 cannot clobber either.
        child_in = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD_CLOEXEC, 10)
        child_out = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(to_browser_r)
        os.close(from_browser_w)

        def onto_3_and_4():
            os.dup2(child_in, 3)
            os.dup2(child_out, 4)

        args = [
            executable, "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
            f"--user-data-dir={self._profile}", "--proxy-server=127.0.0.1:9",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--remote-debugging-pipe", "about:blank",
        ]
        if os.geteuid() == 0:
            args.insert(1, "--no-sandbox")
        self._stderr = tempfile.TemporaryFile()
        self._process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=self._stderr, pass_fds=(3, 4), preexec_fn=onto_3_and_4)
        os.close(child_in)
        os.close(child_out)
        self._write = to_browser_w
        self._read = from_browser_r
        self.session = None
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next((t for t in targets if t["type"] == "page"), None)
        target = page["targetId"] if page else self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        if self._process.poll() is None:
            try:
                self._send("Browser.close", {}, session=False)
            except OSError:
                pass
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        for fd in (self._write, self._read):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self._profile, ignore_errors=True)

    def stderr(self):
        self._stderr.seek(0)
        return self._stderr.read().decode("utf-8", "replace")

    # The protocol.
    def _send(self, method, params, session=True):
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        return self._next_id

    def _receive(self, deadline):
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise BrowserError("chromium did not answer in time\n" + self.stderr())
            chunk = os.read(self._read, 1 << 16)
            if not chunk:
                raise BrowserError("chromium closed the pipe\n" + self.stderr())
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, **params):
        """Sends a command and returns its result; events that arrive meanwhile go to self.events."""
        wanted = self._send(method, params)
        deadline = time.monotonic() + self.timeout
        while True:
            message = self._receive(deadline)
            if message.get("id") == wanted:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_for(self, method, timeout=None):
        """Returns the first event `method` (already received or still to come)."""
        for event in self.events:
            if event["method"] == method:
                return event
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            message = self._receive(deadline)
            if "method" in message:
                self.events.append(message)
                if message["method"] == method:
                    return message

    def events_of(self, method):
        return [e for e in self.events if e["method"] == method]

    # What a test does with a page.
    def load(self, path, width=1280, height=1800):
        """Opens the file at `path` with Network, Runtime, Log and Page on, and waits for its load."""
        for domain in ("Network", "Runtime", "Log", "Page"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)
        url = pathlib.Path(path).resolve().as_uri()
        result = self.call("Page.navigate", url=url)
        if result.get("errorText"):
            raise BrowserError(f"cannot open {url}: {result['errorText']}")
        self.wait_for("Page.loadEventFired")
        self.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))", await_promise=True)
        # Whatever the page asks for after its load arrives meanwhile.
        time.sleep(0.3)
        self.evaluate("1")
        return url

    def evaluate(self, expression, await_promise=False):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=await_promise)
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression[:60]}...: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, width=1280, height=1800):
        """The first `width` x `height` pixels of the page as PNG bytes."""
        data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=False,
                         clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1})["data"]
        return base64.b64decode(data)

    def pdf(self):
        """The page printed on A4 (with backgrounds), as PDF bytes."""
        data = self.call("Page.printToPDF", paperWidth=8.27, paperHeight=11.69, printBackground=True,
                         preferCSSPageSize=True)["data"]
        return base64.b64decode(data)

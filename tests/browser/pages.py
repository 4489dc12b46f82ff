# SPDX-License-Identifier: Apache-2.0
"""What the Chromium checks of the report and of the letters ask of a page: no request but the
file, no console message, a screenshot that is not blank, a PDF with text. A failure exits 1
with its reason, as the checks' own failures do."""
import os
import struct
import subprocess
import sys
import zlib


def fail(message):
    name = os.path.basename(sys.argv[0]).removesuffix(".py")
    print(f"{name}: FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def page_problems(events, url):
    """What went wrong while the page at `url` loaded, from the browser's events, or None."""
    requests = [e["params"]["request"]["url"] for e in events if e["method"] == "Network.requestWillBeSent"]
    if any(r != url for r in requests) or not requests:
        return f"requests other than the file itself: {[r for r in requests if r != url]}"
    failed = [e["params"] for e in events if e["method"] == "Network.loadingFailed"]
    if failed:
        return f"failed loads: {failed}"
    console = [e["params"] for e in events if e["method"] in ("Runtime.consoleAPICalled", "Runtime.exceptionThrown")]
    console += [e["params"]["entry"] for e in events
                if e["method"] == "Log.entryAdded" and e["params"]["entry"]["level"] == "error"]
    if console:
        return f"console messages or exceptions: {console}"
    return None


def png_pixels(data):
    """The distinct colours of a PNG (8-bit RGB or RGBA, not interlaced), decoded with zlib."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("the screenshot is not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    if depth != 8 or colour_type not in (2, 6) or interlace:
        fail(f"unexpected PNG format {header}")
    bpp = 3 if colour_type == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    previous = bytearray(stride)
    colours = {}
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = previous[x]
            c = previous[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 0xff
            elif kind == 2:
                line[x] = (line[x] + b) & 0xff
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xff
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else (b if pb <= pc else c))) & 0xff
        if y % 4 == 0:  # every fourth line is enough to tell a page from a blank
            for x in range(0, stride, bpp * 2):
                key = bytes(line[x:x + 3])
                colours[key] = colours.get(key, 0) + 1
        previous = line
    return width, height, colours


def check_png(png):
    width, height, colours = png_pixels(png)
    if (width, height) != (1280, 1800):
        fail(f"the screenshot is {width}x{height}, not 1280x1800")
    white = colours.get(b"\xff\xff\xff", 0)
    total = sum(colours.values())
    if len(colours) < 8 or white == total:
        fail(f"the screenshot looks blank: {len(colours)} distinct colours, {white} of {total} pixels white")
    return len(colours), white * 100 // total


def check_pdf(pdf_path, words, min_pages=2):
    text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(text.split())
    for word in words:
        if " ".join(word.split()) not in text:
            fail(f"the PDF's text lacks {word!r}")
    info = subprocess.run(["pdfinfo", str(pdf_path)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    if pages < min_pages:
        fail(f"the PDF has {pages} page(s)")
    return pages

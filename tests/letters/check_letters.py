#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""`fundscreen letters` checked in headless Chromium (tests/browser/cdp.py), network off.

    check_letters.py FUNDSCREEN SOURCE_DIR BUILD_DIR fi|sv|en

Writes the letters of a small call (tests/letters/: one application for each decision, two of
them named `<script>alert(1)</script>` and `" onmouseover="alert(2)`, one titled with a closing
tag and an image) in that language, opens every HTML letter and asserts: no request but the
file itself, no console message or exception, `html[lang]` the language asked, one h1, no
script element or on* attribute, the applicant's name and the title shown as text exactly;
and for the rejected letter a screenshot that is not blank and an A4 PDF with the applicant's
id (kept as build/artefacts/letter-LANG.png and .pdf).
"""
import csv
import os
import pathlib
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "browser"))
import cdp  # noqa: E402
from pages import check_pdf, check_png, fail, page_problems  # noqa: E402

DOM = """(() => ({
  lang: document.documentElement.getAttribute('lang'),
  h1: document.querySelectorAll('h1').length,
  scripts: document.querySelectorAll('script').length,
  images: document.querySelectorAll('img').length,
  onAttributes: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name))
                  .filter(n => n.startsWith('on')),
  text: document.body.innerText,
}))()"""


def main():
    if len(sys.argv) != 5:
        fail(__doc__)
    fundscreen = str(pathlib.Path(sys.argv[1]).resolve())
    source, build, lang = pathlib.Path(sys.argv[2]).resolve(), pathlib.Path(sys.argv[3]).resolve(), sys.argv[4]
    if not os.path.exists(cdp.CHROMIUM):
        fail(f"{cdp.CHROMIUM} is missing: install Debian's chromium (apt-get install -y --no-install-recommends "
             "chromium; scripts/dev lists it). This test does not skip: CI must run it")
    artefacts = build / "artefacts"
    artefacts.mkdir(parents=True, exist_ok=True)
    with open(source / "tests/letters/apps.csv", newline="", encoding="utf-8") as f:
        apps = list(csv.DictReader(f))
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "letters"
        run = subprocess.run([fundscreen, "letters", "tests/letters/apps.csv", "-c", "tests/letters/set.yaml",
                              "-a", "tests/letters/assessments.csv", "--lang", lang,
                              "--timestamp", "2025-04-15T09:00:00Z", "-o", str(out)],
                             capture_output=True, text=True, cwd=source)
        if run.returncode != 0:
            fail(f"fundscreen letters exited {run.returncode}: {run.stderr}")
        letters = sorted(out.glob("*.html"))
        if len(letters) != len(apps):
            fail(f"{len(letters)} HTML letters for {len(apps)} applications: {[p.name for p in letters]}")
        try:
            browser = cdp.Browser()
        except cdp.BrowserError as e:
            fail(str(e))
        with browser:
            for app in apps:
                path = out / f"{app['id']}.html"
                if not path.exists():
                    fail(f"no letter {path.name}")
                first = len(browser.events)
                url = browser.load(path)
                dom = browser.evaluate(DOM)
                problem = page_problems(browser.events[first:], url)
                if problem:
                    fail(f"{path.name}: {problem}")
                if dom["lang"] != lang:
                    fail(f"{path.name}: html lang is {dom['lang']!r}, not {lang!r}")
                if dom["h1"] != 1:
                    fail(f"{path.name}: {dom['h1']} h1 headings, not one")
                if dom["scripts"] or dom["images"] or dom["onAttributes"]:
                    fail(f"{path.name}: scripts {dom['scripts']}, images {dom['images']}, "
                         f"on* attributes {dom['onAttributes']}")
                for text in (app["applicant"], app["title"], app["id"]):
                    if text not in dom["text"]:
                        fail(f"{path.name}: {text!r} is not shown as text")
                if app["id"] == "L-5":  # rejected: every failed criterion, printed
                    png = browser.screenshot(1280, 1800)
                    pdf = browser.pdf()
                    (artefacts / f"letter-{lang}.png").write_bytes(png)
                    (artefacts / f"letter-{lang}.pdf").write_bytes(pdf)
                    check_png(png)
                    check_pdf(artefacts / f"letter-{lang}.pdf", [app["id"]], min_pages=1)
    print(f"check_letters: {lang}: {len(apps)} letters opened in Chromium, none asked for anything outside")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""`fundscreen report` checked in headless Chromium (tests/browser/cdp.py), network off.

    check_report.py FUNDSCREEN SOURCE_DIR BUILD_DIR fi|sv|en|pools|escaping

fi, sv, en: the Sitra example call with its resolutions, in that language. pools: the
Pohjois-Pohjanmaa call, whose budget is split into pools, in Finnish. escaping: a small
call (tests/report/escaping/) whose applicants are named `<script>alert(1)</script>` and
`" onmouseover="alert(2)`, under a title holding `&amp;` and `</section>`.

Asserts: no request but the file itself, no failed load, no console message or exception; the
DOM's language, one list row per application, every #app- link's target, headings that never
skip a level, a header cell in every table, role=img and a title on every SVG, the funding
line's row; then a screenshot of the first 1280x1800 pixels and an A4 PDF, neither blank
(kept as build/artefacts/report-LANG.png and .pdf; the en run also writes report.png, the
README's picture).
"""
import csv
import os
import pathlib
import shutil
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "browser"))
import cdp  # noqa: E402
from pages import check_pdf, check_png, fail, page_problems  # noqa: E402

ESCAPING_NAMES = ["<script>alert(1)</script>", '" onmouseover="alert(2)']
ESCAPING_TITLE = "Board &amp; </section> test"

DOM = r"""(() => {
  const all = s => [...document.querySelectorAll(s)];
  const levels = all('h1,h2,h3,h4,h5,h6').map(h => +h.tagName[1]);
  return {
    lang: document.documentElement.getAttribute('lang'),
    title: document.querySelector('h1') ? document.querySelector('h1').textContent : null,
    rows: all('tr.app-row').map(r => r.querySelector('a') ? r.querySelector('a').textContent : ''),
    sections: all('section.application').map(s => s.id),
    appLinks: all('a[href^="#app-"]').length,
    broken: all('a[href^="#"]').map(a => a.getAttribute('href').slice(1)).filter(id => !document.getElementById(id)),
    levels: levels,
    duplicateIds: (ids => ids.filter((id, i) => ids.indexOf(id) !== i))(all('[id]').map(e => e.id)),
    tablesWithoutTh: all('table').filter(t => !t.querySelector('th')).length,
    tablesWithoutCaption: all('table').filter(t => !t.querySelector('caption')).length,
    tables: all('table').length,
    thWithoutScope: all('th').filter(th => !th.getAttribute('scope')).length,
    svgs: all('svg').map(s => ({role: s.getAttribute('role'),
                                title: (s.querySelector('title') || {}).textContent || '',
                                desc: (s.querySelector('desc') || {}).textContent || ''})),
    fundingLines: all('tr.funding-line').length,
    rankingTables: all('table.ranking').length,
    scripts: all('script').length,
    onAttributes: all('*').flatMap(e => [...e.attributes].filter(a => /^on/i.test(a.name))
                                                        .map(a => e.tagName + '[' + a.name + ']')),
    outside: all('[src],[href],link,img,iframe,object,embed').map(e => e.getAttribute('src') || e.getAttribute('href') || e.tagName)
                 .filter(u => !u.startsWith('#')),
    applicants: all('tr.app-row td:nth-of-type(2), tr.app-row td:nth-of-type(1)').map(td => td.textContent),
    sectionHeadings: all('section.application h3').map(h => h.textContent),
    bodyText: document.body.innerText.length,
  };
})()"""


def application_ids(path, column="id", delimiter=","):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return [row[column] for row in csv.DictReader(f, delimiter=delimiter)]


def main():
    if len(sys.argv) != 5:
        fail(__doc__)
    fundscreen = str(pathlib.Path(sys.argv[1]).resolve())
    source, build, case = pathlib.Path(sys.argv[2]).resolve(), pathlib.Path(sys.argv[3]).resolve(), sys.argv[4]
    for tool in ("pdftotext", "pdfinfo"):
        if not shutil.which(tool):
            fail(f"{tool} is missing: install poppler-utils (apt-get install -y --no-install-recommends "
                 "poppler-utils; scripts/dev lists it)")
    if not os.path.exists(cdp.CHROMIUM):
        fail(f"{cdp.CHROMIUM} is missing: install Debian's chromium (apt-get install -y --no-install-recommends "
             "chromium; scripts/dev lists it). This test does not skip: CI must run it")
    artefacts = build / "artefacts"
    artefacts.mkdir(parents=True, exist_ok=True)
    html = artefacts / f"report-{case}.html"
    env = dict(os.environ, SOURCE_DATE_EPOCH="1718323200")
    if case == "escaping":
        call = source / "tests/report/escaping"
        lang = "en"
        apps = call / "apps.csv"
        args = [fundscreen, "report", "tests/report/escaping/apps.csv", "-c", "tests/report/escaping/criteria.yaml",
                "-a", "tests/report/escaping/assessments.csv",
                "--by", "stage", "--title", ESCAPING_TITLE, "-o", str(html)]
        title = ESCAPING_TITLE
    elif case == "pools":
        # A call whose set splits the budget into pools: one ranked list and line per pool.
        call = source / "examples/pohjois-pohjanmaa-2025"
        lang = "fi"
        apps = call / "hakemukset.csv"
        args = [fundscreen, "report", "examples/pohjois-pohjanmaa-2025/hakemukset.csv", "-c",
                "criteria/pohjois-pohjanmaa-2025.yaml", "-a", "examples/pohjois-pohjanmaa-2025/assessments.csv",
                "--reviewers", "examples/pohjois-pohjanmaa-2025/reviewers.csv",
                "--conflicts", "examples/pohjois-pohjanmaa-2025/conflicts.csv", "--by", "theme", "--by", "funder",
                "--lang", lang, "-o", str(html)]
        title = None
        ids = application_ids(apps, "Hakemusnumero", ";")
    else:
        call = source / "examples/sitra-2021"
        lang = case
        apps = call / "applications.csv"
        # Paths relative to the source folder, as a user in a clone would write them.
        args = [fundscreen, "report", "examples/sitra-2021/applications.csv", "-c", "criteria/sitra-2021.yaml",
                "-a", "examples/sitra-2021/assessments.csv", "--resolutions", "examples/sitra-2021/resolutions.csv",
                "--by", "stage", "--by", "kind", "--lang", lang, "-o", str(html)]
        title = None
    html = html.resolve()
    run = subprocess.run(args, capture_output=True, text=True, env=env, cwd=source)
    if run.returncode != 0:
        fail(f"fundscreen report exited {run.returncode}: {run.stderr}")
    if case != "pools":
        ids = application_ids(apps)

    try:
        browser = cdp.Browser()
    except cdp.BrowserError as e:
        fail(str(e))
    with browser:
        url = browser.load(html)
        dom = browser.evaluate(DOM)
        png = browser.screenshot(1280, 1800)
        pdf = browser.pdf()
        events = list(browser.events)

    problem = page_problems(events, url)
    if problem:
        fail(problem)

    if dom["lang"] != lang:
        fail(f"html lang is {dom['lang']!r}, not {lang!r}")
    if sorted(dom["rows"]) != sorted(ids):
        fail(f"the lists have {len(dom['rows'])} rows for {len(ids)} applications: "
             f"{sorted(set(dom['rows']) ^ set(ids))}")
    if len(dom["sections"]) != len(ids):
        fail(f"{len(dom['sections'])} application sections for {len(ids)} applications")
    if dom["duplicateIds"]:
        fail(f"ids used twice: {dom['duplicateIds'][:10]}")
    if dom["broken"]:
        fail(f"links whose target is missing: {dom['broken']}")
    if dom["appLinks"] < len(ids):
        fail(f"only {dom['appLinks']} links to applications")
    levels = dom["levels"]
    if not levels or levels[0] != 1 or levels.count(1) != 1:
        fail(f"the page needs exactly one h1, first: {levels[:5]}")
    for before, after in zip(levels, levels[1:]):
        if after > before + 1:
            fail(f"a heading skips from h{before} to h{after}")
    if dom["tablesWithoutTh"] or dom["tablesWithoutCaption"] or dom["thWithoutScope"]:
        fail(f"tables without th: {dom['tablesWithoutTh']}, without caption: {dom['tablesWithoutCaption']}, "
             f"th without scope: {dom['thWithoutScope']}")
    if len(dom["svgs"]) < 3:
        fail(f"only {len(dom['svgs'])} charts")
    for svg in dom["svgs"]:
        if svg["role"] != "img" or not svg["title"].strip() or not svg["desc"].strip():
            fail(f"an svg without role=img, a title and a description: {svg}")
    if dom["fundingLines"] < 1:
        fail("no funding line row")
    if case == "pools" and (dom["fundingLines"] < 2 or dom["rankingTables"] < 2):
        fail(f"one list and line per pool expected: {dom['rankingTables']} lists, {dom['fundingLines']} lines")
    if dom["scripts"] or dom["onAttributes"]:
        fail(f"script elements: {dom['scripts']}, on* attributes: {dom['onAttributes']}")
    if dom["outside"]:
        fail(f"references to outside the page: {dom['outside']}")
    if case == "escaping":
        if dom["title"] != ESCAPING_TITLE:
            fail(f"the title reads {dom['title']!r}, not {ESCAPING_TITLE!r}")
        for name in ESCAPING_NAMES:
            if name not in dom["applicants"]:
                fail(f"the applicant {name!r} is not shown as text; cells: {dom['applicants']}")
            if not any(h.endswith(" \u00b7 " + name) for h in dom["sectionHeadings"]):
                fail(f"no section heading ends with {name!r}: {dom['sectionHeadings']}")

    png_path = artefacts / f"report-{case}.png"
    pdf_path = artefacts / f"report-{case}.pdf"
    png_path.write_bytes(png)
    pdf_path.write_bytes(pdf)
    colours, white = check_png(png)
    words = [title or dom["title"], ids[0]]
    if case == "escaping":
        words = ["Board &amp;", ids[0]]
    pages = check_pdf(pdf_path, words)
    if case == "en":
        shutil.copyfile(png_path, artefacts / "report.png")
    print(f"check_report: {case}: {len(ids)} applications, no request but the file, {len(dom['svgs'])} charts, "
          f"screenshot {colours} colours ({white} % white), PDF {pages} pages; {png_path}, {pdf_path}")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Reads a workbook written by `fundscreen screen --format xlsx` with openpyxl (as a
spreadsheet program would) and checks what a programme officer gets: the sheets, typed cells,
the frozen header, the autofilter, text that stays text.

    check_written.py FUNDSCREEN_BINARY
"""
import os
import subprocess
import sys
import tempfile

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    binary = sys.argv[1]
    ex = os.path.join(ROOT, "examples", "sitra-2021")
    with tempfile.TemporaryDirectory() as work:
        # an application whose title is a formula and whose applicant starts with @
        apps = os.path.join(work, "apps.csv")
        with open(os.path.join(ex, "applications.csv"), encoding="utf-8") as f:
            lines = f.read().splitlines(keepends=True)
        lines[1] = lines[1].replace("Haapaveden Taitajat Oy,Taitajien tiimikoulutus", "@SUM(A1),=1+1")
        with open(apps, "w", encoding="utf-8") as f:
            f.writelines(lines)
        out = os.path.join(work, "decisions.xlsx")
        subprocess.run([binary, "screen", apps, "-c", os.path.join(ROOT, "criteria", "sitra-2021.yaml"), "-a",
                        os.path.join(ex, "assessments.csv"), "--format", "xlsx", "--output", out], check=True)
        book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["decisions", "ranking", "criteria"], book.sheetnames
    d = book["decisions"]
    header = [c.value for c in d[1]]
    assert header == ["id", "decision", "rank", "score", "failed", "unclear", "pending", "amount", "reason",
                      "applicant", "title"], header
    assert d.freeze_panes == "A2", d.freeze_panes
    assert d.auto_filter.ref == f"A1:K{d.max_row}", d.auto_filter.ref
    assert d.max_row == 83, d.max_row
    first = {h: c for h, c in zip(header, d[2])}
    assert first["applicant"].value == "@SUM(A1)" and first["applicant"].data_type == "s", first["applicant"].value
    assert first["title"].value == "=1+1" and first["title"].data_type == "s", first["title"].value
    funded = [row for row in d.iter_rows(min_row=2) if row[1].value == "fund"]
    assert funded, "no funded application"
    for row in funded:
        rank, score, amount = row[2], row[3], row[7]
        assert isinstance(rank.value, int) and rank.data_type == "n", rank.value
        assert isinstance(score.value, (int, float)), score.value
        assert isinstance(amount.value, (int, float)) and "0.00" in amount.number_format, amount.number_format
    for c in d[1]:
        assert c.font.b, "header not bold"
    assert d.column_dimensions["K"].width > 10
    r = book["ranking"]
    ranks = [row[0].value for row in r.iter_rows(min_row=2)]
    assert ranks == sorted(ranks) and ranks[0] == 1, ranks
    decisions = [row[7].value for row in r.iter_rows(min_row=2)]
    last_funded = max(i for i, v in enumerate(decisions) if v == "fund")
    line = r.cell(row=last_funded + 2, column=1).border.bottom.style
    assert line == "thick", line
    assert r.cell(row=last_funded + 3, column=1).border.bottom.style is None
    c = book["criteria"]
    assert [x.value for x in c[1]] == ["id", "title", "kind", "weight", "rule"]
    assert c.max_row > 2
    print(f"ok: {d.max_row - 1} decisions, {len(ranks)} ranked, funding line under rank {ranks[last_funded]}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Independent reference for the sitra-2021 benchmark: the decisions the criteria set predicts.

Usage (from the repository root):

    python3 bench/check_sitra.py DATADIR              counts per decision, one `decision count` a line
    python3 bench/check_sitra.py DATADIR OUTPUT.csv   the same, then compares fundscreen's CSV
                                                     output (id and decision of every row)

Reads `DATADIR/applications.csv` and `DATADIR/assessments.csv` as `bench/gen_sitra.py` writes
them (assessments grouped by application, in the applications' order) and decides every
application the way `../shared/PRODUCT.md` "Decisions and their precedence" and
`criteria/sitra-2021.yaml` say, written separately from fundscreen, in Python:
rules X1-X3, C1, C3-C7; reviewers on C1-C6, C8 (all pass -> pass, all fail -> fail, a mix or
any unclear -> unclear, none -> pending); a `both` criterion fails if its rule or its reviewers
fail. C7 with a missing `programme_started` is `unclear` unless its other half is false
(`programme_ends` on or before 2021-12-31): three-valued `and`. Eligible applications are
ranked by the weighted mean of the reviewers' scores (C1 x2; C2, C3, C4, C8 x1), ties by
the higher C1 mean, the higher C8 mean, the smaller requested_eur, the id, all compared exactly
(scores are half points: 24 x the weighted mean is an integer); the strict funding line is
drawn at EUR 800 000.

Python standard library only; about a minute and 1 GiB for 1,000,000 applications (it keeps
every decision in a dict to compare): run it outside any timing.
"""

import csv
import sys
from fractions import Fraction
from itertools import groupby

BUDGET_CENTS = 800_000 * 100
STARTED_BY = "2020-12-01"  # deadline 2021-03-01 minus 3 months (ISO strings compare as dates)
CONTINUES_AFTER = "2021-12-31"
JUDGED = ["C1", "C2", "C3", "C4", "C5", "C6", "C8"]
WEIGHTS = {"C1": 2, "C2": 1, "C3": 1, "C4": 1, "C8": 1}


def cents(text):
    whole, _, frac = text.partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])


def rules(app):
    """Outcome of every rule: True pass, False fail, None unclear."""
    own = app["own_resources_eur"]
    budget = app["programme_budget_eur"]
    started, ends = app["programme_started"], app["programme_ends"]
    continues = ends == "" or ends > CONTINUES_AFTER
    if started == "":
        c7 = False if not continues else None
    else:
        c7 = started <= STARTED_BY and continues
    return {
        "X1": app["kind"] != "technology",
        "X2": app["stage"] != "new",
        "X3": app["stage"] != "idea",
        "C1": app["thesis"].startswith("3"),
        "C3": app["problem"] != "" and app["evidence"] != "",
        "C4": app["actors"] != "",
        "C5": own != "" and cents(own) > 0,
        "C6": budget != "" and cents(budget) >= cents(app["requested_eur"]),
        "C7": c7,
    }


def reviewers(rows):
    """criterion -> (outcome, sum of the half-point scores x 2, number of scores)."""
    by = {}
    for row in rows:
        by.setdefault(row[1], []).append(row)
    out = {}
    for c, rs in by.items():
        verdicts = {r[3] for r in rs}
        outcome = True if verdicts == {"pass"} else False if verdicts == {"fail"} else None
        halves = [round(float(r[4]) * 2) for r in rs if r[4] != ""]
        out[c] = (outcome, sum(halves), len(halves))
    return out


def decide(app, judged):
    outcomes = dict(rules(app))
    for c in JUDGED:
        if c not in judged:
            outcomes[c] = "pending" if outcomes.get(c, True) is not False else False
            continue
        rule = outcomes.get(c, True)
        review = judged[c][0]
        outcomes[c] = False if rule is False or review is False else None if rule is None or review is None else True
    values = outcomes.values()
    if False in values:
        return "reject"
    if None in values:
        return "clarify"
    if "pending" in values:
        return "pending"
    return "eligible"


def rank_key(app, judged):
    """Sort key: exact fractions, never binary floating point."""

    def mean(c):
        _, total, count = judged[c]
        return Fraction(total, 2 * count)

    score = sum(WEIGHTS[c] * mean(c) for c in WEIGHTS) / sum(WEIGHTS.values())
    return (-score, -mean("C1"), -mean("C8"), cents(app["requested_eur"]), app["id"])


def reference(datadir):
    counts = {"fund": 0, "reserve": 0, "clarify": 0, "pending": 0, "reject": 0}
    decisions = {}
    eligible = []
    with open(f"{datadir}/applications.csv", encoding="utf-8", newline="") as fa, \
            open(f"{datadir}/assessments.csv", encoding="utf-8", newline="") as fs:
        apps = csv.DictReader(fa)
        assessments = csv.reader(fs)
        next(assessments)
        groups = groupby(assessments, key=lambda r: r[0])
        pending_group = next(groups, None)
        for app in apps:
            judged = {}
            if pending_group is not None and pending_group[0] == app["id"]:
                judged = reviewers(pending_group[1])
                pending_group = next(groups, None)
            d = decide(app, judged)
            if d == "eligible":
                eligible.append(rank_key(app, judged))
            else:
                counts[d] += 1
                decisions[app["id"]] = d
        if pending_group is not None:
            sys.exit(f"assessments for {pending_group[0]} out of order or without application")
    eligible.sort()
    left, line_drawn = BUDGET_CENTS, False
    for key in eligible:
        requested = key[3]
        if not line_drawn and requested <= left:
            left -= requested
            decisions[key[4]] = "fund"
        else:
            line_drawn = True
            decisions[key[4]] = "reserve"
        counts[decisions[key[4]]] += 1
    return counts, decisions


def compare(decisions, output):
    differ = 0
    seen = 0
    with open(output, encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        if header[:2] != ["id", "decision"]:
            sys.exit(f"{output}: header starts {header[:2]}, expected id,decision")
        for row in rows:
            seen += 1
            want = decisions.get(row[0])
            if want != row[1]:
                differ += 1
                if differ <= 10:
                    print(f"differs: {row[0]} fundscreen {row[1]} reference {want}")
    missing = len(decisions) - seen
    print(f"compared {seen} rows: {differ} differ, {missing} applications missing from the output")
    return differ == 0 and missing == 0


def main(argv):
    if len(argv) not in (1, 2):
        sys.exit("usage: python3 bench/check_sitra.py DATADIR [OUTPUT.csv]")
    counts, decisions = reference(argv[0])
    for d, n in counts.items():
        print(d, n)
    if len(argv) == 2 and not compare(decisions, argv[1]):
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1:])

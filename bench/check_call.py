#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Independent reference for the shipped example calls: the decision of every application.

Usage (from the repository root):

    python3 bench/check_call.py CALL               every application's decision and why, then counts
    python3 bench/check_call.py CALL SCREEN.csv    the same decisions compared with fundscreen's
                                                   `screen --format csv` output (id and decision of
                                                   every row); exit 1 on any difference

CALL is `pohjois-pohjanmaa-2025` or `micro-credentials-2022`; the inputs are read from
`examples/CALL/` (`--dir` reads them elsewhere). Written from the intent of
`criteria/CALL.yaml` and the decision rules of `../shared/PRODUCT.md`, separately from
fundscreen's C++, in Python's standard library: each call's rules are Python functions below,
three-valued (True pass, False fail, None unclear: a value the rule needs is missing), money in
integer cents, scores and ranking as exact fractions.

Decisions: any criterion `fail` -> reject; else any `unclear` -> clarify; else any `pending`
-> pending; else the weighted mean of the reviewers' mean scores below the call's minimum
total -> reject; else eligible, ranked by that score and the call's tie-break, and funded down
the ranking within the budget (`strict`: stop at the first that does not fit; `skip`: pass
over it). Reviewers on a criterion, leaving out a reviewer with a declared conflict of
interest: fewer than the required number -> pending; all pass -> pass, all fail -> fail,
otherwise unclear. In a score-only panel a reviewer's verdict is `pass` when the score reaches
the criterion's pass score, else `fail`. A criterion the reviewers pass without any score,
that the ranking weighs or that has a minimum score, is pending; a mean below a minimum score
fails it.
"""

import argparse
import csv
import datetime
import os
import re
import sys
from fractions import Fraction

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# --- three-valued logic: True, False, None (unknown) -------------------------------------------

def and3(*values):
    if any(v is False for v in values):
        return False
    return None if any(v is None for v in values) else True


def or3(*values):
    if any(v is True for v in values):
        return True
    return None if any(v is None for v in values) else False


def not3(value):
    return None if value is None else not value


# --- values as a Finnish Excel export writes them ---------------------------------------------

def cents(text):
    """'240 000,00' (spaces or no-break spaces between thousands) -> 24000000; '' -> None."""
    text = re.sub("[ \u00a0\u202f]", "", text)
    if text == "":
        return None
    whole, _, frac = text.replace(",", ".").partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])


def day(text):
    """'28.2.2025' -> a date; '' -> None."""
    if text == "":
        return None
    d, m, y = (int(part) for part in text.split("."))
    return datetime.date(y, m, d)


def months_between(start, end):
    """Whole calendar months from `start` to `end`, the end day counted: 1.3.2025-28.2.2026 is 12."""
    if start is None or end is None:
        return None
    after = end + datetime.timedelta(days=1)
    return (after.year - start.year) * 12 + after.month - start.month - (1 if after.day < start.day else 0)


def number(text):
    return None if text == "" else Fraction(text.replace(",", "."))


def boolean(text):
    return {"": None, "kyllä": True, "ei": False}[text.lower()]


def items(text, separator):
    return [item.strip() for item in text.split(separator) if item.strip()]


def read_rows(path, delimiter):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=delimiter))


# --- the calls ---------------------------------------------------------------------------------

class PohjoisPohjanmaa:
    """criteria/pohjois-pohjanmaa-2025.yaml: rules K1-K6, a score-only panel on A1-A3."""

    applications = "hakemukset.csv"
    delimiter = ";"
    budget = 1_000_000_00
    policy = "skip"
    # Each funder its own budget and funding line (criteria: funding: pools by `funder`).
    pools = {"ESR+": 450_000_00, "JOTPA": 150_000_00, "EAKR": 200_000_00, "OKM": 100_000_00, "STEA": 100_000_00}
    deadline = datetime.date(2025, 2, 28)
    max_request = 250_000_00
    rule_ids = ["K1", "K2", "K3", "K4", "K5", "K6"]
    # id: (weight, pass score, minimum score)
    judged = {"A1": (2, Fraction(3), None), "A2": (1, Fraction(3), None), "A3": (1, Fraction(3), None)}
    min_reviewers = 2
    min_total = Fraction(7, 2)
    conflicts = "conflicts.csv"

    def application(self, row):
        return {
            "id": row["Hakemusnumero"],
            "applicant": row["Hakija"],
            "business_id": row["Y-tunnus"],
            "partners": items(row["Osatoteuttajat/kumppanit"], ","),
            "requested": cents(row["Haettu tuki (€)"]),
            "total": cents(row["Kokonaiskustannukset (€)"]),
            "starts": day(row["Alkaa"]),
            "ends": day(row["Päättyy"]),
            "submitted": day(row["Saapunut"]),
            "funder": row["Rahoittaja"],
        }

    def rules(self, app):
        months = months_between(app["starts"], app["ends"])
        return {
            "K1": app["business_id"] != "",
            "K2": app["requested"] <= self.max_request,
            # at most 80 % of the total: requested / total <= 4 / 5, exactly
            "K3": None if app["total"] is None else app["requested"] * 5 <= app["total"] * 4,
            "K4": len(app["partners"]) >= 2,
            "K5": None if months is None else 12 <= months <= 36,
            "K6": None if app["submitted"] is None else app["submitted"] <= self.deadline,
        }

    def tie_key(self, app, means, score):
        return (-score, -means["A1"], -means["A3"], app["requested"], app["id"])


LEVEL = re.compile(r"(EQF|NQF) [1-8]")
HIGHER_LEVEL = re.compile(r"(EQF|NQF) [6-8]")


class MicroCredentials:
    """criteria/micro-credentials-2022.yaml: the EU standard elements E1-E10, R1, a panel on J1-J2."""

    applications = "hakemukset.csv"
    delimiter = ";"
    budget = 200_000_00
    policy = "strict"
    max_request = 30_000_00
    rule_ids = ["E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "E10", "R1"]
    judged = {"J1": (2, None, Fraction(3)), "J2": (1, None, None)}
    min_reviewers = 1
    min_total = None
    conflicts = None

    def application(self, row):
        return {
            "id": row["Hakemustunnus"],
            "applicant": row["Hakija"],
            "title": row["Opintokokonaisuuden nimi"],
            "awarding_body": row["Myöntävä organisaatio"],
            "learning_outcomes": row["Osaamistavoitteet"],
            "ects": number(row["Laajuus (op)"]),
            "hours": number(row["Työmäärä (h)"]),
            "level": row["Taso"],
            "assessment_type": row["Arviointitapa"],
            "participation": row["Osallistumismuoto"],
            "quality_assurance": row["Laadunvarmistus"],
            "stackable": boolean(row["Kasautuva"]),
            "stacks_into": row["Osa laajempaa kokonaisuutta"],
            "prerequisites": row["Esitiedot"],
            "requested": cents(row["Haettu avustus (€)"]),
        }

    def rules(self, app):
        level = app["level"]
        stackable = app["stackable"]
        return {
            "E1": app["title"] != "",
            "E2": app["awarding_body"] != "",
            "E3": app["learning_outcomes"].strip() != "",
            "E4": app["ects"] is not None or app["hours"] is not None,
            "E5": None if level == "" else LEVEL.fullmatch(level) is not None,
            "E6": app["assessment_type"] != "",
            "E7": app["participation"] != "",
            "E8": app["quality_assurance"].strip() != "",
            # a course that says it stacks names what into
            "E9": or3(None if stackable is None else not stackable, app["stacks_into"] != ""),
            # a course at level 6-8 states its prerequisites
            "E10": or3(app["prerequisites"] != "",
                       not3(None if level == "" else HIGHER_LEVEL.fullmatch(level) is not None)),
            "R1": app["requested"] <= self.max_request,
        }

    def tie_key(self, app, means, score):
        return (-score, -means["J1"], app["requested"], app["id"])


CALLS = {"pohjois-pohjanmaa-2025": PohjoisPohjanmaa, "micro-credentials-2022": MicroCredentials}


# --- the panel and the decisions ---------------------------------------------------------------

def read_assessments(path, call):
    """application -> criterion -> [(reviewer, verdict, score)]."""
    out = {}
    for row in read_rows(path, ","):
        score = None if row["score"] == "" else Fraction(row["score"])
        if "verdict" in row:
            verdict = row["verdict"]
        else:
            verdict = "pass" if score >= call.judged[row["criterion"]][1] else "fail"
        out.setdefault(row["application"], {}).setdefault(row["criterion"], []).append(
            (row["reviewer"], verdict, score))
    return out


def read_conflicts(path):
    if path is None:
        return []
    return [(r["reviewer"], r["application"], r["applicant"]) for r in read_rows(path, ",")]


def left_out(reviewer, app, conflicts):
    return any(r == reviewer and ((a and a == app["id"]) or (p and p == app["applicant"]))
               for r, a, p in conflicts)


def panel(call, criterion, reviews):
    """(outcome, mean score) of one judged criterion: 'pass', 'fail', 'unclear' or 'pending'."""
    weight, _, min_score = call.judged[criterion]
    verdicts = [v for _, v, _ in reviews]
    scores = [s for _, _, s in reviews if s is not None]
    mean = Fraction(sum(scores), len(scores)) if scores else None
    if not verdicts or len(verdicts) < call.min_reviewers:
        return "pending", mean
    outcome = "pass" if set(verdicts) == {"pass"} else "fail" if set(verdicts) == {"fail"} else "unclear"
    if outcome == "pass" and mean is None and (weight or min_score is not None):
        return "pending", mean
    if min_score is not None and mean is not None and mean < min_score:
        return "fail", mean
    return outcome, mean


def decide(call, app, judged, conflicts):
    """(decision before the funding line, outcomes, means, score)."""
    outcomes = {c: {True: "pass", False: "fail", None: "unclear"}[r] for c, r in call.rules(app).items()}
    means = {}
    for c in call.judged:
        counted = [r for r in judged.get(c, []) if not left_out(r[0], app, conflicts)]
        outcomes[c], means[c] = panel(call, c, counted)
    for decision, status in (("reject", "fail"), ("clarify", "unclear"), ("pending", "pending")):
        if status in outcomes.values():
            return decision, outcomes, means, None
    weights = {c: w for c, (w, _, _) in call.judged.items() if w and means[c] is not None}
    score = sum(weights[c] * means[c] for c in weights) / sum(weights.values())
    if call.min_total is not None and score < call.min_total:
        return "reject", outcomes, means, score
    return "eligible", outcomes, means, score


def reference(call, datadir):
    """[(id, decision, why)] in the applications' order, and the ranking."""
    apps = [call.application(row) for row in read_rows(os.path.join(datadir, call.applications),
                                                       call.delimiter)]
    judged = read_assessments(os.path.join(datadir, "assessments.csv"), call)
    conflicts = read_conflicts(call.conflicts and os.path.join(datadir, call.conflicts))
    results, ranked = {}, []
    for app in apps:
        decision, outcomes, means, score = decide(call, app, judged.get(app["id"], {}), conflicts)
        failed = [c for c, o in outcomes.items() if o == "fail"]
        unclear = [c for c, o in outcomes.items() if o == "unclear"]
        pending = [c for c, o in outcomes.items() if o == "pending"]
        if decision == "eligible":
            ranked.append((call.tie_key(app, means, score), app, score))
            continue
        if failed:
            why = "fails " + ", ".join(failed) + (f"; also {', '.join(unclear)} unclear" if unclear else "")
        elif unclear:
            why = "unclear: " + ", ".join(unclear)
        elif pending:
            why = "awaits the panel: " + ", ".join(pending)
        else:
            why = f"score {float(score):.4g} below the minimum total {float(call.min_total):g}"
        results[app["id"]] = (decision, why)
    ranked.sort(key=lambda entry: entry[0])
    # One funding line over the whole budget, or with pools one per pool over the pool's
    # budget, each over that pool's applications in the same ranking order.
    pools = getattr(call, "pools", None) or {None: call.budget}
    used = 0
    for pool, budget in pools.items():
        left, stopped = budget, False
        line = [entry for entry in ranked if pool is None or entry[1]["funder"] == pool]
        for rank, (_, app, score) in enumerate(line, 1):
            fits = app["requested"] <= left and not stopped
            if fits:
                left -= app["requested"]
            elif call.policy == "strict":
                stopped = True
            where = f"rank {rank} in {pool}" if pool else f"rank {rank}"
            results[app["id"]] = ("fund" if fits else "reserve", f"{where}, score {float(score):.4f} ({score})")
        used += budget - left
    return [(app["id"], *results[app["id"]]) for app in apps], used


def compare(rows, output):
    """Differences between the reference and fundscreen's CSV output, as lines."""
    with open(output, encoding="utf-8", newline="") as f:
        theirs = {r["id"]: r["decision"] for r in csv.DictReader(f)}
    ours = {i: d for i, d, _ in rows}
    problems = [f"{i}: reference {d}, fundscreen {theirs.get(i, '(no row)')}"
                for i, d in ours.items() if theirs.get(i) != d]
    problems += [f"{i}: fundscreen {d}, no such application in the reference" for i, d in theirs.items()
                 if i not in ours]
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("call", choices=sorted(CALLS))
    parser.add_argument("screen_csv", nargs="?", help="fundscreen screen --format csv output to compare")
    parser.add_argument("--dir", help="the folder of the inputs (default examples/CALL)")
    args = parser.parse_args()
    call = CALLS[args.call]()
    rows, funded = reference(call, args.dir or os.path.join(ROOT, "examples", args.call))
    if args.screen_csv:
        problems = compare(rows, args.screen_csv)
        for p in problems:
            print(p)
        print(f"{args.call}: {len(rows)} applications, "
              + (f"{len(problems)} differences" if problems else "every decision agrees"))
        return 1 if problems else 0
    for i, decision, why in rows:
        print(f"{i}  {decision:8} {why}")
    counts = {d: sum(1 for _, x, _ in rows if x == d) for d in ("fund", "reserve", "clarify", "pending", "reject")}
    print(" · ".join(f"{d} {n}" for d, n in counts.items()) + f" · funded {funded / 100:.2f} EUR")
    return 0


if __name__ == "__main__":
    sys.exit(main())

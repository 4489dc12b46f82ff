#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Krippendorff's alpha (interval metric) per criterion from an assessments CSV, written from
the definition (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011), not from
fundscreen's code: a coincidence matrix of the values pairable within units, then
alpha = 1 - D_o / D_e with the squared difference as the metric.

Units are applications, coders reviewers, values the scores. A reviewer with a declared
conflict of interest (by application, or by applicant given --applications) is left out, as
the screening leaves them out. Prints one line per criterion: `criterion alpha values pairs`,
alpha with three decimals rounded half away from zero, or `undefined`.

  alpha_reference.py ASSESSMENTS.csv... [--conflicts F] [--applications F --id-column C
                     --applicant-column C] [--criteria C1,C2,...]
"""
import argparse
import csv
import io
from collections import defaultdict
from fractions import Fraction


def read_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    first = text.splitlines()[0] if text else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def halves(score):
    value = Fraction(score.strip().replace(",", "."))
    return value * 2


def alpha(units):
    """units: lists of values. Returns (alpha Fraction or None, n pairable values, pairs)."""
    units = [u for u in units if len(u) >= 2]
    # The coincidence matrix: o[c][k] = sum over units of (pairs c,k within the unit) / (m_u - 1).
    o = defaultdict(Fraction)
    pairs = 0
    for u in units:
        m = len(u)
        pairs += m * (m - 1) // 2
        for i, c in enumerate(u):
            for j, k in enumerate(u):
                if i != j:
                    o[(c, k)] += Fraction(1, m - 1)
    n_c = defaultdict(Fraction)
    for (c, _k), count in o.items():
        n_c[c] += count
    n = sum(n_c.values())
    if n == 0:
        return None, 0, 0
    values = sorted(n_c)
    observed = sum(count * (c - k) ** 2 for (c, k), count in o.items())
    expected = sum(n_c[c] * n_c[k] * (c - k) ** 2 for c in values for k in values) / (n - 1)
    if expected == 0:
        return None, int(n), pairs
    return 1 - observed / expected, int(n), pairs


def thousandths(value):
    scaled = abs(value) * 1000
    whole = int(scaled)
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    whole = -whole if value < 0 else whole
    sign = "-" if whole < 0 else ""
    return f"{sign}{abs(whole) // 1000}.{abs(whole) % 1000:03d}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("assessments", nargs="+")
    parser.add_argument("--conflicts", action="append", default=[])
    parser.add_argument("--applications")
    parser.add_argument("--id-column", default="id")
    parser.add_argument("--applicant-column", default="applicant")
    parser.add_argument("--criteria", help="comma-separated: the criteria to print, in order")
    args = parser.parse_args()

    applicant_of = {}
    if args.applications:
        for row in read_rows(args.applications):
            applicant_of[row[args.id_column]] = row[args.applicant_column]
    by_application, by_applicant = set(), set()
    for path in args.conflicts:
        for row in read_rows(path):
            if row.get("application"):
                by_application.add((row["reviewer"], row["application"]))
            if row.get("applicant"):
                by_applicant.add((row["reviewer"], row["applicant"]))

    scores = defaultdict(lambda: defaultdict(list))  # criterion -> application -> values
    order = []
    for path in args.assessments:
        for row in read_rows(path):
            reviewer, application, criterion = row["reviewer"], row["application"], row["criterion"]
            if criterion not in order:
                order.append(criterion)
            if (reviewer, application) in by_application:
                continue
            if (reviewer, applicant_of.get(application, "")) in by_applicant:
                continue
            score = (row.get("score") or "").strip()
            if score:
                scores[criterion][application].append(halves(score))
    for criterion in args.criteria.split(",") if args.criteria else order:
        value, n, pairs = alpha(list(scores[criterion].values()))
        print(f"{criterion} {thousandths(value) if value is not None else 'undefined'} {n} {pairs}")


if __name__ == "__main__":
    main()

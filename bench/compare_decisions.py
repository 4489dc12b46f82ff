#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Checks that fundscreen's decisions agree with a peer's, row by row.

usage: python3 compare_decisions.py FUNDSCREEN_OUTPUT PEER.csv [PEER.csv ...]

FUNDSCREEN_OUTPUT is `fundscreen screen --format csv` (columns id, decision, failed among
others) or `--format jsonl` (a `run` line, then one `application` line each, whose `id`,
`decision` and `failed` members are read; the criteria's definitions on the run line are
not needed). Each PEER.csv
is a bench-peers `decisions.csv`: `id,decision,failed`, rows in input order, `failed`
`;`-joined. Every row must have the same id, decision and failed criteria in the same
order. Prints one line per peer with the decision counts; exits 1 on the first
disagreement (naming the row) or a different number of rows. Standard library only.
"""
import collections
import csv
import json
import sys


def fundscreen_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        first = f.readline()
        f.seek(0)
        if first.startswith("{"):
            for line in f:
                obj = json.loads(line)
                if obj.get("type") == "application":
                    yield obj["id"], obj["decision"], ";".join(obj["failed"])
            return
        for row in csv.DictReader(f):
            yield row["id"], row["decision"], row["failed"]


def peer_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            yield row["id"], row["decision"], row["failed"]


def compare(ours, peer_path):
    counts = collections.Counter()
    theirs = list(peer_rows(peer_path))
    if len(ours) != len(theirs):
        return False, f"{peer_path}: {len(ours)} rows from fundscreen but {len(theirs)} from the peer"
    for n, (a, b) in enumerate(zip(ours, theirs), start=1):
        if a != b:
            return False, f"{peer_path}: row {n} differs: fundscreen {','.join(a)!r}, peer {','.join(b)!r}"
        counts[a[1]] += 1
    summary = ", ".join(f"{d} {counts[d]}" for d in ("fund", "reserve", "clarify", "pending", "reject") if counts[d])
    return True, f"{len(ours)} rows agree with {peer_path}: {summary}"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__.strip().splitlines()[2])
    ours = list(fundscreen_rows(sys.argv[1]))
    for peer in sys.argv[2:]:
        ok, message = compare(ours, peer)
        print(message, file=sys.stdout if ok else sys.stderr)
        if not ok:
            sys.exit(1)


if __name__ == "__main__":
    main()

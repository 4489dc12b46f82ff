#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Expands fundscreen's normalised `--format jsonl` into the whole audit trail.

usage: python3 scripts/expand_jsonl.py TRAIL.jsonl [--check TRAIL.json]

`--format jsonl` writes what every application shares once, in the `run` line's
`definitions`, and on each `application` line only what is particular to it (README.md, "The
jsonl stream"). This script puts the two together again. Without --check it prints the run
line (without `definitions`) and every application line with each criterion's whole trail:
title, kind, status, reason, rule (text, result, reason, reads as {path, value} objects),
reviews and mean score, exactly as `--format json` has them, compact, one object a line.
With --check it compares the run and every application with TRAIL.json (`--format json` of
the same screening), prints a summary and exits 1 at the first difference. Standard
library only.
"""
import collections
import json
import sys

# The rule's result a status implies when the line leaves `rule_result` out.
IMPLIED_RESULT = {"pass": "true", "fail": "false", "unclear": "unknown", "pending": "true"}


def expand_criterion(line, definition, seen):
    status = line["status"]
    reason = line.get("reason")
    seen["reason given" if reason is not None else "reason implied"] += 1
    out = {
        "id": line["id"],
        "title": definition["title"],
        "kind": definition["kind"],
        "status": status,
        "reason": reason if reason is not None else definition.get("reasons", {}).get(status, ""),
        "rule": None,
    }
    if "reads" in line:
        seen["rule_result given" if "rule_result" in line else "rule_result implied"] += 1
        seen["rule_reason given"] += "rule_reason" in line
        out["rule"] = {
            "text": definition["rule"],
            "result": line.get("rule_result", IMPLIED_RESULT[status]),
            "reason": line.get("rule_reason", ""),
            "reads": [{"path": path, "value": value} for path, value in line["reads"].items()],
        }
    seen["reviews given"] += "reviews" in line
    out["reviews"] = line.get("reviews", [])
    out["mean_score"] = line.get("mean_score")
    return out


def expand(lines, seen):
    """The run object and each application object, as `--format json` has them."""
    run = json.loads(next(lines))
    if run.get("type") != "run" or "definitions" not in run:
        sys.exit("expand_jsonl.py: the first line is not a run line with definitions")
    definitions = {d["id"]: d for d in run.pop("definitions")}
    del run["type"]
    yield run
    for text in lines:
        app = json.loads(text)
        if app.get("type") == "seal":  # the last line: the seal over the others, not an application
            break
        del app["type"]
        app["criteria"] = [expand_criterion(c, definitions[c["id"]], seen) for c in app["criteria"]]
        yield app


def compact(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def first_difference(got, want, where=""):
    """The path of the first member or element where `got` and `want` differ, with both values."""
    if isinstance(got, dict) and isinstance(want, dict) and list(got) == list(want):
        for key in got:
            if got[key] != want[key] or compact(got[key]) != compact(want[key]):
                return first_difference(got[key], want[key], f"{where}.{key}")
    if isinstance(got, list) and isinstance(want, list) and len(got) == len(want):
        for i, (a, b) in enumerate(zip(got, want)):
            if compact(a) != compact(b):
                return first_difference(a, b, f"{where}[{i}]")
    return f"{where or '.'}: expanded {compact(got)}, json {compact(want)}"


def check(objects, json_path, seen):
    with open(json_path, encoding="utf-8") as f:
        doc = json.load(f)
    if next(objects) != doc["run"]:
        sys.exit("expand_jsonl.py: the run line differs from the json document's run")
    count = 0
    for count, app in enumerate(objects, start=1):
        if count > len(doc["applications"]):
            sys.exit(f"expand_jsonl.py: more applications than {json_path} has")
        want = doc["applications"][count - 1]
        if compact(app) != compact(want):
            sys.exit(f"expand_jsonl.py: application {count} ({app['id']}) differs at {first_difference(app, want)}")
    if count != len(doc["applications"]):
        sys.exit(f"expand_jsonl.py: {count} applications, but {json_path} has {len(doc['applications'])}")
    print(f"{count} applications expand to the json document's, member for member")
    for key in sorted(seen):
        print(f"  criteria with {key}: {seen[key]}")


def main():
    args = sys.argv[1:]
    if len(args) not in (1, 3) or (len(args) == 3 and args[1] != "--check"):
        sys.exit(__doc__.strip().splitlines()[2])
    seen = collections.Counter()
    with open(args[0], encoding="utf-8") as f:
        objects = expand(iter(f), seen)
        if len(args) == 3:
            check(objects, args[2], seen)
            return
        out = sys.stdout
        for n, obj in enumerate(objects):
            out.write(compact({"type": "application" if n else "run", **obj}) + "\n")


if __name__ == "__main__":
    main()

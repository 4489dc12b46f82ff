#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""edit_json.py TRAIL.json: writes edited copies of a pretty-printed json trail beside it, as
someone might tamper with one: byte.json (one byte of the fifth application changed),
removed.json (the third application removed), swapped.json (the fourth and fifth swapped),
moved.json (the second moved after the tenth) and cut.json (the document cut off in its
twentieth application). Each stays valid JSON but cut.json. Standard library only."""
import sys

path = sys.argv[1]
text = open(path, encoding="utf-8").read()
lines = text.split("\n")
start = lines.index('  "applications": [') + 1
end = next(i for i in range(start, len(lines)) if lines[i].startswith("  ]"))
apps, current = [], []
for line in lines[start:end]:
    current.append(line)
    if line in ("    }", "    },"):
        current[-1] = "    }"
        apps.append(current)
        current = []


def write(name, elements, tail=None):
    body = []
    for i, element in enumerate(elements):
        body += element[:-1] + ["    }," if i + 1 < len(elements) else "    }"]
    out = "\n".join(lines[:start] + body + lines[end:])
    with open(name, "w", encoding="utf-8") as f:
        f.write(out if tail is None else out[:tail])


changed = [list(a) for a in apps]
changed[4] = [line.replace('"decision": "reject"', '"decision": "rejecT"') for line in changed[4]]
write("byte.json", changed)
write("removed.json", apps[:2] + apps[3:])
write("swapped.json", apps[:3] + [apps[4], apps[3]] + apps[5:])
write("moved.json", [apps[0]] + apps[2:10] + [apps[1]] + apps[10:])
write("cut.json", apps, tail=len("\n".join(lines[:start] + sum(apps[:19], []))) + 200)

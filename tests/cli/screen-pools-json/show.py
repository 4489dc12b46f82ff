# SPDX-License-Identifier: Apache-2.0
# Prints what pools add to `screen --format json` (read on standard input): the run's
# funding section, and each application's id, pool, decision, rank and cumulative amount.
import json
import sys

document = json.load(sys.stdin)
print(json.dumps(document["run"]["funding"], indent=2, ensure_ascii=False))
for a in document["applications"]:
    print(a["id"], a["pool"], a["decision"], a["rank"], a["cumulative"])

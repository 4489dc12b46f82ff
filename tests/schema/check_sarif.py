#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Checks a SARIF log on stdin: valid against the SARIF 2.1.0 subset schema beside this file,
each result's ruleIndex names the rule of its ruleId, and it has as many results as given."""
import json
import pathlib
import sys

import jsonschema

schema = json.loads((pathlib.Path(__file__).parent / "sarif-2.1.0-subset.schema.json").read_text())
log = json.load(sys.stdin)
jsonschema.Draft7Validator.check_schema(schema)
jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
run = log["runs"][0]
rules = run["tool"]["driver"]["rules"]
for result in run["results"]:
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"], result
if len(sys.argv) > 1:
    assert len(run["results"]) == int(sys.argv[1]), f"{len(run['results'])} results, expected {sys.argv[1]}"
print(f"valid SARIF 2.1.0: {len(run['results'])} results, {len(rules)} rules")

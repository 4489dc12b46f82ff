#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Validates criteria sets against schema/criteria-set.schema.json (JSON Schema draft-07).

usage: check_criteria_schema.py SCHEMA --valid SET... --invalid SET...
Each set after --valid must validate, each after --invalid must not. The YAML is read as
a YAML language server reads it: a date such as 2021-03-01 stays a string (YAML 1.2)."""
import json
import sys

import jsonschema
import yaml


class Yaml12Loader(yaml.SafeLoader):
    pass


# YAML 1.1's timestamps are strings in YAML 1.2, as editors read them.
Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)
failed = 0
expect = None
for arg in sys.argv[2:]:
    if arg in ("--valid", "--invalid"):
        expect = arg
        continue
    with open(arg, encoding="utf-8") as f:
        errors = list(validator.iter_errors(yaml.load(f, Loader=Yaml12Loader)))
    if expect == "--valid" and errors:
        failed += 1
        for e in errors:
            print(f"{arg}: {e.json_path}: {e.message}")
    elif expect == "--invalid" and not errors:
        failed += 1
        print(f"{arg}: valid against the schema, but meant to be rejected")
    else:
        print(f"{arg}: {'valid' if not errors else 'rejected: ' + errors[0].message}")
sys.exit(1 if failed else 0)

#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# init.sh FUNDSCREEN ROOT: the set `fundscreen init` writes validates against the schema and
# lints clean with --strict (the golden cases init-* show what a user sees).
set -euo pipefail
bin=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" init "$tmp/call" >/dev/null
python3 "$root/tests/schema/check_criteria_schema.py" "$root/schema/criteria-set.schema.json" --valid "$tmp/call/criteria.yaml"
"$bin" lint --strict "$tmp/call/criteria.yaml"

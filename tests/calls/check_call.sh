#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Screens a shipped example call with the built binary and compares every application's
# decision with the independent reference bench/check_call.py; exit 1 on any difference.
#
#   check_call.sh FUNDSCREEN_BINARY CALL
#
# CALL names criteria/CALL.yaml and examples/CALL/ (hakemukset.csv, assessments.csv,
# reviewers.csv, and conflicts.csv if the call has one).
set -euo pipefail
bin=$1
call=$2
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dir=examples/$call
args=("$dir/hakemukset.csv" --criteria "criteria/$call.yaml" --assessments "$dir/assessments.csv"
  --reviewers "$dir/reviewers.csv")
[ -f "$dir/conflicts.csv" ] && args+=(--conflicts "$dir/conflicts.csv")
"$bin" screen "${args[@]}" --format csv --output "$work/decisions.csv"
python3 bench/check_call.py "$call" "$work/decisions.csv"

#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs `fundscreen reviews --format json` on a shipped example call and compares every
# criterion's Krippendorff's alpha, pairable values and pairs with the independent reference
# tests/reviews/alpha_reference.py; exit 1 on any difference.
#
#   check_alpha.sh FUNDSCREEN_BINARY CALL
#
# CALL names criteria/CALL.yaml and examples/CALL/ (applications, assessments.csv,
# reviewers.csv, and conflicts.csv if the call has one).
set -euo pipefail
bin=$1
call=$2
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dir=examples/$call
case $call in
sitra-2021) applications=$dir/applications.csv id=id applicant=applicant ;;
micro-credentials-2022) applications=$dir/hakemukset.csv id=Hakemustunnus applicant=Hakija ;;
*) applications=$dir/hakemukset.csv id=Hakemusnumero applicant=Hakija ;;
esac
args=("$applications" --criteria "criteria/$call.yaml" --assessments "$dir/assessments.csv"
  --reviewers "$dir/reviewers.csv")
reference=("$dir/assessments.csv" --applications "$applications" --id-column "$id" --applicant-column "$applicant")
if [ -f "$dir/conflicts.csv" ]; then
  args+=(--conflicts "$dir/conflicts.csv")
  reference+=(--conflicts "$dir/conflicts.csv")
fi
"$bin" reviews "${args[@]}" --format json --output "$work/reviews.json"
python3 - "$work/reviews.json" >"$work/fundscreen.txt" <<'PY'
import json, sys
for c in json.load(open(sys.argv[1], encoding="utf-8"))["criteria"]:
    alpha = "undefined" if c["alpha"] is None else format(c["alpha"], ".3f")
    print(c["id"], alpha, c["values"], c["pairs"])
PY
criteria=$(cut -d' ' -f1 "$work/fundscreen.txt" | paste -sd,)
python3 tests/reviews/alpha_reference.py "${reference[@]}" --criteria "$criteria" >"$work/reference.txt"
diff -u --label fundscreen --label alpha_reference.py "$work/fundscreen.txt" "$work/reference.txt"
cat "$work/fundscreen.txt"

#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The example call read from its Excel workbook gives the same decisions as from its CSV
# (the csv output byte for byte), and the same screening written as a workbook is identical
# from run to run.
#
#   check_example.sh FUNDSCREEN_BINARY
set -euo pipefail
bin=$1
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ex=examples/sitra-2021
args=(-c criteria/sitra-2021.yaml -a $ex/assessments.csv --conflicts $ex/conflicts.csv --reviewers $ex/reviewers.csv)
"$bin" screen $ex/applications.csv "${args[@]}" --format csv >"$work/from-csv.csv"
"$bin" screen $ex/applications.xlsx "${args[@]}" --format csv >"$work/from-xlsx.csv"
diff -u "$work/from-csv.csv" "$work/from-xlsx.csv"
"$bin" screen $ex/applications.xlsx "${args[@]}" --format xlsx --output "$work/a.xlsx"
"$bin" screen $ex/applications.xlsx "${args[@]}" --format xlsx --output "$work/b.xlsx"
cmp "$work/a.xlsx" "$work/b.xlsx"
echo "same decisions from applications.xlsx as from applications.csv; the workbook written twice is identical"

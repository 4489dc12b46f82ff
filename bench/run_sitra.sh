#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The sitra-2021 screening benchmark: N synthetic applications with two reviewers'
# assessments on every judged criterion, screened with `--format csv`.
#
#   bash bench/run_sitra.sh [N...]          default: 100000 1000000
#
# For each N: generates bench/data/sitra-N/ once (bench/gen_sitra.py) with the decision
# counts the criteria set predicts (bench/check_sitra.py, an independent Python reference),
# runs `fundscreen screen` RUNS times under /usr/bin/time, and prints a Markdown table:
# input size, median wall time, peak RSS, applications per second, fundscreen's decision
# counts (column 2 of its CSV output) and whether they agree with the reference.
#
# Environment: FUNDSCREEN (default build/cmd/fundscreen), RUNS (default 3),
# CHECK=1 also compares every row's decision with the reference (slow: ~1 min per 1M).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${FUNDSCREEN:-build/cmd/fundscreen}
runs=${RUNS:-3}
sizes=("$@")
((${#sizes[@]})) || sizes=(100000 1000000)

die() { echo "run_sitra: $*" >&2; exit 1; }

[ -x "$bin" ] || die "$bin is missing: build first: bash scripts/dev example"
"$bin" --help 2>/dev/null | grep -q '^ *screen ' || die "$bin has no working 'screen' command: build first: bash scripts/dev example"
if [ ! -x /usr/bin/time ]; then
  [ "$(id -u)" = 0 ] || die "/usr/bin/time is missing: sudo apt-get install -y time"
  echo "installing the Debian package 'time'" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null || die "could not install 'time'"
fi
for n in "${sizes[@]}"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || die "not a number of applications: '$n'"
done

mkdir -p bench/data bench/out
decisions=(fund reserve clarify pending reject)
rows=()
for n in "${sizes[@]}"; do
  data=bench/data/sitra-$n
  out=bench/out/sitra-$n.csv
  if [ ! -f "$data/applications.csv" ] || [ ! -f "$data/assessments.csv" ]; then
    echo "generating $data ..." >&2
    start=$(date +%s.%N)
    python3 bench/gen_sitra.py "$n" "$data"
    echo "generated in $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}') s" >&2
    rm -f "$data/expected.txt"
  fi
  if [ ! -f "$data/expected.txt" ]; then
    echo "computing the reference decisions for $data ..." >&2
    python3 bench/check_sitra.py "$data" >"$data/expected.txt.tmp"
    mv "$data/expected.txt.tmp" "$data/expected.txt"
  fi
  walls=() rss=()
  for ((r = 1; r <= runs; r++)); do
    timing=$(mktemp)
    load=$(cut -d' ' -f1 /proc/loadavg)
    if ! /usr/bin/time -f '%e %M %U %S' -o "$timing" "$bin" screen "$data/applications.csv" \
      --criteria criteria/sitra-2021.yaml --assessments "$data/assessments.csv" \
      --format csv --output "$out"; then
      cat "$timing" >&2
      rm -f "$timing"
      die "fundscreen screen failed on $data"
    fi
    read -r wall kib user sys <"$timing"
    rm -f "$timing"
    echo "N=$n run $r: $wall s wall, $user s user, $sys s sys, $((kib / 1024)) MiB (load average before the run: $load)" >&2
    walls+=("$wall") rss+=("$kib")
  done
  median=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}')
  peak=$(printf '%s\n' "${rss[@]}" | sort -g | tail -1)
  mib=$(du -cb "$data/applications.csv" "$data/assessments.csv" | tail -1 | awk '{printf "%.1f", $1 / 1048576}')
  counts=$(python3 -c '
import collections, csv, sys
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    rows = csv.reader(f)
    next(rows)
    c = collections.Counter(row[1] for row in rows)
known = sys.argv[2:]
print(" ".join(str(c.pop(d, 0)) for d in known), " ".join(f"{k}={v}" for k, v in sorted(c.items())))
' "$out" "${decisions[@]}")
  read -r -a got <<<"$counts"
  expected=$(awk '{printf "%s ", $2}' "$data/expected.txt")
  if [ "${got[*]:0:5} " = "$expected" ]; then agree=yes; else agree="no (reference: $expected)"; fi
  [ -z "${got[*]:5}" ] || agree="$agree; other decisions: ${got[*]:5}"
  if [ "${CHECK:-0}" = 1 ]; then
    python3 bench/check_sitra.py "$data" "$out" | tail -1 >&2 || agree="$agree; rows differ"
  fi
  aps=$(awk -v n="$n" -v t="$median" 'BEGIN {printf "%.0f", (t > 0) ? n / t : 0}')
  rows+=("| $n | $mib | $median | $((peak / 1024)) | $aps | ${got[0]} | ${got[1]} | ${got[2]} | ${got[3]} | ${got[4]} | $agree |")
done

echo
echo "fundscreen screen --format csv, sitra-2021, $runs runs each ($(nproc) cores, $(date +%F))"
echo
echo "| applications | input MiB | median wall s | peak RSS MiB | applications/s | fund | reserve | clarify | pending | reject | agrees with reference |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
printf '%s\n' "${rows[@]}"

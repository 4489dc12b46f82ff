#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# fundscreen against the general-purpose tools of ../shared/bench-peers/ on the same job
# (bench/peer-job.yaml), the same generated inputs and in the same run.
#
#   bash bench/run_peers.sh [SIZE...]       SIZE: 82, 100k or 1m; default: 82 100k 1m
#
# For each size: generates bench/data/apps_SIZE.csv once with the peers' gen.py (by path)
# and checks its SHA-256 against the peers' README; times every tool RUNS times after WARMUP
# uncounted runs with the peers' timeit.py (median wall clock, peak RSS from wait4()); checks
# that fundscreen's id, decision and failed agree on every row with every peer's output
# (bench/compare_decisions.py); prints a Markdown table. Timings and load averages go to
# stderr as they come.
#
# Environment: FUNDSCREEN (default build/cmd/fundscreen), PEERS_DIR (default
# ../shared/bench-peers), RUNS (default 3), WARMUP (default 1), PEERS (default
# "duckdb duckdb_1t sqlite3 pandas pystdlib miller"; Miller is left out at 1m, where it
# needs ~9 GiB and half a minute a run, unless MILLER_1M=1).
# Set-up (once, needs root or sudo for apt and the npm registry): sqlite3, miller,
# python3-pandas, nodejs and npm from Debian if missing; @duckdb/node-api at the peers' version into
# bench/data/peers/node_modules (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${FUNDSCREEN:-build/cmd/fundscreen}
peers_dir=$(cd "${PEERS_DIR:-../shared/bench-peers}" && pwd)
runs=${RUNS:-3}
warmup=${WARMUP:-1}
peers=${PEERS:-duckdb duckdb_1t sqlite3 pandas pystdlib miller}
sizes=("$@")
((${#sizes[@]})) || sizes=(82 100k 1m)

die() { echo "run_peers: $*" >&2; exit 1; }

rows_of() { case $1 in 82) echo 82 ;; 100k) echo 100000 ;; 1m) echo 1000000 ;; *) die "unknown size '$1' (82, 100k or 1m)" ;; esac; }
sha_of() { # the SHA-256 the peers' README gives for data/apps_SIZE.csv
  grep -E "^\| data/apps_$1\.csv " "$peers_dir/README.md" | awk -F'|' '{gsub(/ /, "", $6); print $6}'
}

setup() {
  [ -x "$bin" ] || die "$bin is missing: build first: cmake --workflow --preset build"
  local missing=()
  command -v sqlite3 >/dev/null || missing+=(sqlite3)
  command -v mlr >/dev/null || missing+=(miller)
  /usr/bin/python3 -c 'import pandas' 2>/dev/null || missing+=(python3-pandas)
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  if ((${#missing[@]})); then
    local sudo=()
    [ "$(id -u)" = 0 ] || sudo=(sudo)
    echo "installing: ${missing[*]}" >&2
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  fi
  if [ ! -d bench/data/peers/node_modules/@duckdb/node-api ]; then
    echo "installing @duckdb/node-api (the peers' package.json) into bench/data/peers" >&2
    mkdir -p bench/data/peers
    cp "$peers_dir/package.json" "$peers_dir/package-lock.json" bench/data/peers/
    chmod u+w bench/data/peers/package*.json
    # npm ci rejects this lock (optional bindings for other platforms), as the peers' setup says
    (cd bench/data/peers && npm install --no-audit --no-fund >&2)
  fi
  export NODE_PATH=$PWD/bench/data/peers/node_modules
}

generate() { # generate SIZE: bench/data/apps_SIZE.csv, checked against the README
  local size=$1 file=bench/data/apps_$1.csv want
  want=$(sha_of "$size")
  if [ ! -f "$file" ] || [ ! -f "$file.sha256" ] || [ "$(cat "$file.sha256")" != "$want" ]; then
    echo "generating $file ($(rows_of "$size") rows) ..." >&2
    /usr/bin/python3 "$peers_dir/gen.py" "$(rows_of "$size")" "$file.tmp"
    sha256sum "$file.tmp" | cut -d' ' -f1 >"$file.sha256"
    mv "$file.tmp" "$file"
  fi
  [ "$(cat "$file.sha256")" = "$want" ] || die "$file has SHA-256 $(cat "$file.sha256"), the README says $want"
}

command_of() { # command_of TOOL IN OUT: the command line that runs TOOL
  local in=$2 out=$3
  case $1 in
    fundscreen_csv) echo "$bin screen $in --criteria bench/peer-job.yaml --format csv --output $out" ;;
    fundscreen_jsonl) echo "$bin screen $in --criteria bench/peer-job.yaml --format jsonl --output $out" ;;
    duckdb) echo "node $peers_dir/job_duckdb.js $in $out" ;;
    duckdb_1t) echo "node $peers_dir/job_duckdb.js $in $out 1" ;;
    sqlite3) echo "sh $peers_dir/run_sqlite.sh $in $out" ;;
    pandas) echo "/usr/bin/python3 $peers_dir/job_pandas.py $in $out" ;;
    pystdlib) echo "/usr/bin/python3 $peers_dir/job_pystdlib.py $in $out" ;;
    miller) echo "sh $peers_dir/run_miller.sh $in $out" ;;
    *) die "unknown tool '$1'" ;;
  esac
}

setup
mkdir -p bench/out
results=bench/out/peers-results.tsv
: >"$results"
for size in "${sizes[@]}"; do
  n=$(rows_of "$size")
  generate "$size"
  in=bench/data/apps_$size.csv
  tools=(fundscreen_csv fundscreen_jsonl)
  for p in $peers; do
    [ "$p" != miller ] || [ "$size" != 1m ] || [ "${MILLER_1M:-0}" = 1 ] || continue
    tools+=("$p")
  done
  for tool in "${tools[@]}"; do
    ext=csv
    [ "$tool" != fundscreen_jsonl ] || ext=jsonl
    out=bench/out/${tool}_$size.$ext
    rm -f "$out"
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    # shellcheck disable=SC2046 # the command is split into words on purpose
    figures=$(/usr/bin/python3 "$peers_dir/timeit.py" -n "$runs" --warmup "$warmup" -- $(command_of "$tool" "$in" "$out"))
    wall=$(awk '/^A wall s/ {print $5}' <<<"$figures")
    mib=$(awk '/^A peak MiB/ {print $5}' <<<"$figures")
    ok=$(sed -n 's/^A exit 0 (\([0-9]*\) of \([0-9]*\))$/\1 \2/p' <<<"$figures" | awk '{print ($1 == $2 && $1 > 0) ? "yes" : "no"}')
    echo "$size $tool: median wall $wall s, peak $mib MiB, all runs exit 0: $ok (load average before: $load)" >&2
    [ "$ok" = yes ] || die "$tool failed on $in: $(command_of "$tool" "$in" "$out")"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$n" "$tool" "$wall" "$mib" "$load" >>"$results"
  done
  peer_outputs=()
  for tool in "${tools[@]}"; do
    [[ $tool == fundscreen_* ]] || peer_outputs+=("bench/out/${tool}_$size.csv")
  done
  for ours in "bench/out/fundscreen_csv_$size.csv" "bench/out/fundscreen_jsonl_$size.jsonl"; do
    python3 bench/compare_decisions.py "$ours" "${peer_outputs[@]}" >&2 || die "$ours disagrees with a peer"
    echo "agreement checked: $ours" >&2
  done
done

python3 - "$results" <<'EOF'
import collections, sys
by_size = collections.defaultdict(list)
for line in open(sys.argv[1]):
    size, n, tool, wall, mib, load = line.rstrip("\n").split("\t")
    by_size[size].append((tool, int(n), float(wall), float(mib), load))
for size, rows in by_size.items():
    walls = {t: w for t, _, w, _, _ in rows}
    print(f"\n### {size} ({rows[0][1]:,} applications; all decisions agree)\n")
    print("| tool | wall s (median) | peak MiB | rows/s | fundscreen csv faster by | fundscreen jsonl faster by | load before |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for tool, n, wall, mib, load in rows:
        peer = not tool.startswith("fundscreen")
        ratio = lambda ours: f"{wall / walls[ours]:.2f}x" if peer else ""
        print(f"| {tool} | {wall:.3f} | {mib:.0f} | {n / wall:,.0f} | {ratio('fundscreen_csv')} | {ratio('fundscreen_jsonl')} | {load} |")
EOF

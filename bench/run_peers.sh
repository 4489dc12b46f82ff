#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# fundscreen against the general-purpose tools of ../shared/bench-peers/ and its hand-written
# single pass, on the same job (bench/peer-job.yaml) and the same generated inputs, in pairs.
#
#   bash bench/run_peers.sh [SIZE...]       SIZE: 82, 100k or 1m; default: 82 100k 1m
#
# For each size: generates bench/data/apps_SIZE.csv once with the peers' gen.py (by path)
# and checks its SHA-256 against the peers' README; then pairs fundscreen (`--format csv`, and
# `--format jsonl`) with each peer in turn with bench/paired.py: WARMUP uncounted runs of
# both, then PAIRS times fundscreen then the peer (A B A B ...), the ratio fundscreen/peer of
# wall and of CPU time (user + system) per pair, their median and range, the peak RSS of each,
# the load average before and after. `single_pass` is the peers' screen_ref.cpp (built here
# with the peers' command, g++ -O2 -std=c++17), paired with csv only. Then checks that
# fundscreen's id, decision and failed agree on every row with every peer's output
# (bench/compare_decisions.py) and prints a Markdown table per size and the issue's targets.
# Each run's figures and load average go to stderr as they come.
#
# Environment: FUNDSCREEN (default build/cmd/fundscreen), PEERS_DIR (default
# ../shared/bench-peers), PAIRS (default 5), WARMUP (default 1), PEERS (default
# "duckdb duckdb_1t single_pass sqlite3 pandas pystdlib miller"; Miller is left out at 1m,
# where it needs ~9 GiB and half a minute a run, unless MILLER_1M=1), LOADED (default 2.5:
# a pair whose 1-minute load average before or after exceeds it is marked "under load").
# Set-up (once, needs root or sudo for apt and the npm registry): sqlite3, miller,
# python3-pandas, nodejs, npm and g++ from Debian if missing; @duckdb/node-api at the peers'
# version into bench/data/peers/node_modules, screen_ref into bench/data/peers (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${FUNDSCREEN:-build/cmd/fundscreen}
peers_dir=$(cd "${PEERS_DIR:-../shared/bench-peers}" && pwd)
pairs=${PAIRS:-5}
warmup=${WARMUP:-1}
loaded=${LOADED:-2.5}
peers=${PEERS:-duckdb duckdb_1t single_pass sqlite3 pandas pystdlib miller}
sizes=("$@")
((${#sizes[@]})) || sizes=(82 100k 1m)

die() { echo "run_peers: $*" >&2; exit 1; }

rows_of() { case $1 in 82) echo 82 ;; 100k) echo 100000 ;; 1m) echo 1000000 ;; *) die "unknown size '$1' (82, 100k or 1m)" ;; esac; }
sha_of() { # the SHA-256 the peers' README gives for data/apps_SIZE.csv
  grep -E "^\| data/apps_$1\.csv " "$peers_dir/README.md" | awk -F'|' '{gsub(/ /, "", $6); print $6}'
}

wants() { [[ " $peers " == *" $1 "* ]]; } # wants PEER: PEER is among those paired

setup() { # installs and builds what the chosen peers need
  [ -x "$bin" ] || die "$bin is missing: build first: cmake --workflow --preset build"
  local missing=()
  ! wants sqlite3 || command -v sqlite3 >/dev/null || missing+=(sqlite3)
  ! wants miller || command -v mlr >/dev/null || missing+=(miller)
  ! wants pandas || /usr/bin/python3 -c 'import pandas' 2>/dev/null || missing+=(python3-pandas)
  if wants duckdb || wants duckdb_1t; then
    command -v node >/dev/null || missing+=(nodejs)
    command -v npm >/dev/null || missing+=(npm)
  fi
  ! wants single_pass || command -v g++ >/dev/null || missing+=(g++)
  if ((${#missing[@]})); then
    local sudo=()
    [ "$(id -u)" = 0 ] || sudo=(sudo)
    echo "installing: ${missing[*]}" >&2
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  fi
  if { wants duckdb || wants duckdb_1t; } && [ ! -d bench/data/peers/node_modules/@duckdb/node-api ]; then
    echo "installing @duckdb/node-api (the peers' package.json) into bench/data/peers" >&2
    mkdir -p bench/data/peers
    cp "$peers_dir/package.json" "$peers_dir/package-lock.json" bench/data/peers/
    chmod u+w bench/data/peers/package*.json
    # npm ci rejects this lock (optional bindings for other platforms), as the peers' setup says
    (cd bench/data/peers && npm install --no-audit --no-fund >&2)
  fi
  export NODE_PATH=$PWD/bench/data/peers/node_modules
  if wants single_pass && { [ ! -x bench/data/peers/screen_ref ] || [ "$peers_dir/screen_ref.cpp" -nt bench/data/peers/screen_ref ]; }; then
    echo "building the single pass: g++ -O2 -std=c++17 screen_ref.cpp -> bench/data/peers/screen_ref" >&2
    mkdir -p bench/data/peers
    g++ -O2 -std=c++17 -o bench/data/peers/screen_ref "$peers_dir/screen_ref.cpp"
  fi
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
    single_pass) echo "bench/data/peers/screen_ref $in $out" ;;
    *) die "unknown tool '$1'" ;;
  esac
}

setup
mkdir -p bench/out
results=bench/out/peers-pairs.tsv
: >"$results"
for size in "${sizes[@]}"; do
  n=$(rows_of "$size")
  generate "$size"
  in=bench/data/apps_$size.csv
  peer_outputs=()
  for peer in $peers; do
    [ "$peer" != miller ] || [ "$size" != 1m ] || [ "${MILLER_1M:-0}" = 1 ] || continue
    peer_out=bench/out/${peer}_$size.csv
    peer_outputs+=("$peer_out")
    ours=(fundscreen_csv fundscreen_jsonl)
    [ "$peer" != single_pass ] || ours=(fundscreen_csv) # the CPU target; jsonl writes another job's bytes
    for tool in "${ours[@]}"; do
      ext=csv
      [ "$tool" != fundscreen_jsonl ] || ext=jsonl
      out=bench/out/${tool}_$size.$ext
      rm -f "$out" "$peer_out"
      echo "$size: $tool against $peer, $pairs pairs after $warmup warm-up" >&2
      line=$(/usr/bin/python3 bench/paired.py "$pairs" "$warmup" "$tool" "$(command_of "$tool" "$in" "$out")" \
        "$peer" "$(command_of "$peer" "$in" "$peer_out")")
      [ "$(cut -f18 <<<"$line")" = yes ] ||
        die "a run failed: $(command_of "$tool" "$in" "$out") or $(command_of "$peer" "$in" "$peer_out")"
      printf '%s\t%s\t%s\n' "$size" "$n" "$line" >>"$results"
    done
  done
  for ours in "bench/out/fundscreen_csv_$size.csv" "bench/out/fundscreen_jsonl_$size.jsonl"; do
    [ -f "$ours" ] || continue
    python3 bench/compare_decisions.py "$ours" "${peer_outputs[@]}" >&2 || die "$ours disagrees with a peer"
    echo "agreement checked: $ours" >&2
  done
done

python3 - "$results" "$loaded" <<'EOF'
import collections, sys
loaded = float(sys.argv[2])
by_size = collections.defaultdict(list)
for line in open(sys.argv[1]):
    f = line.rstrip("\n").split("\t")
    size, n, a, b, pairs = f[0], int(f[1]), f[2], f[3], int(f[4])
    w, c = [float(x) for x in f[5:8]], [float(x) for x in f[8:11]]
    aw, bw, ac, bc, am, bm = (float(x) for x in f[11:17])
    start, end = f[17], f[18]
    busy = max(float(start.split()[0]), float(end.split()[0])) > loaded
    by_size[size].append(dict(n=n, a=a, b=b, pairs=pairs, w=w, c=c, aw=aw, bw=bw, ac=ac, bc=bc, am=am, bm=bm,
                              start=start, end=end, busy=busy))


def mark(r):
    return " (under load)" if r["busy"] else ""


def ratio(x):
    d = lambda v: f"{v:.3f}" if v < 0.1 else f"{v:.2f}"
    return f"**{d(x[0])}** ({d(x[1])}-{d(x[2])})"


for size, rows in by_size.items():
    print(f"\n### {size} ({rows[0]['n']:,} applications; all decisions agree; {rows[0]['pairs']} pairs each)\n")
    print("| fundscreen | peer | wall ratio, median (min-max) | CPU ratio, median (min-max) | fundscreen wall s "
          "| peer wall s | fundscreen CPU s | peer CPU s | fundscreen peak MiB | peer peak MiB "
          "| load average before → after |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for r in rows:
        print(f"| {r['a'].removeprefix('fundscreen_')} | {r['b']} | {ratio(r['w'])} | {ratio(r['c'])} "
              f"| {r['aw']:.3f} | {r['bw']:.3f} | {r['ac']:.3f} | {r['bc']:.3f} | {r['am']:.0f} | {r['bm']:.0f} "
              f"| {r['start']} → {r['end']}{mark(r)} |")


def find(size, a, b):
    return next((r for r in by_size.get(size, []) if r["a"] == a and r["b"] == b), None)


def target(text, size, r, value, met):
    if r is None:
        print(f"| {text} | - | not measured | - | - |")
        return
    note = "" if size in ("1m", "82") else f" (at {size}; the target is at 1m)"
    print(f"| {text} | {size} | {value}{note} | {'yes' if met else '**no**'} | {r['start']} → {r['end']}{mark(r)} |")


big = "1m" if "1m" in by_size else "100k"
print("\n### Targets (issue 14)\n")
print("| target | size | measured (median of the pairs) | met | load average before → after |")
print("| --- | --- | --- | --- | --- |")
r = find(big, "fundscreen_csv", "duckdb")
target("csv wall ≤ 0.5 × DuckDB (2 threads)", big, r,
       r and f"{r['w'][0]:.2f} ({r['aw']:.3f} s against {r['bw']:.3f} s)", r and r["w"][0] <= 0.5)
target("csv peak memory ≤ 80 MiB", big, r, r and f"{r['am']:.0f} MiB", r and r["am"] <= 80)
r = find(big, "fundscreen_jsonl", "duckdb")
target("jsonl (full trail) wall ≤ 1.0 × DuckDB", big, r,
       r and f"{r['w'][0]:.2f} ({r['aw']:.3f} s against {r['bw']:.3f} s)", r and r["w"][0] <= 1.0)
r = find(big, "fundscreen_csv", "single_pass")
target("csv CPU ≤ 1.1 × the single pass", big, r,
       r and f"{r['c'][0]:.2f} ({r['ac']:.3f} s against {r['bc']:.3f} s of CPU; wall ratio {r['w'][0]:.2f}; "
       f"peak {r['am']:.0f} against {r['bm']:.0f} MiB)", r and r["c"][0] <= 1.1)
for fmt in ("csv", "jsonl"):
    rs = [x for x in by_size.get("82", []) if x["a"] == "fundscreen_" + fmt]
    walls = sorted(x["aw"] for x in rs)
    mid = walls[len(walls) // 2] if walls else 0
    target(f"82 rows ≤ 10 ms end to end ({fmt})", "82", rs[0] if rs else None,
           rs and f"{1000 * mid:.1f} ms (its pairings: {', '.join(f'{1000 * w:.1f}' for w in walls)} ms)",
           rs and mid <= 0.010)
EOF

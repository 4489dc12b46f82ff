#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the fuzz targets (clang, libFuzzer, ASan and UBSan), replays every reproducer in
# fuzz/crashes/ against its target and runs each target once over its seeds; exits 1 naming
# every file that fails, 2 when a reproducer names no target.
#
#   bash fuzz/replay.sh [BUILD_DIR]    BUILD_DIR: the fuzz build (default build-fuzz)
#
# Targets are found by name, not listed here: fuzz/fuzz_<target>.cpp is built as
# BUILD_DIR/fuzz_<target>, a reproducer is fuzz/crashes/<target>-<name>, and the seeds of a
# target are fuzz/corpus/<target>/seed-*. A target without seeds runs the empty input once.
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-fuzz}
[ -f "$build/CMakeCache.txt" ] || cmake -S fuzz -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ >/dev/null || exit 1
cmake --build "$build" || exit 1

export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:print_stacktrace=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# Longest names first, so that a target whose name starts another's (rule, rules) is matched whole.
mapfile -t targets < <(for src in fuzz/fuzz_*.cpp; do
  t=${src#fuzz/fuzz_}
  echo "${t%.cpp}"
done | awk '{ print length, $0 }' | sort -rn | cut -d' ' -f2-)
log=$(mktemp)
empty=$(mktemp -d)
trap 'rm -rf "$log" "$empty"' EXIT
failed=()
unnamed=()

run() { # DESCRIPTION BINARY ARGS...: runs one target, its output shown only when it fails
  local what=$1
  shift
  if [ ! -x "$1" ]; then
    echo "FAILED: $what: $1 was not built (is it in fuzz/CMakeLists.txt's list of targets?)"
    failed+=("$what")
  elif ! "$@" -timeout=60 >"$log" 2>&1; then
    echo "FAILED: $what"
    tail -n 40 "$log"
    failed+=("$what")
  fi
}

declare -A replayed=()
for f in fuzz/crashes/*; do
  [ -f "$f" ] || continue
  name=$(basename "$f")
  target=
  for t in "${targets[@]}"; do
    if [[ $name == "$t"-* ]]; then
      target=$t
      break
    fi
  done
  if [ -z "$target" ]; then
    echo "FAILED: $f names no fuzz target (crashes/<target>-<name>; targets: ${targets[*]})"
    unnamed+=("$f")
    continue
  fi
  run "$f" "$build/fuzz_$target" "$f"
  replayed[$target]=$((${replayed[$target]:-0} + 1))
done

for t in "${targets[@]}"; do
  seeds=()
  for s in fuzz/corpus/"$t"/seed-*; do [ -f "$s" ] && seeds+=("$s"); done
  if ((${#seeds[@]})); then
    run "fuzz/corpus/$t/seed-*" "$build/fuzz_$t" -runs=0 "${seeds[@]}"
  else
    run "fuzz_$t on the empty input (it has no seeds)" "$build/fuzz_$t" -runs=0 "$empty"
  fi
  echo "fuzz_$t: ${replayed[$t]:-0} reproducers, ${#seeds[@]} seeds"
done

if ((${#unnamed[@]})); then echo "replay.sh: ${#unnamed[@]} name no target: ${unnamed[*]}"; fi
if ((${#failed[@]})); then echo "replay.sh: ${#failed[@]} failed: ${failed[*]}"; fi
if ((${#unnamed[@]})); then exit 2; fi
if ((${#failed[@]})); then exit 1; fi
echo "replay.sh: every reproducer and seed runs clean"

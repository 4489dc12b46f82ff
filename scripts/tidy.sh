#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# clang-tidy with the project's .clang-tidy over every source of the project (lib/, cmd/,
# tests/, fuzz/) and the project's headers they include; every finding is an error.
#
#   bash scripts/tidy.sh [BUILD_DIR]    BUILD_DIR: a configured main build (default build-asan)
#
# lib/, cmd/ and tests/ are checked with BUILD_DIR's compile_commands.json; fuzz/ is a project
# of its own, configured (not built) into build-fuzz for its compile commands. Generated files
# (the build directories') are not checked. Two files at a time, one per core.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-asan}
[ -f "$build/compile_commands.json" ] || {
  echo "tidy.sh: $build/compile_commands.json is missing; configure first: cmake --preset asan" >&2
  exit 2
}
[ -f build-fuzz/compile_commands.json ] ||
  cmake -S fuzz -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ >/dev/null

# Diagnostics in the project's own headers count too; those of /usr/include do not.
filter="^$PWD/(lib|cmd|tests|fuzz)/"
jobs=$(nproc)
status=0
# clang does not know every flag of g++'s (the asan preset's -Wno-maybe-uninitialized).
tidy() { # DB_DIR FILE...
  local db=$1
  shift
  printf '%s\n' "$@" | xargs -P "$jobs" -n 1 clang-tidy --quiet -p "$db" --header-filter="$filter" \
    --extra-arg=-Wno-unknown-warning-option || status=1
}
mapfile -t main_sources < <(find lib cmd tests -name '*.cpp' | sort)
mapfile -t fuzz_sources < <(find fuzz -maxdepth 1 -name '*.cpp' | sort)
tidy "$build" "${main_sources[@]}"
tidy build-fuzz "${fuzz_sources[@]}"
if ((status)); then
  echo "tidy.sh: clang-tidy found problems (above)" >&2
  exit 1
fi
echo "tidy.sh: $((${#main_sources[@]} + ${#fuzz_sources[@]})) files clean"

#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs one golden command-line case and compares what a user would see.
#
#   run_case.sh FUNDSCREEN_BINARY CASE_DIR
#
# CASE_DIR/cmd is a shell line run from the repository root, in which `fundscreen` is the
# binary under test and $CASE is the case folder relative to the root (so messages name
# stable relative paths). Its stdout, stderr and exit code are compared with
# expected.stdout, expected.stderr and expected.exit. With FUNDSCREEN_UPDATE_GOLDEN=1 the
# expected files are rewritten instead; review the change with `git diff tests/cli`.
# The line runs with `set -o pipefail`: a case that pipes fundscreen's output into another
# command still shows fundscreen's exit code, as a user's shell with pipefail would.
set -u
bin=$1
dir=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
case_rel=${dir#"$root"/}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fundscreen() { "$bin" "$@"; }
(
  cd "$root" || exit 99
  export CASE="$case_rel" LC_ALL=C.UTF-8 NO_COLOR=1 TMPDIR="$work"
  unset SOURCE_DATE_EPOCH
  set -o pipefail
  eval "$(cat "$dir/cmd")"
) >"$work/stdout" 2>"$work/stderr" </dev/null
echo $? >"$work/exit"

if [ "${FUNDSCREEN_UPDATE_GOLDEN:-0}" = 1 ]; then
  for f in stdout stderr exit; do cp "$work/$f" "$dir/expected.$f"; done
  echo "updated $case_rel"
  exit 0
fi

status=0
for f in exit stdout stderr; do
  if ! diff -u --label "expected.$f" --label "actual.$f" "$dir/expected.$f" "$work/$f"; then
    status=1
  fi
done
exit $status

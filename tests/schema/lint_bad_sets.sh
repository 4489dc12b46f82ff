#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# lint_bad_sets.sh FUNDSCREEN SET...: `fundscreen lint` rejects each set with exit 4.
set -u
bin=$1
shift
status=0
for set in "$@"; do
  "$bin" lint "$set" >/dev/null 2>&1
  code=$?
  if [ "$code" != 4 ]; then
    echo "$set: lint exited $code, expected 4"
    status=1
  else
    echo "$set: rejected by lint (exit 4)"
  fi
done
exit $status

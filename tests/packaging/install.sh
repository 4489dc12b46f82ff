#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# install.sh BUILD_DIR: `cmake --install` into a temporary prefix puts everything in its place,
# and the installed tool runs from there: --version, a man page, lint of an installed set,
# and init, whose set names the schema installed beside the binary.
set -euo pipefail
build=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
p=$tmp/prefix
"$p/bin/fundscreen" --version
for page in fundscreen fundscreen-screen fundscreen-explain fundscreen-letters fundscreen-diff fundscreen-impact fundscreen-validate \
  fundscreen-lint fundscreen-init; do
  test -s "$p/share/man/man1/$page.1" || { echo "missing man page $page.1"; exit 1; }
done
if command -v man >/dev/null; then
  MANWIDTH=80 man -l "$p/share/man/man1/fundscreen-lint.1" 2>/dev/null | grep -q -- "--format" || {
    echo "man -l fundscreen-lint.1 does not show --format"
    exit 1
  }
else
  grep -q '^\.TH "FUNDSCREEN-LINT" "1"' "$p/share/man/man1/fundscreen-lint.1"
fi
test -s "$p/share/bash-completion/completions/fundscreen"
test -s "$p/share/zsh/vendor-completions/_fundscreen"
test -s "$p/share/fish/vendor_completions.d/fundscreen.fish"
test -s "$p/share/fundscreen/schema/criteria-set.schema.json"
test -s "$p/share/doc/fundscreen/criteria-format.md"
"$p/bin/fundscreen" lint "$p/share/fundscreen/criteria/sitra-2021.yaml"
"$p/bin/fundscreen" init "$tmp/call" >/dev/null
head -1 "$tmp/call/criteria.yaml" | grep -qF "\$schema=$p/share/fundscreen/schema/criteria-set.schema.json" || {
  echo "init's schema line does not name the installed schema: $(head -1 "$tmp/call/criteria.yaml")"
  exit 1
}
echo "installed and ran from $p"

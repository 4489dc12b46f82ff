#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# deb.sh BUILD_DIR: cpack makes the .deb, which depends on the shared libraries the binary
# links (glibc, libzip, libxlsxwriter); unpacked into a throwaway root with dpkg -x, its
# fundscreen runs (--version, lint of the set it ships, a workbook read and one written) and
# its files are where Debian keeps them.
set -euo pipefail
build=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cpack --config "$build/CPackConfig.cmake" -B "$tmp/out" >/dev/null
deb=$(ls "$tmp"/out/fundscreen_*.deb)
dpkg-deb --field "$deb" Package Version Architecture Depends
depends=$(dpkg-deb --field "$deb" Depends)
for lib in libc6 libzip4 libxlsxwriter4; do
  grep -q "\b$lib\b" <<<"$depends" || { echo "the .deb does not depend on $lib: $depends"; exit 1; }
done
dpkg -x "$deb" "$tmp/root"
r=$tmp/root/usr
"$r/bin/fundscreen" --version
"$r/bin/fundscreen" lint "$r/share/fundscreen/criteria/sitra-2021.yaml"
ex=$(dirname "$0")/../../examples/sitra-2021
"$r/bin/fundscreen" screen "$ex/applications.xlsx" -c "$r/share/fundscreen/criteria/sitra-2021.yaml" \
  -a "$ex/assessments.csv" --format xlsx --output "$tmp/decisions.xlsx"
test "$(head -c 4 "$tmp/decisions.xlsx")" = $'PK\x03\x04'
test -s "$r/share/man/man1/fundscreen.1"
test -s "$r/share/bash-completion/completions/fundscreen"
test -s "$r/share/doc/fundscreen/copyright"
echo "$(basename "$deb") installs and runs"

#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# deb.sh BUILD_DIR: cpack makes the .deb; unpacked into a throwaway root with dpkg -x, its
# fundscreen runs (--version, lint of the set it ships) and its files are where Debian keeps them.
set -euo pipefail
build=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cpack --config "$build/CPackConfig.cmake" -B "$tmp/out" >/dev/null
deb=$(ls "$tmp"/out/fundscreen_*.deb)
dpkg-deb --field "$deb" Package Version Architecture
dpkg -x "$deb" "$tmp/root"
r=$tmp/root/usr
"$r/bin/fundscreen" --version
"$r/bin/fundscreen" lint "$r/share/fundscreen/criteria/sitra-2021.yaml"
test -s "$r/share/man/man1/fundscreen.1"
test -s "$r/share/bash-completion/completions/fundscreen"
test -s "$r/share/doc/fundscreen/copyright"
echo "$(basename "$deb") installs and runs"

# SPDX-License-Identifier: Apache-2.0
# Sourced by the verify-* golden cases: writes $TMPDIR/trail.FORMAT, the Sitra example's
# trail in FORMAT (json or jsonl) sealed with the test key, and $TMPDIR/seal.pem, the key
# (git keeps no file mode, so its copy is made readable by its owner alone).
sitra_trail() {
  cp tests/cli/verify-keys/test-seal.pem "$TMPDIR/seal.pem" && chmod 600 "$TMPDIR/seal.pem" &&
    fundscreen screen examples/sitra-2021/applications.csv -c criteria/sitra-2021.yaml \
      -a examples/sitra-2021/assessments.csv --format "$1" --seal "$TMPDIR/seal.pem" --output "$TMPDIR/trail.$1"
}
# The Sitra example's inputs, for verify with inputs.
sitra_inputs="examples/sitra-2021/applications.csv -c criteria/sitra-2021.yaml -a examples/sitra-2021/assessments.csv"
# verify's output with $TMPDIR shown as such (its path differs from run to run).
tmp_named() { sed "s|$TMPDIR/|\$TMPDIR/|g"; }
# Changes the first hex digit of the seal's head in the trail FILE (0 to 1, else to 0).
edit_head() {
  python3 -c 'import re, sys
p = sys.argv[1]; t = open(p, encoding="utf-8").read()
t = re.sub(r"(\"head\":\")(.)", lambda m: m.group(1) + ("1" if m.group(2) == "0" else "0"), t)
open(p, "w", encoding="utf-8").write(t)' "$1"
}

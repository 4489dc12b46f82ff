# SPDX-License-Identifier: Apache-2.0
"""What the example generators share: writing a CSV file as a spreadsheet exports it.

Imported by examples/*/generate.py (Python standard library only).
"""

import csv
import io
import os


def score_text(score):
    """A reviewer's score as a cell: `4`, `3.5`, or empty for none."""
    return "" if score is None else f"{score:g}"


def write(folder, name, rows, header, delimiter=",", bom=False, crlf=False):
    """Writes folder/name: the header and rows, with `delimiter`, a UTF-8 BOM and CRLF line
    ends if asked (a Finnish Excel export has all three)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n")
    writer.writerow(header)
    writer.writerows(rows)
    data = ("\ufeff" if bom else "") + out.getvalue()
    with open(os.path.join(folder, name), "w", encoding="utf-8", newline="") as f:
        f.write(data)

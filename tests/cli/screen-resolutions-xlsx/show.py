# SPDX-License-Identifier: Apache-2.0
# Prints the ranking sheet's rank, id, amount, cumulative amount and decision of each row, as
# openpyxl reads them: a resolved fund's amount is the agreed one the line drew, not the
# requested one.
import sys

import openpyxl

ranking = openpyxl.load_workbook(sys.argv[1])["ranking"]
for row in ranking.iter_rows():
    values = {c.column_letter: c.value for c in row}
    print(" ".join("-" if values.get(column) is None else str(values[column]) for column in "ABFGH"))

# SPDX-License-Identifier: Apache-2.0
# Prints the header of the decisions sheet and the ranking sheet's pool, id and decision of
# each row, as openpyxl reads them, marking the rows with a thick line under them (a pool's
# funding line).
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
print("decisions: " + ",".join(c.value for c in book["decisions"][1]))
ranking = book["ranking"]
print("ranking: " + ",".join(c.value for c in ranking[1]))
for row in ranking.iter_rows(min_row=2):
    values = {c.column_letter: c.value for c in row}
    line = row[0].border.bottom.style == "thick"
    print(f"{values['A']} {values['C']} {values['I']}" + ("  ---- funding line below" if line else ""))

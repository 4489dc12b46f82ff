# SPDX-License-Identifier: Apache-2.0
# Prints the first rows of the workbook's one sheet as openpyxl reads them (as a spreadsheet
# program would), each cell as its column, its type (n a number, s a text) and its value:
# the counts and alphas are numbers, the names text.
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
print("sheets:", " ".join(book.sheetnames))
for row in book.worksheets[0].iter_rows(max_row=5):
    cells = [c for c in row if c.value is not None]
    print(row[0].row, " ".join(f"{c.column_letter}:{c.data_type}:{c.value}" for c in cells))

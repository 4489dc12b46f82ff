# SPDX-License-Identifier: Apache-2.0
# Prints the first rows of the workbook's one sheet, each cell as its column, its type (n a
# number, s a text) and its value: the counts and alphas are numbers, the names text.
import re
import sys
import zipfile

book = zipfile.ZipFile(sys.argv[1])
print("sheets:", " ".join(re.findall(r'<sheet name="([^"]+)"', book.read("xl/workbook.xml").decode())))
xml = book.read("xl/worksheets/sheet1.xml").decode()
for number, body in re.findall(r'<row r="(\d+)">(.*?)</row>', xml)[:5]:
    cells = re.findall(r'<c r="([A-Z]+)\d+"([^>]*)>(?:<is><t[^>]*>(.*?)</t></is>|<v>(.*?)</v>)?', body)
    print(number, " ".join(f"{c}:{'s' if text else 'n'}:{text or value}" for c, _, text, value in cells))

# SPDX-License-Identifier: Apache-2.0
# Prints the header of the decisions sheet and the ranking sheet's pool, id and decision of
# each row, marking the rows with a thick line under them (a pool's funding line).
import re
import sys
import zipfile

book = zipfile.ZipFile(sys.argv[1])


def rows(sheet):
    xml = book.read(f"xl/worksheets/{sheet}.xml").decode()
    for number, body in re.findall(r'<row r="(\d+)">(.*?)</row>', xml):
        cells = re.findall(r'<c r="([A-Z]+)\d+"([^>]*)>(?:<is><t[^>]*>(.*?)</t></is>|<v>(.*?)</v>)?', body)
        yield int(number), [(column, int(re.search(r's="(\d+)"', attributes).group(1)), text or value)
                            for column, attributes, text, value in cells]


header = next(rows("sheet1"))[1]
print("decisions: " + ",".join(text for _, _, text in header))
for number, cells in rows("sheet2"):
    if number == 1:
        print("ranking: " + ",".join(text for _, _, text in cells))
        continue
    values = {column: text for column, _, text in cells}
    # A row's cells take the thick-line styles (not 0, the plain text style) under a line.
    print(f"{values['A']} {values['C']} {values['I']}" + ("  ---- funding line below" if cells[0][1] != 0 else ""))

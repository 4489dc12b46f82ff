# SPDX-License-Identifier: Apache-2.0
# Prints the ranking sheet's rank, id, amount, cumulative amount and decision of each row:
# a resolved fund's amount is the agreed one the line drew, not the requested one.
import re
import sys
import zipfile

xml = zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet2.xml").decode()
for number, body in re.findall(r'<row r="(\d+)">(.*?)</row>', xml):
    cells = re.findall(r'<c r="([A-Z]+)\d+"[^>]*>(?:<is><t[^>]*>(.*?)</t></is>|<v>(.*?)</v>)?', body)
    values = {column: text or value for column, text, value in cells}
    print(" ".join(values.get(column, "-") for column in "ABFGH"))

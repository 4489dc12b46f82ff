#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Writes the small workbooks of the golden cases tests/cli/xlsx-*/book.xlsx: each one the
XML a spreadsheet program writes, by hand, so that a case holds exactly the cell types, the
error or the hostile part it is about. The outputs are committed (the goldens need no Python);
run this again after changing it:

    /usr/bin/python3 tests/xlsx/make_cases.py
"""
import os
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.path.join(ROOT, "tests", "cli")
STAMP = (2021, 3, 1, 12, 0, 0)

HEADER = ["id", "applicant", "title", "thesis", "stage", "kind", "programme_started", "programme_ends",
          "requested_eur", "own_resources_eur", "programme_budget_eur", "resources_committed", "actors", "problem",
          "evidence"]

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
<Override PartName="/xl/worksheets/sheet1.xml" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
Target="xl/workbook.xml"/></Relationships>"""

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def column_letters(n):
    letters = ""
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Sheet:
    """Rows of cells: a str is a shared string, an int or float a number, a bool a boolean, a
    tuple a cell written as given: ('inline', text), ('formula', f, cached or None),
    ('error', '#REF!'), ('raw', xml)."""

    def __init__(self, name, rows, merged=(), extra_rows="", first_row=1):
        self.name, self.rows, self.merged, self.extra_rows, self.first_row = name, rows, merged, extra_rows, first_row

    def xml(self, strings):
        out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}"><sheetData>']
        for r, row in enumerate(self.rows, start=self.first_row):
            out.append(f'<row r="{r}">')
            for c, value in enumerate(row, start=1):
                ref = f"{column_letters(c)}{r}"
                if value is None:
                    continue
                if isinstance(value, bool):
                    out.append(f'<c r="{ref}" t="b"><v>{int(value)}</v></c>')
                elif isinstance(value, (int, float)):
                    out.append(f'<c r="{ref}"><v>{value!r}</v></c>')
                elif isinstance(value, str):
                    if value not in strings:
                        strings.append(value)
                    out.append(f'<c r="{ref}" t="s"><v>{strings.index(value)}</v></c>')
                elif value[0] == "inline":
                    out.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(value[1])}</t></is></c>')
                elif value[0] == "formula":
                    cached = "" if value[2] is None else f"<v>{value[2]}</v>"
                    out.append(f'<c r="{ref}"><f>{escape(value[1])}</f>{cached}</c>')
                elif value[0] == "error":
                    out.append(f'<c r="{ref}" t="e"><f>A1/0</f><v>{value[1]}</v></c>')
                elif value[0] == "raw":
                    out.append(value[1].replace("REF", ref))
            out.append("</row>")
        out.append(self.extra_rows)
        out.append("</sheetData>")
        if self.merged:
            out.append(f'<mergeCells count="{len(self.merged)}">')
            out.extend(f'<mergeCell ref="{m}"/>' for m in self.merged)
            out.append("</mergeCells>")
        out.append("</worksheet>")
        return "".join(out)


def write_book(path, sheets, date1904=False, targets=None, doctype="", sheet_parts=None):
    strings = []
    parts = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS}
    pr = '<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>"
    entries = "".join(f'<sheet name="{escape(s.name)}" sheetId="{i}" r:id="rId{i}"/>'
                      for i, s in enumerate(sheets, start=1))
    parts["xl/workbook.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}">{pr}<sheets>{entries}</sheets></workbook>')
    rels = []
    for i, s in enumerate(sheets, start=1):
        target = (targets or {}).get(i, f"worksheets/sheet{i}.xml")
        rels.append(f'<Relationship Id="rId{i}" Type="{RELS}/worksheet" Target="{target}"/>')
        parts[f"xl/worksheets/sheet{i}.xml"] = (sheet_parts or {}).get(i) or s.xml(strings)
    if doctype:
        parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace("?>\n", "?>\n" + doctype, 1)
    rels.append(f'<Relationship Id="rId{len(sheets) + 1}" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>')
    parts["xl/_rels/workbook.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{"".join(rels)}'
        '</Relationships>')
    items = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    parts["xl/sharedStrings.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                     f'<sst xmlns="{MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">'
                                     f'{items}</sst>')
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(zipfile.ZipInfo(name, date_time=STAMP), text.encode("utf-8"), zipfile.ZIP_DEFLATED,
                       compresslevel=9)


def application(n, **overrides):
    """One application of the sitra-2021 set, as typed cells."""
    row = {"id": f"OA-2021-{n:03d}", "applicant": f"Hakija {n} ry", "title": f"Hanke {n}", "thesis": "3B",
           "stage": "ongoing", "kind": "development", "programme_started": 42552,  # 2016-07-01
           "programme_ends": None, "requested_eur": 45000, "own_resources_eur": 0, "programme_budget_eur": 30000,
           "resources_committed": True, "actors": "Kehitysyhtiö Virtaama Oy", "problem": "Yhteistyö katkeaa.",
           "evidence": "Palautteet."}
    row.update(overrides)
    return [row[h] for h in HEADER]


def case(name, cmd, sheets, **kwargs):
    folder = os.path.join(CLI, name)
    write_book(os.path.join(folder, "book.xlsx"), sheets, **kwargs)
    with open(os.path.join(folder, "cmd"), "w") as f:
        f.write(cmd + "\n")


VALIDATE = "fundscreen validate $CASE/book.xlsx --criteria criteria/sitra-2021.yaml"


def main():
    # every cell type read as a CSV export of it holds it (checked by the screen's csv output)
    case("xlsx-cell-types",
         "fundscreen screen $CASE/book.xlsx --criteria criteria/sitra-2021.yaml --format csv",
         [Sheet("Hakemukset", [
             [("inline", h) for h in HEADER],
             application(1),
             application(2, requested_eur=95000.5, own_resources_eur=0.30000000000000004,
                         programme_started=("raw", '<c r="REF" t="d"><v>2019-06-01T00:00:00</v></c>'),
                         programme_ends=44165.75, resources_committed=False, title=("inline", "=1+1")),
             application(3, requested_eur=("formula", "SUM(J4:K4)", "60000"), applicant=("inline", "Ålands Ab"),
                         resources_committed=("raw", '<c r="REF" t="str"><f>"yes"</f><v>yes</v></c>')),
         ])])
    case("xlsx-date-1904", VALIDATE + " && fundscreen explain OA-2021-001 $CASE/book.xlsx "
         "--criteria criteria/sitra-2021.yaml | grep -i 'programme_started\\|2016'",
         [Sheet("Sheet1", [HEADER, application(1, programme_started=41090)])], date1904=True)
    case("xlsx-error-cells", VALIDATE,
         [Sheet("Sheet1", [
             HEADER,
             application(1, requested_eur=("error", "#REF!")),
             application(2, own_resources_eur=("formula", "I3*0.1", None)),
             application(3, programme_started=60, programme_budget_eur=1234.567),
             application(4, programme_ends=-3, requested_eur="45 000,00 €"),
         ])])
    case("xlsx-merged-cells", VALIDATE,
         [Sheet("Sheet1", [HEADER, application(1), application(2, applicant=None)], merged=["B2:B3", "D2:D2"])])
    case("xlsx-beyond-header", VALIDATE,
         [Sheet("Sheet1", [HEADER, application(1) + [None, "huom."]])])
    # a message naming a first sighting names its row (and the sheet, from another file)
    case("xlsx-duplicate-id", VALIDATE + " examples/sitra-2021/applications.csv",
         [Sheet("Sheet1", [HEADER, application(1, title="Ensimmäinen"), application(1, title="Toinen")])])
    case("xlsx-sheet-missing", VALIDATE + " --sheet Hakemukset",
         [Sheet("Sheet1", [HEADER, application(1)]), Sheet("Arviot 2021", [["id"]])])
    case("xlsx-sheet-chosen", VALIDATE + " --sheet 'Hakemukset 2021'",
         [Sheet("Ohjeet", [["Täytä hakemukset toiselle välilehdelle."]]),
          Sheet("Hakemukset 2021", [HEADER, application(1, requested_eur="x")], first_row=3)])
    # --sheet names the sheet of every workbook read, the resolutions' too
    case("xlsx-resolutions-sheet",
         "fundscreen screen examples/sitra-2021/applications.csv -c criteria/sitra-2021.yaml "
         "-a examples/sitra-2021/assessments.csv --resolutions $CASE/book.xlsx --sheet Päätökset --format csv "
         "| grep -E '^id|OA-2021-072|OA-2021-014'",
         [Sheet("Ohjeet", [["Päätökset toisella välilehdellä."]]),
          Sheet("Päätökset", [["application", "decision", "amount_eur", "decided_on", "decided_by", "reason"],
                              ["OA-2021-072", "fund", 95000, "2021-04-28", "Anna Virtanen",
                               "Resurssit vahvistettu kirjallisesti, joten C6 täyttyy."],
                              ["OA-2021-014", "reject", None, "2021-04-21", "Anna Virtanen",
                               "Ohjelman alkamista ei osoitettu (C7)."]])])
    case("xlsx-outside-path", VALIDATE,
         [Sheet("Sheet1", [HEADER, application(1)])], targets={1: "../../../etc/passwd"})
    laughs = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
              '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n')
    case("xlsx-entity-expansion", VALIDATE, [Sheet("Sheet1", [HEADER, application(1)])], doctype=laughs)
    # a million rows without a value after the applications: read in bounded time and memory
    empty = "<row/>" * 1_000_000
    case("xlsx-empty-rows", VALIDATE, [Sheet("Sheet1", [HEADER, application(1)], extra_rows=empty)])
    # 40 MB of one repeated byte packs into 40 kB: over the ratio a workbook's part may have
    bomb = (f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{MAIN}"><sheetData>'
            + " " * 40_000_000 + "</sheetData></worksheet>")
    case("xlsx-zip-bomb", VALIDATE, [Sheet("Sheet1", [HEADER])], sheet_parts={1: bomb})
    # a workbook cut short: its zip directory, at the end, is missing
    folder = os.path.join(CLI, "xlsx-damaged")
    write_book(os.path.join(folder, "book.xlsx"), [Sheet("Sheet1", [HEADER, application(1)])])
    with open(os.path.join(folder, "book.xlsx"), "rb") as f:
        data = f.read()
    with open(os.path.join(folder, "book.xlsx"), "wb") as f:
        f.write(data[: len(data) // 2])
    with open(os.path.join(folder, "cmd"), "w") as f:
        f.write(VALIDATE + "\n")


if __name__ == "__main__":
    main()

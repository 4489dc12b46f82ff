#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Writes applications.xlsx from applications.csv as a funder's workbook holds it: dates as
dates, money as numbers (in a euro format), booleans as booleans, the rest as text.

    /usr/bin/python3 examples/sitra-2021/make_xlsx.py

Needs python3-openpyxl (Debian). The output is committed; screening it gives the same
decisions as the CSV (tests/xlsx/check_example.sh). Its timestamps are fixed, so that
running the script again writes the same workbook."""
import csv
import datetime
import os
import zipfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
DATES = {"programme_started", "programme_ends"}
MONEY = {"requested_eur", "own_resources_eur", "programme_budget_eur"}
BOOLEANS = {"resources_committed"}
FIXED = datetime.datetime(2021, 3, 1)


def typed(name, text):
    if text == "":
        return None
    if name in DATES:
        return datetime.datetime.strptime(text, "%Y-%m-%d").date()
    if name in MONEY:
        number = float(text)
        return int(number) if number.is_integer() else number
    if name in BOOLEANS:
        return text == "true"
    return text


def main():
    with open(os.path.join(HERE, "applications.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Hakemukset"
    header = rows[0]
    sheet.append(header)
    for row in rows[1:]:
        sheet.append([typed(name, text) for name, text in zip(header, row)])
    for column, name in enumerate(header, start=1):
        for cell in sheet.iter_cols(min_col=column, max_col=column, min_row=2):
            for c in cell:
                if name in DATES:
                    c.number_format = "yyyy-mm-dd"
                elif name in MONEY:
                    c.number_format = '#,##0.00 "€"'
    book.properties.created = FIXED
    book.properties.modified = FIXED
    out = os.path.join(HERE, "applications.xlsx")
    book.save(out)
    # openpyxl stamps the zip entries with the time of saving: fixed here, for a stable file
    with zipfile.ZipFile(out) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            z.writestr(zipfile.ZipInfo(name, date_time=FIXED.timetuple()[:6]), data, zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    main()

"""The independent side of Kerwen's Excel tests: openpyxl writes the workbooks Kerwen reads, and
reads the workbooks Kerwen writes.

  xlsx_tool.py make OUT.xlsx EXPECTED.json   a workbook with a title row, a merged two-row header,
                                             shared strings, dates, an empty cell, a `..` marker,
                                             a second sheet; EXPECTED.json says what Kerwen must read
  xlsx_tool.py read FILE.xlsx OUT.json       every sheet: its cells (value and openpyxl's data type),
                                             whether row 1 is bold, the frozen panes
"""
import datetime
import json
import sys

import openpyxl


def make(path, expected_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Departures"
    ws["A1"] = "Departures by region, 2023"
    ws["A3"], ws["B3"], ws["D3"], ws["E3"] = "Region", "Population", "Date", "Share"
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:C3")
    ws.merge_cells("D3:D4")
    ws.merge_cells("E3:E4")
    ws["B4"], ws["C4"] = "Men", "Women"
    rows = [("Ташкент", 1250, 830, datetime.date(2023, 1, 15), 0.125),
            ("Самарқанд", 2100, None, datetime.date(2023, 3, 31), 0.5),
            ("Nukus", 15, 12, datetime.datetime(2023, 6, 1, 12, 30), "..")]
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            if v is not None:
                ws.cell(row=5 + i, column=1 + j, value=v)
    ws2 = wb.create_sheet("Second")
    for r in [("code", "value", "flag"), ("KG", 1.5, True), ("UZ", None, False), ("TJ", 3, True)]:
        ws2.append(list(r))
    wb.save(path)
    expected = {
        "departures": {
            "names": ["Region", "Population Men", "Population Women", "Date", "Share"],
            "rows": [["Ташкент", 1250, 830, "2023-01-15", 0.125],
                     ["Самарқанд", 2100, None, "2023-03-31", 0.5],
                     ["Nukus", 15, 12, "2023-06-01 12:30:00", None]],
        },
        "second": {"names": ["code", "value", "flag"], "rows": [["KG", 1.5, True], ["UZ", None, False], ["TJ", 3.0, True]]},
    }
    with open(expected_path, "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False)


def read(path, out_path):
    wb = openpyxl.load_workbook(path)
    out = {"sheets": []}
    for ws in wb.worksheets:
        cells = [[[c.value, c.data_type] for c in row] for row in ws.iter_rows()]
        out["sheets"].append({
            "name": ws.title,
            "cells": cells,
            "header_bold": all(c.font.b for c in ws[1] if c.value is not None),
            "freeze": ws.freeze_panes,
        })
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, default=str)


if __name__ == "__main__":
    {"make": make, "read": read}[sys.argv[1]](sys.argv[2], sys.argv[3])

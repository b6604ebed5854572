#!/usr/bin/python3
"""Writes the reader fixtures of other Python writers (see make.sh).

  fill.py openpyxl BLANK.xlsx VALUES.json OUT.xlsx
      our blank template, filled cell by cell through its defined names with openpyxl (which saves
      every formula without its result: <f>..</f><v></v>), as scripts that fill templates do.
  fill.py xlsxwriter FILLED.xlsx VALUES.json OUT.xlsx
      a hand-made table written by XlsxWriter: the text, merges and numbers of the filled template's
      sheets at the same places, every total typed as a number, no defined names.
"""
import json
import sys

import openpyxl


def destinations(wb, name):
    dn = wb.defined_names.get(name) if hasattr(wb.defined_names, "get") else wb.defined_names[name]
    return list(dn.destinations)


def openpyxl_fill(blank, values, out):
    wb = openpyxl.load_workbook(blank)
    for key, value in values.items():
        for sheet, ref in destinations(wb, key):
            cell = wb[sheet][ref.replace("$", "")]
            if cell.data_type != "f":
                cell.value = value
    wb.save(out)


def xlsxwriter_hand(filled, values, out):
    import xlsxwriter

    src = openpyxl.load_workbook(filled)
    at = {}
    for key, value in values.items():
        for sheet, ref in destinations(src, key):
            at[(sheet, ref.replace("$", ""))] = value
    book = xlsxwriter.Workbook(out)
    for ws in src.worksheets:
        if ws.title == "填报说明":
            continue
        dst = book.add_worksheet(ws.title)
        merged = {str(r).split(":")[0] for r in ws.merged_cells.ranges}
        for rng in ws.merged_cells.ranges:
            first = ws.cell(rng.min_row, rng.min_col).value
            if rng.min_row != rng.max_row or rng.min_col != rng.max_col:
                dst.merge_range(rng.min_row - 1, rng.min_col - 1, rng.max_row - 1, rng.max_col - 1,
                                first if isinstance(first, str) and not first.startswith("=") else "")
        for row in ws.iter_rows():
            for cell in row:
                if (ws.title, cell.coordinate) in at:
                    dst.write_number(cell.row - 1, cell.column - 1, at[(ws.title, cell.coordinate)])
                elif cell.coordinate in merged:
                    continue
                elif isinstance(cell.value, str) and not cell.value.startswith("="):
                    dst.write_string(cell.row - 1, cell.column - 1, cell.value)
                elif isinstance(cell.value, (int, float)):
                    dst.write_number(cell.row - 1, cell.column - 1, cell.value)
    book.close()


if __name__ == "__main__":
    mode, source, values_file, out = sys.argv[1:5]
    with open(values_file, encoding="utf-8") as f:
        values = json.load(f)["values"]
    {"openpyxl": openpyxl_fill, "xlsxwriter": xlsxwriter_hand}[mode](source, values, out)

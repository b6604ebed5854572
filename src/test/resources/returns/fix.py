"""A clerk fixes an annotated copy in a program of its own (openpyxl): the cell its key names gets a
new value, and the workbook is saved under another name. Usage: fix.py COPY KEY VALUE OUT"""
import sys

import openpyxl

copy, key, value, out = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
wb = openpyxl.load_workbook(copy)
name = wb.defined_names[key]
for sheet, ref in name.destinations:
    wb[sheet][ref.replace("$", "")] = int(value)
wb.save(out)

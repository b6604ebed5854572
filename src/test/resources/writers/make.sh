#!/usr/bin/env bash
# Makes the workbooks of other writers that WritersTest reads: the figures of seed 000 (a real
# report, src/test/resources/seeds/000.json) in our template filled by each writer, and in a
# hand-made table. Rerun after a template change; commit the outputs (they are small).
# Needs: Java + Maven (./xxgk), python3-openpyxl, python3-xlsxwriter, gnumeric (ssconvert),
# libreoffice-calc, node + npm (installs xlsx and exceljs into a temporary folder).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
top="$(cd "$here/../../../.." && pwd)"
values="$top/src/test/resources/seeds/000.json"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$top/xxgk" template -o "$tmp/blank.xlsx" --agency 福州市长乐区人民政府办公室 --year 2023 2>/dev/null
/usr/bin/python3 "$here/fill.py" openpyxl "$tmp/blank.xlsx" "$values" "$here/openpyxl-template.xlsx"

# LibreOffice opens the openpyxl file (formulas without results), recalculates and saves.
lo() { soffice -env:UserInstallation="file://$tmp/lo" --headless --norestore --convert-to "$1" --outdir "$tmp/lo-$2" "$3" >/dev/null 2>&1; }
lo xlsx x "$here/openpyxl-template.xlsx"; cp "$tmp/lo-x/openpyxl-template.xlsx" "$here/libreoffice-template.xlsx"
lo xls s "$here/openpyxl-template.xlsx"; cp "$tmp/lo-s/openpyxl-template.xls" "$here/libreoffice-template.xls"
lo ods o "$here/openpyxl-template.xlsx"; cp "$tmp/lo-o/openpyxl-template.ods" "$here/libreoffice-template.ods"
lo 'xlsm:Calc MS Excel 2007 VBA XML' m "$here/libreoffice-template.xlsx"; cp "$tmp/lo-m/libreoffice-template.xlsm" "$here/libreoffice-template.xlsm"

# A hand-made table by XlsxWriter (numbers where the template has them, no names), and it in other formats.
/usr/bin/python3 "$here/fill.py" xlsxwriter "$here/libreoffice-template.xlsx" "$values" "$here/xlsxwriter-hand.xlsx"
lo ods h "$here/xlsxwriter-hand.xlsx"; cp "$tmp/lo-h/xlsxwriter-hand.ods" "$here/libreoffice-hand.ods"

ssconvert "$here/libreoffice-template.xlsx" "$here/gnumeric-template.xlsx" 2>/dev/null
ssconvert "$here/libreoffice-template.xlsx" "$here/gnumeric-template.xls" 2>/dev/null
ssconvert "$here/xlsxwriter-hand.xlsx" "$here/gnumeric-hand.xls" 2>/dev/null

(cd "$tmp" && npm init -y >/dev/null && npm install --silent xlsx@0.18.5 exceljs@4.4.0 >/dev/null)
NODE_PATH="$tmp/node_modules" node "$here/resave.js" sheetjs "$here/libreoffice-template.xlsx" "$here/sheetjs-template.xlsx"
NODE_PATH="$tmp/node_modules" node "$here/resave.js" exceljs "$here/libreoffice-template.xlsx" "$here/exceljs-template.xlsx"
NODE_PATH="$tmp/node_modules" node "$here/resave.js" sheetjs "$here/xlsxwriter-hand.xlsx" "$here/sheetjs-hand.xlsx"
ls -l "$here"

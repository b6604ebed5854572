#!/usr/bin/env bash
# Makes the CSV fixtures CsvInputsTest reads: the statistical tables of examples/2023/上杭县人民政府办公室.xlsx
# saved as CSV by LibreOffice (UTF-8, one file per sheet; the 统计表 sheet is kept), as a clerk's "另存为 CSV"
# does. Rerun after a template change; commit the output (it is small).
# Needs: LibreOffice (Debian: apt-get install libreoffice-calc-nogui).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
top="$(cd "$here/../../../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp "$top/examples/2023/上杭县人民政府办公室.xlsx" "$tmp/上杭县.xlsx"
# Filter options: comma, double quote, UTF-8 (76), from line 1, …, export every sheet (-1), one file each.
(cd "$tmp" && soffice --headless -env:UserInstallation=file://"$tmp"/profile \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' 上杭县.xlsx > /dev/null)
cp "$tmp/上杭县-统计表.csv" "$here/上杭县-统计表-LibreOffice.csv"

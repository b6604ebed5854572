#!/usr/bin/env bash
# Renders what a clerk or a coordinator prints: the blank template, an annotated copy and the summary
# of the examples, through LibreOffice to PDF and then to PNG pages, to be looked at page by page.
# Usage: tools/render.sh [OUT=render-out]   Needs: LibreOffice (soffice), poppler-utils (pdftoppm).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-render-out}"
rm -rf "$out"
mkdir -p "$out/pdf" "$out/png"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

./xxgk template -o "$work/模板.xlsx" --agency 福州市长乐区人民政府办公室 --year 2024 2>/dev/null
./xxgk template -o "$work/新年度模板.xlsx" --previous examples/2022/泉州市鲤城区人民政府.xlsx 2>/dev/null
./xxgk check examples/2023/福州市长乐区财政局.xlsx --annotate "$work" > /dev/null 2>&1 || true
./xxgk merge examples/2023 --roster examples/roster.csv --previous examples/2022 -o "$work/汇总.xlsx" > /dev/null 2>&1 || true

for f in "$work"/*.xlsx; do
  soffice -env:UserInstallation="file://$work/profile" --headless --norestore --convert-to pdf \
    --outdir "$out/pdf" "$f" > /dev/null 2>&1
done
for p in "$out"/pdf/*.pdf; do
  name="$(basename "$p" .pdf)"
  pdftoppm -r 70 -png "$p" "$out/png/$name"
  echo "$name: $(pdfinfo "$p" | sed -n 's/^Pages: *//p') pages"
done
echo "PNG pages in $out/png"

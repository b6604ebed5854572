#!/usr/bin/env bash
# What the hostile reproducers of src/test/resources/hostile cost through the launcher, each against
# checking one good workbook in the same run (the ratio is what to compare between machines).
# Makes the reproducers that are scripts (R05's grids with text and forms, R06's spans, R09's parts)
# in a temporary folder; needs python3. Usage: bench/hostile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C.UTF-8
h=src/test/resources/hostile
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
good="examples/2023/上杭县人民政府办公室.xlsx"

python3 "$h/R06_html_span_memory/make.py" "$tmp/H32_html_spans.html"
python3 "$h/R09_zip_many_1MiB_entries/make.py" examples/手工表/长乐区政府办-手工表.xlsx "$tmp/H23_many_parts.xlsx" 6000
python3 "$h/R05_grid_pdf_slow_and_pool_starvation/mkpdf.py" xgrid "$tmp/H05_form_on_20_pages.pdf" 2000 20
./xxgk --version > /dev/null 2>&1   # builds the jar and its class-data archive if needed (not timed)

ms() { local s e; s=$(date +%s%N); "$@" > /dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
base=$(ms ./xxgk check "$good")
printf '%-40s %8s %8s\n' file ms "× good"
printf '%-40s %8d %8s\n' "(good workbook)" "$base" 1.0
for f in "$h"/R05*/*.pdf "$h"/R01*/*.docx "$h"/R12*/*.html "$tmp"/*; do
  t=$(ms ./xxgk check "$f")
  printf '%-40s %8d %8s\n' "$(basename "$f")" "$t" "$(echo "scale=1; $t / $base" | bc)"
done
# A merge of the three pathological PDFs and the good workbook: the good one is merged.
mkdir "$tmp/merge"
cp "$h"/R05*/H04_grid2000x3.pdf "$tmp/merge/a.pdf"; cp "$h"/R05*/H03_grid2000.pdf "$tmp/merge/b.pdf"
cp "$h"/R05*/H02_grid1000.pdf "$tmp/merge/c.pdf"; cp "$good" "$tmp/merge/"
t=$(ms ./xxgk merge "$tmp/merge" -o "$tmp/汇总.xlsx")
printf '%-40s %8d %8s\n' "merge: 3 grid PDFs + the good workbook" "$t" "$(echo "scale=1; $t / $base" | bc)"
./xxgk merge "$tmp/merge" -o "$tmp/汇总2.xlsx" 2>&1 | tail -2

#!/usr/bin/env bash
# Fixtures of real published PDFs (kept as published, not made here) and the text other tools get
# out of them. Needs poppler-utils (pdftotext). The .json files are transcribed by hand from the
# rendered pages (pdftoppm -r 70 -png FILE.pdf page), not from any reader's output.
set -euo pipefail
cd "$(dirname "$0")"
for pdf in *.pdf; do
  pdftotext -layout "$pdf" "${pdf%.pdf}.layout.txt"    # one table row per line, columns by spaces
done

#!/usr/bin/env bash
# Makes the returns that ReturnedCopiesTest reads: the annotated copy of examples/2023/福州市长乐区财政局.xlsx
# (its one error: 四、结转下年度继续办理 of 自然人 is 2, 一+二 = 7 against （七）+四 = 9) fixed by openpyxl,
# which saves without the formulas' results and, in the version Debian ships, without the custom
# properties. Rerun after a template change; commit the output (it is small).
# Needs: Java + Maven (./xxgk), python3-openpyxl (Debian: apt-get install python3-openpyxl).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
top="$(cd "$here/../../../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$top/xxgk" check "$top/examples/2023/福州市长乐区财政局.xlsx" --annotate "$tmp" > /dev/null || true
/usr/bin/python3 "$here/fix.py" "$tmp/福州市长乐区财政局-问题标注.xlsx" requests.carried_out.natural 0 \
  "$here/福州市长乐区财政局-问题标注-openpyxl改正.xlsx"

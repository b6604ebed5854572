#!/usr/bin/env bash
# Benchmark of `xxgk template --roster` (one personalised template per agency), in one run:
#   1. N agencies, the way xxgk does it: the template built once, each copy filling in its identity cells
#   2. the baseline: N/10 agencies with every workbook built by the writer (-Dxxgk.templateCopies=false)
# and prints both wall times, the time per workbook of each and their ratio. Target: 10,000 in <= 30 s.
# Usage: bench/templates.sh [N=10000]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
base=$(( n / 10 ))
out="bench/out/templates"
rm -rf "$out"
mkdir -p "$out"
export LC_ALL=C.UTF-8

roster() {
  { echo "单位名称,统一社会信用代码,行政区划代码,上级单位"
    for ((i = 0; i < $1; i++)); do echo "测试市第${i}局,,350112,测试市"; done; } > "$2"
}
roster "$n" "$out/roster-$n.csv"
roster "$base" "$out/roster-$base.csv"
./xxgk --version >/dev/null   # builds the jar and its class-data archive first

now() { date +%s.%N; }
t0=$(now)
./xxgk template --roster "$out/roster-$n.csv" --out-dir "$out/copies" --year 2024 >/dev/null 2>&1
t1=$(now)
XXGK_JAVA_OPTS="-Dxxgk.templateCopies=false" ./xxgk template --roster "$out/roster-$base.csv" --out-dir "$out/written" --year 2024 >/dev/null 2>&1
t2=$(now)
test "$(ls "$out/copies" | wc -l)" -eq "$n"
python3 - "$n" "$base" "$t0" "$t1" "$t2" <<'PY'
import sys
n, base, t0, t1, t2 = int(sys.argv[1]), int(sys.argv[2]), *map(float, sys.argv[3:])
copies, written = t1 - t0, t2 - t1
print(f"template --roster, {n} agencies (copies):   {copies:7.1f} s  ({1000 * copies / n:.2f} ms each)")
print(f"baseline, {base} agencies (writer each):   {written:7.1f} s  ({1000 * written / base:.2f} ms each)")
print(f"per workbook the copies take 1/{(written / base) / (copies / n):.1f} of the writer's time")
PY

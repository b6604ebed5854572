#!/usr/bin/env bash
# Benchmark of checking one workbook, as a clerk (or the web page) does: whole processes through the
# launcher, against the JVM's own start-up (java -version) in the same run.
# Usage: bench/check-one.sh [RUNS=21]
# Prints the median wall time of each, their ratio, and one run's phases (XXGK_TIMING).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-21}"
sample="examples/2023/上杭县人民政府办公室.xlsx"
export LC_ALL=C.UTF-8

./xxgk --version > /dev/null 2>&1   # builds the jar and its class-data archive if needed (not timed)
./xxgk check "$sample" > /dev/null 2>&1 || true

ms() { local s e; s=$(date +%s%N); "$@" > /dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

jvm=(); check=()
for ((i = 0; i < runs; i++)); do   # interleaved, so both see the same machine
  jvm+=("$(ms java -XX:+UseSerialGC -version)")
  check+=("$(ms ./xxgk check "$sample")")
done
j=$(printf '%s\n' "${jvm[@]}" | median)
c=$(printf '%s\n' "${check[@]}" | median)
printf 'runs: %s (medians; %s cores)\njava -version:     %d ms\nxxgk check (one):  %d ms\nratio:             %s\n' \
  "$runs" "$(nproc)" "$j" "$c" "$(echo "scale=1; $c / $j" | bc)"
echo "phases of one run (XXGK_TIMING):"
XXGK_TIMING=1 ./xxgk check "$sample" 2>&1 > /dev/null | sed 's/^/  /'

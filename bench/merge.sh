#!/usr/bin/env bash
# Benchmark of `xxgk merge` against a straightforward POI-usermodel merge of the same files, in one run.
# Usage: bench/merge.sh [N=10000]
# Generates N filled workbooks once (bench/out/inputs-N, with the project's template writer), then times:
#   1. xxgk merge (through the launcher, -Xmx512m, checks every input and writes the full summary workbook)
#   2. the baseline: one POI object model per file, the 200 named cells summed, sums and rows written
# and prints both wall times and their ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
out="bench/out"
inputs="$out/inputs-$n"
mkdir -p "$out"
export LC_ALL=C.UTF-8

mvn -q -B -Dstyle.color=never -DskipTests package test-compile >&2
mvn -q -B -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" -Dmdep.includeScope=test >&2
cp="target/classes:target/test-classes:$(cat "$out/cp.txt")"

if [ ! -f "$inputs/.done" ]; then
  rm -rf "$inputs"
  echo "generating $n workbooks in $inputs (once) ..." >&2
  java -cp "$cp" io.xxgk.bench.GenerateInputs "$n" "$inputs" 1
  touch "$inputs/.done"
fi

now() { date +%s.%N; }
jvm="-XX:+UseSerialGC -Xmx512m"

# Warm the page cache so both runs read the files from memory.
cat "$inputs"/*.xlsx > /dev/null

# xxgk runs as users run it: through the launcher (which adds class data sharing), with the same heap.
XXGK_JAVA_OPTS="-Xmx512m" ./xxgk --version > /dev/null
t0=$(now)
XXGK_JAVA_OPTS="-Xmx512m" ./xxgk merge "$inputs" -o "$out/summary.xlsx" --force
t1=$(now)
java $jvm -cp "$cp" io.xxgk.bench.PoiUsermodelMerge "$inputs" "$out/baseline.xlsx"
t2=$(now)

xxgk=$(echo "$t1 - $t0" | bc)
base=$(echo "$t2 - $t1" | bc)
ratio=$(echo "scale=1; $base / $xxgk" | bc)
printf 'files: %s\nxxgk merge:          %.2f s (-Xmx512m, 2 cores)\nPOI usermodel merge: %.2f s\nspeed-up:            %sx\n' \
  "$n" "$xxgk" "$base" "$ratio"

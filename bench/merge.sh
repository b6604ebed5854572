#!/usr/bin/env bash
# Benchmark of `xxgk merge` against its floor and against a straightforward POI-usermodel merge of the
# same files, in one run.
# Usage: bench/merge.sh [N=10000]     (NO_BASELINE=1 skips the slow POI baseline)
# Generates N filled workbooks once (bench/out/inputs-N: personalised templates of the project's
# writer, each agency's own name, filled with valid numbers, ~17 KB as agencies return them), then times:
#   1. xxgk merge (through the launcher, -Xmx512m, checks every input and writes the full summary
#      workbook), with its peak resident memory
#   2. the floor: only opening each file and inflating the parts a merge reads (InflateFloor), with
#      java.util.zip on as many threads as the merge uses, in a JVM of the same options
#   3. the baseline: one POI object model per file, the 200 named cells summed, sums and rows written
# and prints the wall times, merge/floor and baseline/merge.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
out="bench/out"
inputs="$out/inputs-$n"
mkdir -p "$out"
export LC_ALL=C.UTF-8

. bench/lib.sh
bench_build "$out"
bench_inputs "$inputs" "$n" 1

now() { date +%s.%N; }
jvm="-XX:+UseSerialGC -Xmx512m"

# Warm the page cache so both runs read the files from memory.
cat "$inputs"/*.xlsx > /dev/null

# xxgk runs as users run it: through the launcher (which adds class data sharing), with the same heap.
XXGK_JAVA_OPTS="-Xmx512m" ./xxgk --version > /dev/null
rss="$out/merge.rss"
timed=()
[ -x /usr/bin/time ] && timed=(/usr/bin/time -f %M -o "$rss")
# This machine's speed drifts from minute to minute: merge and floor alternate, REPS times, medians compared.
reps="${REPS:-3}"
merges=(); floors=()
for ((i = 0; i < reps; i++)); do
  t0=$(now)
  XXGK_JAVA_OPTS="-Xmx512m" "${timed[@]}" ./xxgk merge "$inputs" -o "$out/summary.xlsx" --force 2> /dev/null
  t1=$(now)
  java $jvm -XX:TieredStopAtLevel=1 -cp "$cp" io.xxgk.bench.InflateFloor "$inputs" 2> /dev/null
  t2=$(now)
  merges+=("$(echo "$t1 - $t0" | bc)"); floors+=("$(echo "$t2 - $t1" | bc)")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
xxgk=$(median "${merges[@]}")
floor=$(median "${floors[@]}")
printf 'files: %s (%s cores, medians of %s runs each)\nxxgk merge:          %.2f s (-Xmx512m)%s\ninflate floor:       %.2f s\nmerge / floor:       %s\n' \
  "$n" "$(nproc)" "$reps" "$xxgk" "$([ -s "$rss" ] && echo ", peak RSS $(( $(cat "$rss") / 1024 )) MB")" "$floor" \
  "$(echo "scale=2; $xxgk / $floor" | bc)"
if [ -z "${NO_BASELINE:-}" ]; then
  t3=$(now)
  java $jvm -cp "$cp" io.xxgk.bench.PoiUsermodelMerge "$inputs" "$out/baseline.xlsx"
  t4=$(now)
  base=$(echo "$t4 - $t3" | bc)
  printf 'POI usermodel merge: %.2f s\nspeed-up:            %sx\n' "$base" "$(echo "scale=1; $base / $xxgk" | bc)"
fi

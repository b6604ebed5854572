#!/usr/bin/env bash
# What the analysis (issue 26: 分析, 各单位指标, the JSON's analysis) adds to a merge's time: the same merge
# of N agencies, alone and with last year's N reports (the year-on-year figures of every agency made too),
# with the analysis and with --no-analysis, in one run of the same jar through the launcher.
# Usage: bench/analysis.sh [N=10000]      (REPS=11 pairs by default)
# The inputs are bench/merge.sh's (bench/out/inputs-N, made once) and last year's made the same way
# (bench/out/previous-N: the same agencies, other numbers, 2023). The two runs of a pair alternate
# in order (this machine's speed drifts); prints the medians and the median of the pairs' ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
reps="${REPS:-11}"
out="bench/out"
inputs="$out/inputs-$n"
previous="$out/previous-$n"
mkdir -p "$out"
export LC_ALL=C.UTF-8

. bench/lib.sh
bench_build "$out"
bench_inputs "$inputs" "$n" 1
bench_inputs "$previous" "$n" 2 2023
cat "$inputs"/*.xlsx "$previous"/*.xlsx > /dev/null   # from memory, both runs alike

XXGK_JAVA_OPTS="-Xmx512m" ./xxgk --version > /dev/null   # the class-data archive, made once (not timed)
now() { date +%s.%N; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
# Pairs of the same merge with and without the analysis; $@: the merge's options besides.
pairs() {
  local with=() without=() ratios=() a b i
  run() {
    local t0 t1
    t0=$(now)
    XXGK_JAVA_OPTS="-Xmx512m" ./xxgk merge "$inputs" -o "$out/analysis-summary.xlsx" --force "$@" \
      > /dev/null 2>&1 || [ $? -eq 1 ]   # exit 1: last year's numbers do not carry over (Y-CARRY), as generated
    t1=$(now)
    echo "$t1 - $t0" | bc
  }
  for ((i = 0; i < reps; i++)); do
    if (( i % 2 == 0 )); then a=$(run "$@"); b=$(run "$@" --no-analysis); else b=$(run "$@" --no-analysis); a=$(run "$@"); fi
    with+=("$a"); without+=("$b"); ratios+=("$(echo "scale=4; $a / $b" | bc)")
    echo "  pair $((i + 1)): with $a s, without $b s" >&2
  done
  local w wo r
  w=$(median "${with[@]}"); wo=$(median "${without[@]}"); r=$(median "${ratios[@]}")
  printf '  merge --no-analysis:   %.2f s (median)\n  merge (analysis):      %.2f s (median)\n  added by the analysis: %.1f%% (median of the pairs), %.1f%% (of the medians)\n' \
    "$wo" "$w" "$(echo "($r - 1) * 100" | bc -l)" "$(echo "($w / $wo - 1) * 100" | bc -l)"
}
echo "$n agencies ($(nproc) cores, $reps pairs each):"
echo "this year only:"
pairs
echo "with last year's $n reports (--previous: year on year agency by agency):"
pairs --previous "$previous"

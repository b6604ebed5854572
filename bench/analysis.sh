#!/usr/bin/env bash
# What the analysis (issue 26: 分析, 各单位指标, the JSON's analysis) adds to a merge's time: the same merge
# of N agencies, alone and with last year's N reports (the year-on-year figures of every agency made too),
# with the analysis and with --no-analysis, in one run of the same jar through the launcher.
# Usage: bench/analysis.sh [N=10000]      (REPS=11 pairs by default)
# The inputs are bench/merge.sh's (bench/out/inputs-N, made once) and last year's made the same way
# (bench/out/previous-N: the same agencies, other numbers, 2023). The two runs of a pair alternate
# in order (this machine's speed drifts); prints the median wall times and the medians of the pairs' ratios of wall
# time and of CPU time.
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
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
pct() { echo "($1 - 1) * 100" | bc -l; }
# Pairs of the same merge with and without the analysis; $@: the merge's options besides. Each run's wall
# time and its CPU time (user + system, all threads: the work done, less swayed by this machine's drift).
pairs() {
  local wall=() cpu=() wallRatios=() cpuRatios=() a b i
  run() {
    XXGK_JAVA_OPTS="-Xmx512m" /usr/bin/time -f "%e %U %S" -o "$out/analysis.time" ./xxgk merge "$inputs" \
      -o "$out/analysis-summary.xlsx" --force "$@" > /dev/null 2>&1 || [ $? -eq 1 ]   # 1: Y-CARRY, as generated
    tail -n 1 "$out/analysis.time" | awk '{printf "%s %.2f", $1, $2 + $3}'   # (a first line says a non-zero exit)
  }
  for ((i = 0; i < reps; i++)); do
    if (( i % 2 == 0 )); then a=$(run "$@"); b=$(run "$@" --no-analysis); else b=$(run "$@" --no-analysis); a=$(run "$@"); fi
    read -r aw ac <<< "$a"; read -r bw bc_ <<< "$b"
    wall+=("$aw $bw"); wallRatios+=("$(echo "scale=4; $aw / $bw" | bc)"); cpuRatios+=("$(echo "scale=4; $ac / $bc_" | bc)")
    echo "  pair $((i + 1)): with $aw s (CPU $ac s), without $bw s (CPU $bc_ s)" >&2
  done
  local ws=() wos=()
  for x in "${wall[@]}"; do ws+=("${x% *}"); wos+=("${x#* }"); done
  printf '  merge --no-analysis:   %.2f s (median wall)\n  merge (analysis):      %.2f s (median wall)\n' "$(median "${wos[@]}")" "$(median "${ws[@]}")"
  printf '  added by the analysis: %.1f%% wall, %.1f%% CPU (medians of the pairs'"'"' ratios)\n' \
    "$(pct "$(median "${wallRatios[@]}")")" "$(pct "$(median "${cpuRatios[@]}")")"
}
echo "$n agencies ($(nproc) cores, $reps pairs each):"
echo "this year only:"
pairs
echo "with last year's $n reports (--previous: year on year agency by agency):"
pairs --previous "$previous"

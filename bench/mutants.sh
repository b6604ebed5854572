#!/usr/bin/env bash
# The mutation campaign of MutationCampaignTest with many more mutants than a CI run uses (240):
# no crash, no hang, no damaged input read as other numbers, every input accounted for, none modified.
# Usage: bench/mutants.sh [N=3000]   (about 60 ms a mutant on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Dstyle.color=never test -Dtest=MutationCampaignTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dxxgk.mutants="${1:-3000}"
echo "mutation campaign: ${1:-3000} mutants, all held"

# Shared by the benchmarks (sourced): the build, the classpath of the generator, the generated inputs.
# bench_build OUT: builds the jar and the test classes; sets cp (classes, test classes, dependencies).
bench_build() {
  mvn -q -B -Dstyle.color=never -DskipTests package test-compile >&2
  mvn -q -B -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile="$1/cp.txt" -Dmdep.includeScope=test >&2
  cp="target/classes:target/test-classes:$(cat "$1/cp.txt")"
}
# bench_inputs DIR N SEED [YEAR]: N filled workbooks in DIR (GenerateInputs), made once and kept.
bench_inputs() {
  if [ ! -f "$1/.done" ]; then
    rm -rf "$1"
    echo "generating $2 workbooks in $1 (once) ..." >&2
    java -cp "$cp" io.xxgk.bench.GenerateInputs "$2" "$1" "$3" "${4:-2024}"
    touch "$1/.done"
  fi
}

#!/usr/bin/env bash
# Runs Corroborate on this machine with Spark in local mode; builds the jar first when it is
# missing or older than the sources. Every option is passed to the job: see jobs/run-local.sh --help.
#
# Environment: SPARK_MASTER (default local[*]), CORROBORATE_HEAP (driver heap, default 4g),
# CORROBORATE_JVM_OPTIONS (garbage collector and JIT, default below), JAVA_HOME (Java 17 or newer),
# MAVEN_ARGS (extra arguments for the build).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/corroborate.jar"
classpath_file="$root/target/spark-classpath.txt"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [[ ! -f "$jar" || ! -f "$classpath_file" || -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]]; then
  echo "corroborate: building $jar (first run or changed sources) ..." >&2
  mvn -q -f "$root/pom.xml" -DskipTests ${MAVEN_ARGS:-} package >&2
fi

classpath="$jar:$(cat "$classpath_file")"
options_file="$root/target/jvm-options.txt"
if [[ ! -s "$options_file" || "$options_file" -ot "$jar" ]]; then
  "$java" -cp "$classpath" org.corroborate.JvmOptions > "$options_file"
fi
read -r -a module_options < "$options_file"
# The parallel collector, and the JIT compiling a method after 4x the usual calls: on a laptop
# the compiler threads share the cores with the job (README, Speed). A collector chosen in
# JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS wins: the JVM refuses to start with two.
jvm_defaults="-XX:+UseParallelGC -XX:CompileThresholdScaling=4"
collector='-XX:\+Use[A-Za-z0-9]+GC'
[[ "${JAVA_TOOL_OPTIONS:-} ${JDK_JAVA_OPTIONS:-}" =~ $collector ]] && jvm_defaults="-XX:CompileThresholdScaling=4"
read -r -a jvm_options <<< "${CORROBORATE_JVM_OPTIONS-$jvm_defaults}"

args=("$@")
has_input=false
for a in "${args[@]}"; do
  [[ "$a" == --input || "$a" == --input=* ]] && has_input=true
done
# Without --input the job reads the project's sample articles, wherever it is started from.
if ! $has_input && [[ ! -d seeds ]]; then
  args=(--input "$root/seeds" "${args[@]}")
fi

exec "$java" "${module_options[@]}" ${jvm_options[@]+"${jvm_options[@]}"} -Xmx"${CORROBORATE_HEAP:-4g}" \
  -Dspark.master="${SPARK_MASTER:-local[*]}" \
  -Dspark.ui.showConsoleProgress=false \
  -cp "$classpath" org.corroborate.Corroborate "${args[@]}"

#!/usr/bin/env bash
# Runs Corroborate on this machine with Spark in local mode; builds the jar first when it is
# missing or older than the sources. Every option is passed to the job: see jobs/run-local.sh --help.
#
# Environment: SPARK_MASTER (default local[*]), CORROBORATE_HEAP (driver heap, default 4g),
# JAVA_HOME (Java 17 or newer), MAVEN_ARGS (extra arguments for the build).
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

args=("$@")
has_input=false
for a in "${args[@]}"; do
  [[ "$a" == --input || "$a" == --input=* ]] && has_input=true
done
# Without --input the job reads the project's sample articles, wherever it is started from.
if ! $has_input && [[ ! -d seeds ]]; then
  args=(--input "$root/seeds" "${args[@]}")
fi

exec "$java" "${module_options[@]}" -Xmx"${CORROBORATE_HEAP:-4g}" \
  -Dspark.master="${SPARK_MASTER:-local[*]}" \
  -Dspark.ui.showConsoleProgress=false \
  -cp "$classpath" org.corroborate.Corroborate "${args[@]}"

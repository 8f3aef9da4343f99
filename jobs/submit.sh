#!/usr/bin/env bash
# Submits Corroborate to any Spark cluster with spark-submit.
#
#   jobs/submit.sh [spark-submit options] -- [corroborate options]
#
# e.g. jobs/submit.sh --master spark://host:7077 -- --input hdfs:///news --output hdfs:///out
# spark-submit comes from $SPARK_HOME/bin, else from the PATH. The application jar is built when
# missing: Spark is provided by the cluster; our own dependencies are inside, relocated where Spark
# ships another version.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${CORROBORATE_JAR:-$root/target/corroborate.jar}"

if [[ -n "${SPARK_HOME:-}" ]]; then
  submit="$SPARK_HOME/bin/spark-submit"
elif command -v spark-submit >/dev/null 2>&1; then
  submit="$(command -v spark-submit)"
else
  echo "submit.sh: spark-submit not found; set SPARK_HOME to a Spark 4.1 installation or put spark-submit on the PATH" >&2
  exit 2
fi

spark_args=()
while [[ $# -gt 0 && "$1" != "--" ]]; do
  spark_args+=("$1")
  shift
done
[[ "${1:-}" == "--" ]] && shift

# CORROBORATE_JAR may also name a jar the cluster fetches itself (hdfs://, s3a://, https://, or
# local:// for a jar already inside the cluster's image); only a local path is built when missing.
if [[ "$jar" != *://* && ! -f "$jar" ]]; then
  echo "submit.sh: building $jar ..." >&2
  mvn -q -f "$root/pom.xml" -DskipTests package >&2
fi

exec "$submit" --class org.corroborate.Corroborate --name corroborate "${spark_args[@]}" "$jar" "$@"

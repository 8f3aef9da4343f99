#!/usr/bin/env bash
# Runs Corroborate on this machine with Spark in local mode; builds the jar first when it is
# missing or older than the sources. Every option is passed to the job: see jobs/run-local.sh --help.
#
# Environment: SPARK_MASTER (default local[*]), CORROBORATE_HEAP (driver heap, default 4g),
# CORROBORATE_JVM_OPTIONS (garbage collector and JIT, default below), JAVA_HOME (Java 17 or newer),
# MAVEN_ARGS (extra arguments for the build), CORROBORATE_CDS (0: no class archive, see below).
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

# Class data sharing: the first job run after each build also writes the classes it loaded (Spark's,
# Scala's, the job's: about 20,000) to an archive as it exits, which costs about 25 s once. Later runs
# map that archive instead of reading, parsing and verifying every class again: a run on seeds/ took
# 29 s instead of 34 s (median of 5 each). The archive is used only with the jar, class path and Java
# it was written with (its stamp file); where the JVM cannot write one (no base archive in the JDK,
# -Xshare:off, a read-only target/), runs go without it.
cds_archive="$root/target/corroborate-classes.jsa"
cds_stamp="$cds_archive.stamp"
stamp() {
  stat -c '%s %Y' "$jar" "$classpath_file" | tr '\n' ' '
  readlink -f "$(command -v "$java")"
}
cds_options=()
dump=false
job_run=true
for a in ${args[@]+"${args[@]}"}; do
  [[ "$a" == --help || "$a" == --version || "$a" =~ ^-[hV]+$ ]] && job_run=false
done
if [[ "${CORROBORATE_CDS:-1}" != 0 ]] && $job_run; then
  built="$(stamp)"
  quiet=(-Xlog:cds=off -Xlog:cds+dynamic=off)
  if [[ -s "$cds_archive" && -f "$cds_stamp" && "$(cat "$cds_stamp")" == "$built" ]]; then
    cds_options=(-XX:SharedArchiveFile="$cds_archive" "${quiet[@]}")
  elif [[ -w "$root/target" ]]; then
    # Temporary archives of runs killed outright are left behind; an hour is longer than a dump.
    find "$root/target" -maxdepth 1 -name 'corroborate-classes.jsa.*' ! -name '*.stamp' -mmin +60 -delete 2>/dev/null || true
    cds_tmp="$(mktemp "$cds_archive.XXXXXX")"
    # A JVM that cannot write an archive fails at start (or, for the file, at the end): try it first.
    if "$java" ${jvm_options[@]+"${jvm_options[@]}"} -XX:ArchiveClassesAtExit="$cds_tmp" "${quiet[@]}" -version \
        >/dev/null 2>&1; then
      dump=true
      cds_options=(-XX:ArchiveClassesAtExit="$cds_tmp" "${quiet[@]}")
    else
      rm -f "$cds_tmp"
    fi
  fi
fi

command=("$java" "${module_options[@]}" ${jvm_options[@]+"${jvm_options[@]}"} ${cds_options[@]+"${cds_options[@]}"}
  -Xmx"${CORROBORATE_HEAP:-4g}"
  -Dspark.master="${SPARK_MASTER:-local[*]}"
  -Dspark.ui.showConsoleProgress=false
  -cp "$classpath" org.corroborate.Corroborate ${args[@]+"${args[@]}"})
$dump || exec "${command[@]}"

echo "corroborate: this run also writes $cds_archive as it exits (once after each build), so that later runs start faster" >&2
"${command[@]}" <&0 &
job=$!
# The first signal asks the JVM to stop (it still writes its archive, then it is dropped); another
# stops it at once.
signals=0
stop() {
  signals=$((signals + 1))
  if [[ $signals == 1 ]]; then kill -TERM "$job" 2>/dev/null || true; else kill -KILL "$job" 2>/dev/null || true; fi
}
trap stop TERM INT HUP
status=0
wait "$job" || status=$?
# A signal ends a wait early: wait again for the JVM itself.
while kill -0 "$job" 2>/dev/null; do wait "$job" || status=$?; done
# Kept only from a run that finished, with the jar it was written with still in place.
if [[ "$status" == 0 && $signals == 0 && -s "$cds_tmp" && "$(stamp)" == "$built" ]]; then
  mv -f "$cds_tmp" "$cds_archive"
  printf '%s' "$built" > "$cds_stamp"
else
  rm -f "$cds_tmp"
fi
exit "$status"

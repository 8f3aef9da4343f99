#!/usr/bin/env bash
# Benchmarks Corroborate on generated corpora of several sizes and writes a table of speed, peak
# memory and quality against the planted gold labels. Not part of the tests.
#
# Usage: jobs/benchmark.sh [ARTICLES ...]        default sizes: 10000 100000 1000000
#        e.g. jobs/benchmark.sh 10000 100000
#
# For each size it
#   1. generates target/benchmark/corpus-<N>.jsonl with org.corroborate.gen.CorpusGenerator (seeded;
#      reused when present), fields gold_story and gold_copy;
#   2. runs jobs/run-local.sh --input <corpus> --gold-story-field gold_story
#      --gold-duplicate-field gold_copy --output target/benchmark/out-<N> [BENCH_JOB_ARGS], under
#      /usr/bin/time -v (peak RSS), with the Spark event log in target/benchmark/out-<N>.eventlog/;
#   3. reads run.json (phases, evaluation) and appends one row to
#      target/benchmark/results.tsv and target/benchmark/results.md, and writes the per-phase and
#      per-stage profile of the event log to target/benchmark/profile-<N>.md.
#
# Environment:
#   CORROBORATE_HEAP  driver heap, default 4g (passed on to jobs/run-local.sh)
#   SPARK_MASTER      default local[*] (passed on to jobs/run-local.sh)
#   BENCH_DIR         where corpora, outputs and tables go, default target/benchmark
#   BENCH_SEED        generator seed, default 42; BENCH_GEN_ARGS: more generator options
#   BENCH_JOB_ARGS    more job options, e.g. "--partitions 8"
#   BENCH_TIMEOUT     stop a run after this many seconds (the row says "timeout"), default none
#   BENCH_PROFILE     1 (default) writes the Spark event log and its profile; 0 turns it off
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="${BENCH_DIR:-$root/target/benchmark}"
seed="${BENCH_SEED:-42}"
heap="${CORROBORATE_HEAP:-4g}"
profile="${BENCH_PROFILE:-1}"
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(10000 100000 1000000)
for n in "${sizes[@]}"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "benchmark: '$n' is not a number of articles; usage: $0 [ARTICLES ...]" >&2; exit 2; }
done
command -v python3 >/dev/null || { echo "benchmark: python3 is needed to read run.json" >&2; exit 2; }

timer=()
if [[ -x /usr/bin/time ]]; then
  timer=(/usr/bin/time -v -o)
else
  echo "benchmark: /usr/bin/time not found (apt-get install time); reading peak RSS (VmHWM) from /proc instead" >&2
fi

mkdir -p "$bench"
jar="$root/target/corroborate.jar"
if [[ ! -f "$jar" || ! -f "$root/target/spark-classpath.txt" ]]; then
  "$root/jobs/run-local.sh" --help >/dev/null   # builds the jar the way every run does
fi
classpath="$jar:$(cat "$root/target/spark-classpath.txt")"
# The first job run after a build also writes the class archive (jobs/run-local.sh), about 25 s at
# its end: a warm-up run on the seeds (about 30 s) writes it when it is due, outside every measured run.
if [[ "${CORROBORATE_CDS:-1}" != 0 ]]; then
  echo "benchmark: warm-up run on seeds/ (writes the class archive after a build) ..." >&2
  rm -rf "$bench/warm-up"
  "$root/jobs/run-local.sh" --input "$root/seeds" --output "$bench/warm-up" > "$bench/warm-up.log" 2>&1 \
    || { echo "benchmark: the warm-up run failed; see $bench/warm-up.log" >&2; exit 1; }
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

tsv="$bench/results.tsv"
md="$bench/results.md"
phases=(ingest text features copies stories facts evaluation report)
if [[ ! -s "$tsv" ]]; then
  {
    printf 'date\tarticles\theap\tstatus\tseconds\tarticles_per_s\tcpu_s'
    for p in "${phases[@]}"; do printf '\t%s_s' "$p"; done
    printf '\tpeak_rss_mib\tstory_bcubed_f1\tstory_bcubed_p\tstory_bcubed_r\tcopy_pairwise_p\tcopy_pairwise_r\tload_before\tload_mean\tload_after\tcandidate_pairs\tlargest_story\tjob_args\n'
  } > "$tsv"
fi
if [[ ! -s "$md" ]]; then
  {
    printf '| articles | heap | status | seconds | articles/s | CPU s (user+sys) |'
    for p in "${phases[@]}"; do printf ' %s s |' "$p"; done
    printf ' peak RSS MiB | story B3 F1 | copy pair P | copy pair R | load 1m before / mean / after | job args |\n|'
    for _ in $(seq 1 $((12 + ${#phases[@]}))); do printf -- '---|'; done
    printf '\n'
  } > "$md"
fi

loadavg() { cut -d' ' -f1 /proc/loadavg; }

for n in "${sizes[@]}"; do
  corpus="$bench/corpus-$n.jsonl"
  if [[ ! -s "$corpus" ]]; then
    echo "benchmark: generating $corpus (seed $seed) ..." >&2
    # shellcheck disable=SC2086
    "$java" -cp "$classpath" org.corroborate.gen.CorpusGenerator --articles="$n" --seed="$seed" \
      ${BENCH_GEN_ARGS:-} --output="$corpus.tmp" >&2
    mv "$corpus.tmp" "$corpus"
  fi

  out="$bench/out-$n"
  log="$bench/run-$n.log"
  timefile="$bench/time-$n.txt"
  rm -rf "$out" "$out.eventlog" "$timefile"
  tool_options="${JAVA_TOOL_OPTIONS:-}"
  if [[ "$profile" == 1 ]]; then
    mkdir -p "$out.eventlog"
    tool_options+=" -Dspark.eventLog.enabled=true -Dspark.eventLog.dir=file://$out.eventlog"
    command -v zstd >/dev/null || tool_options+=" -Dspark.eventLog.compress=false"
  fi
  limit=()
  [[ -n "${BENCH_TIMEOUT:-}" ]] && limit=(timeout -s TERM "$BENCH_TIMEOUT")

  # Machine load while the run lasts, sampled every 5 s: other work on the machine skews timings.
  load_before="$(loadavg)"
  ( while sleep 5; do loadavg; done ) > "$bench/load-$n.txt" &
  sampler=$!
  echo "benchmark: $n articles, heap $heap, load $load_before; log $log" >&2
  status=0
  # shellcheck disable=SC2086
  if [[ ${#timer[@]} -gt 0 ]]; then
    JAVA_TOOL_OPTIONS="$tool_options" CORROBORATE_HEAP="$heap" \
      "${timer[@]}" "$timefile" "${limit[@]}" "$root/jobs/run-local.sh" --input "$corpus" \
      --gold-story-field gold_story --gold-duplicate-field gold_copy --output "$out" ${BENCH_JOB_ARGS:-} \
      > "$log" 2>&1 || status=$?
  else
    start_ns=$(date +%s%N)
    JAVA_TOOL_OPTIONS="$tool_options" CORROBORATE_HEAP="$heap" \
      "${limit[@]}" "$root/jobs/run-local.sh" --input "$corpus" \
      --gold-story-field gold_story --gold-duplicate-field gold_copy --output "$out" ${BENCH_JOB_ARGS:-} \
      > "$log" 2>&1 &
    job=$!
    hwm=0
    while kill -0 "$job" 2>/dev/null; do
      # run-local.sh execs java, so the job's pid is the JVM's; timeout (if any) is its parent.
      for p in $job $(pgrep -P "$job" 2>/dev/null || true); do
        kb=$(awk '/^VmHWM/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
        [[ -n "$kb" && "$kb" -gt "$hwm" ]] && hwm=$kb
      done
      sleep 1
    done
    wait "$job" || status=$?
    printf 'Elapsed (wall clock) time (h:mm:ss or m:ss): 0:%s\nMaximum resident set size (kbytes): %s\n' \
      "$(( ($(date +%s%N) - start_ns) / 1000000000 ))" "$hwm" > "$timefile"
  fi
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  load_after="$(loadavg)"

  BENCH_JOB_ARGS="${BENCH_JOB_ARGS:-}" python3 - "$n" "$heap" "$status" "$out/run.json" "$timefile" "$bench/load-$n.txt" "$load_before" "$load_after" \
      "$tsv" "$md" "${phases[@]}" <<'EOF'
import json, sys, datetime, os
n, heap, status, run_json, timefile, loadfile, lb, la, tsv, md = sys.argv[1:11]
phases = sys.argv[11:]
wall = None
rss_kb = None
cpu = None  # user + system CPU seconds of the JVM: less sensitive to other load than wall time
for line in open(timefile, errors="replace") if os.path.exists(timefile) else []:
    line = line.strip()
    if line.startswith("Elapsed (wall clock) time"):
        t = line.rsplit(": ", 1)[1].split(":")
        wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(t)))
    elif line.startswith("Maximum resident set size"):
        rss_kb = int(line.rsplit(": ", 1)[1])
    elif line.startswith(("User time (seconds)", "System time (seconds)")):
        cpu = (cpu or 0) + float(line.rsplit(": ", 1)[1])
loads = [float(x) for x in open(loadfile).read().split()] if os.path.exists(loadfile) else []
load_mean = sum(loads) / len(loads) if loads else float(lb)
run = {}
if os.path.exists(run_json):
    run = json.load(open(run_json))
state = "ok" if status == "0" and run.get("status") == "complete" else ("timeout" if status == "124" else f"failed({status})")
secs = run.get("seconds") or wall
phase_s = {p["phase"]: p["seconds"] for p in run.get("phases", [])}
counts = {}
for p in run.get("phases", []):
    counts.update({f'{p["phase"]}.{k}': v for k, v in (p.get("counts") or {}).items()})
ev = run.get("evaluation") or {}
st, cp = ev.get("stories") or {}, ev.get("copies") or {}
def f(x, d=3):
    return "" if x is None else (f"{x:.{d}f}" if isinstance(x, float) else str(x))
aps = int(n) / secs if secs else None
rss = rss_kb / 1024 if rss_kb else None
row = [datetime.datetime.now().isoformat(timespec="seconds"), n, heap, state, f(secs, 1), f(aps, 1), f(cpu, 1)]
row += [f(phase_s.get(p), 1) for p in phases]
row += [f(rss, 0), f(st.get("bcubed_f1")), f(st.get("bcubed_precision")), f(st.get("bcubed_recall")),
        f(cp.get("pairwise_precision")), f(cp.get("pairwise_recall")), lb, f(load_mean, 1), la,
        f(counts.get("stories.candidate_pairs")), f(counts.get("stories.largest_story")), os.environ.get("BENCH_JOB_ARGS", "")]
open(tsv, "a").write("\t".join(row) + "\n")
mrow = [n, heap, state, f(secs, 1), f(aps, 1), f(cpu, 1)] + [f(phase_s.get(p), 1) for p in phases] + [
    f(rss, 0), f(st.get("bcubed_f1")), f(cp.get("pairwise_precision")), f(cp.get("pairwise_recall")),
    f"{lb} / {load_mean:.1f} / {la}", os.environ.get("BENCH_JOB_ARGS", "") or "(defaults)"]
open(md, "a").write("| " + " | ".join(mrow) + " |\n")
print(f"benchmark: {n} articles: {state}, {f(secs, 1)} s (wall {f(wall, 1)} s), {f(aps, 1)} articles/s, "
      f"peak RSS {f(rss, 0)} MiB, story B3 F1 {f(st.get('bcubed_f1'))}, copy P/R "
      f"{f(cp.get('pairwise_precision'))}/{f(cp.get('pairwise_recall'))}, CPU {f(cpu, 1)} s, load {lb}/{load_mean:.1f}/{la}",
      file=sys.stderr)
EOF
  if [[ "$profile" == 1 ]] && compgen -G "$out.eventlog/*" >/dev/null; then
    python3 "$root/jobs/spark-profile.py" --markdown "$(ls -d "$out.eventlog"/* | head -1)" \
      > "$bench/profile-$n.md" 2>&1 || true
    echo "benchmark: profile in $bench/profile-$n.md" >&2
  fi
done

echo "benchmark: results in $md and $tsv" >&2
cat "$md"

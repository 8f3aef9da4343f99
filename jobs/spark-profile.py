#!/usr/bin/env python3
"""Summarises a Spark event log: where the executor time of a Corroborate run went.

Usage: jobs/spark-profile.py EVENT_LOG [--top N] [--markdown]

EVENT_LOG is a file or an event-log folder (Spark 4 writes eventlog_v2_<app>/events_*_<app>[.zstd]);
zstd/lz4-compressed parts are read through the `zstd` command. A log of a run still in progress works
too (its last, unfinished stages are reported as running).

Prints, per job group (Corroborate names them corroborate-<phase>): wall time from the first job's
submission to the last job's end, summed task run time, CPU time, GC, shuffle written and spilled;
then the top stages by summed task run time with their call site, task count, records and spill.
Stdlib only, so it runs wherever python3 does.
"""
import argparse
import collections
import glob
import json
import os
import subprocess
import sys


def read_lines(path):
    files = [path]
    if os.path.isdir(path):
        files = sorted(glob.glob(os.path.join(path, "events_*")),
                       key=lambda p: int(os.path.basename(p).split("_")[1]))
    for f in files:
        if f.endswith((".zstd", ".zst")):
            out = subprocess.run(["zstd", "-dcq", f], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
            text = out.decode("utf-8", "replace")
        elif f.endswith(".lz4"):
            sys.exit(f"{f}: lz4 event logs are not supported; run with -Dspark.eventLog.compression.codec=zstd")
        else:
            with open(f, encoding="utf-8", errors="replace") as fh:
                text = fh.read()
        for line in text.splitlines():
            try:
                yield json.loads(line)
            except ValueError:
                pass  # a truncated last line of a log still being written


def mib(b):
    return b / 1048576.0


class Stage:
    def __init__(self, sid):
        self.id = sid
        self.name = ""
        self.tasks = 0
        self.done = 0
        self.run_ms = 0
        self.cpu_ns = 0
        self.gc_ms = 0
        self.shuffle_write = 0
        self.shuffle_read = 0
        self.records_in = 0
        self.records_out = 0
        self.spill_disk = 0
        self.spill_mem = 0
        self.peak_mem = 0
        self.max_task_ms = 0
        self.submitted = None
        self.completed = None
        self.group = "(none)"
        self.description = ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("log")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--markdown", action="store_true", help="Markdown tables (default: plain text)")
    args = ap.parse_args()

    stages = {}
    metric_of = {}  # SQL metric accumulator id -> (execution id, node, metric name, metric type)
    metric_sum = collections.Counter()
    execution_group = {}
    jobs = {}  # job id -> (group, submit, end)
    app_start = app_end = None
    for e in read_lines(args.log):
        ev = e.get("Event")
        if ev == "SparkListenerApplicationStart":
            app_start = e.get("Timestamp")
        elif ev == "SparkListenerApplicationEnd":
            app_end = e.get("Timestamp")
        elif ev.endswith("SQLExecutionStart") or ev.endswith("SQLAdaptiveExecutionUpdate"):
            execution = e.get("executionId")
            if e.get("jobGroupId"):
                execution_group.setdefault(execution, e["jobGroupId"])
            stack = [e.get("sparkPlanInfo") or {}]
            while stack:
                node = stack.pop()
                stack.extend(node.get("children", []))
                label = " ".join((node.get("simpleString") or node.get("nodeName", "")).split())[:110]
                if node.get("nodeName", "").startswith("WholeStageCodegen"):
                    # Name a fused stage by the operators inside it, down to its inputs.
                    inner, fused = node.get("children", []), []
                    while inner and inner[0].get("nodeName") != "InputAdapter" and len(fused) < 6:
                        fused.append(" ".join(inner[0].get("simpleString", inner[0]["nodeName"]).split())[:60])
                        inner = inner[0].get("children", [])
                    label = node["nodeName"] + ": " + " <- ".join(fused)
                for m in node.get("metrics", []):
                    metric_of.setdefault(m["accumulatorId"], (execution, label, m["name"], m["metricType"]))
        elif ev.endswith("SparkListenerDriverAccumUpdates"):
            for acc, value in e.get("accumUpdates", []):
                metric_sum[acc] += value
        elif ev == "SparkListenerJobStart":
            props = e.get("Properties") or {}
            group = props.get("spark.jobGroup.id") or "(none)"
            if props.get("spark.sql.execution.id") is not None:
                execution_group.setdefault(int(props["spark.sql.execution.id"]), group)
            jobs[e["Job ID"]] = [group, e.get("Submission Time"), None]
            for info in e.get("Stage Infos", []):
                s = stages.setdefault(info["Stage ID"], Stage(info["Stage ID"]))
                # A stage shared by several jobs (skipped in later ones) belongs to the first.
                if s.group == "(none)":
                    s.group = group
                    s.description = props.get("spark.job.description") or ""
                s.name = info.get("Stage Name", s.name)
                s.tasks = info.get("Number of Tasks", s.tasks)
        elif ev == "SparkListenerJobEnd":
            if e["Job ID"] in jobs:
                jobs[e["Job ID"]][2] = e.get("Completion Time")
        elif ev == "SparkListenerStageSubmitted":
            info = e["Stage Info"]
            s = stages.setdefault(info["Stage ID"], Stage(info["Stage ID"]))
            s.submitted = info.get("Submission Time")
        elif ev == "SparkListenerStageCompleted":
            info = e["Stage Info"]
            s = stages.setdefault(info["Stage ID"], Stage(info["Stage ID"]))
            s.submitted = info.get("Submission Time", s.submitted)
            s.completed = info.get("Completion Time")
        elif ev == "SparkListenerTaskEnd":
            s = stages.setdefault(e["Stage ID"], Stage(e["Stage ID"]))
            m = e.get("Task Metrics") or {}
            for acc in (e.get("Task Info") or {}).get("Accumulables", []):
                if acc.get("Metadata") == "sql" and isinstance(acc.get("Update"), (int, str)):
                    try:
                        metric_sum[acc["ID"]] += int(acc["Update"])
                    except ValueError:
                        pass
            s.done += 1
            run = m.get("Executor Run Time", 0)
            s.run_ms += run
            s.max_task_ms = max(s.max_task_ms, run)
            s.cpu_ns += m.get("Executor CPU Time", 0)
            s.gc_ms += m.get("JVM GC Time", 0)
            s.spill_disk += m.get("Disk Bytes Spilled", 0)
            s.spill_mem += m.get("Memory Bytes Spilled", 0)
            s.peak_mem = max(s.peak_mem, m.get("Peak Execution Memory", 0))
            w = m.get("Shuffle Write Metrics") or {}
            s.shuffle_write += w.get("Shuffle Bytes Written", 0)
            s.records_out += w.get("Shuffle Records Written", 0)
            r = m.get("Shuffle Read Metrics") or {}
            s.shuffle_read += r.get("Remote Bytes Read", 0) + r.get("Local Bytes Read", 0)
            s.records_in += r.get("Total Records Read", 0)
            s.records_in += (m.get("Input Metrics") or {}).get("Records Read", 0)

    # Per job group.
    groups = collections.OrderedDict()
    for jid in sorted(jobs):
        g, sub, end = jobs[jid]
        d = groups.setdefault(g, {"first": sub, "last": end, "jobs": 0, "stages": 0, "run": 0, "cpu": 0,
                                  "gc": 0, "shw": 0, "spill": 0})
        d["jobs"] += 1
        if sub is not None and (d["first"] is None or sub < d["first"]):
            d["first"] = sub
        if end is not None and (d["last"] is None or end > d["last"]):
            d["last"] = end
    for s in stages.values():
        d = groups.setdefault(s.group, {"first": None, "last": None, "jobs": 0, "stages": 0, "run": 0, "cpu": 0,
                                        "gc": 0, "shw": 0, "spill": 0})
        if s.done:
            d["stages"] += 1
        d["run"] += s.run_ms
        d["cpu"] += s.cpu_ns
        d["gc"] += s.gc_ms
        d["shw"] += s.shuffle_write
        d["spill"] += s.spill_disk

    total_run = sum(s.run_ms for s in stages.values()) or 1
    md = args.markdown

    def table(header, rows):
        if md:
            print("| " + " | ".join(header) + " |")
            print("|" + "|".join("---" for _ in header) + "|")
            for r in rows:
                print("| " + " | ".join(str(c) for c in r) + " |")
        else:
            widths = [max(len(str(x)) for x in [h] + [r[i] for r in rows]) for i, h in enumerate(header)]
            print("  ".join(str(h).ljust(w) for h, w in zip(header, widths)))
            for r in rows:
                print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)))
        print()

    if app_start and app_end:
        print(f"application wall time: {(app_end - app_start) / 1000:.1f} s")
    print(f"task run time over all stages: {total_run / 1000:.1f} s "
          f"(2 cores busy for {total_run / 2000:.1f} s)\n")
    rows = []
    for g, d in groups.items():
        wall = (d["last"] - d["first"]) / 1000 if d["first"] and d["last"] else float("nan")
        rows.append([g, d["jobs"], d["stages"], f"{wall:.1f}", f"{d['run'] / 1000:.1f}",
                     f"{100 * d['run'] / total_run:.0f}%", f"{d['cpu'] / 1e9:.1f}", f"{d['gc'] / 1000:.1f}",
                     f"{mib(d['shw']):.0f}", f"{mib(d['spill']):.0f}"])
    table(["job group", "jobs", "stages", "wall s (first job..last job)", "task run s", "share", "task cpu s",
           "gc s", "shuffle write MiB", "spill disk MiB"], rows)

    rows = []
    for s in sorted(stages.values(), key=lambda s: -s.run_ms)[:args.top]:
        if s.completed:
            state = f"{(s.completed - s.submitted) / 1000:.1f}" if s.submitted else "?"
        else:
            state = "running"
        rows.append([s.id, s.group.replace("corroborate-", ""), s.name[:60], f"{s.done}/{s.tasks}", state,
                     f"{s.run_ms / 1000:.1f}", f"{s.max_task_ms / 1000:.1f}", f"{s.gc_ms / 1000:.1f}",
                     s.records_in, s.records_out, f"{mib(s.shuffle_write):.0f}", f"{mib(s.spill_disk):.0f}",
                     f"{mib(s.peak_mem):.0f}"])
    table(["stage", "phase", "call site", "tasks", "stage wall s", "task run s", "max task s", "gc s",
           "records in", "shuffle records out", "shuffle write MiB", "spill disk MiB", "peak exec MiB"], rows)

    # Call sites summed: the same operation recurring (e.g. once per connected-components round).
    sites = collections.defaultdict(lambda: [0, 0, 0])
    for s in stages.values():
        k = (s.group.replace("corroborate-", ""), s.name)
        sites[k][0] += 1
        sites[k][1] += s.run_ms
        sites[k][2] += s.spill_disk
    rows = [[p, n[:70], c, f"{r / 1000:.1f}", f"{mib(sp):.0f}"]
            for (p, n), (c, r, sp) in sorted(sites.items(), key=lambda kv: -kv[1][1])[:args.top]]
    table(["phase", "call site", "stages", "task run s", "spill disk MiB"], rows)
    # SQL operators: rows out and time, summed over the run's tasks, per phase and operator.
    ops = collections.defaultdict(lambda: {"rows": 0, "ms": 0.0, "spill": 0, "execs": set()})
    for acc, value in metric_sum.items():
        if acc not in metric_of:
            continue
        execution, label, name, kind = metric_of[acc]
        group = execution_group.get(execution, "(none)").replace("corroborate-", "")
        o = ops[(group, label)]
        o["execs"].add(execution)
        if name == "number of output rows":
            o["rows"] += value
        elif kind == "timing" and name in ("duration", "time in aggregation build", "sort time", "build time"):
            o["ms"] += value
        elif kind == "nsTiming" and name in ("time in aggregation build", "sort time"):
            o["ms"] += value / 1e6
        elif name == "spill size":
            o["spill"] += value
    rows = [[g, label.replace("|", "/"), len(o["execs"]), o["rows"], f"{o['ms'] / 1000:.1f}", f"{mib(o['spill']):.0f}"]
            for (g, label), o in sorted(ops.items(), key=lambda kv: -kv[1]["ms"])[:args.top]]
    print("SQL operators by summed time (WholeStageCodegen 'duration' includes the operators fused into it):\n")
    table(["phase", "operator", "queries", "rows out", "time s", "spill MiB"], rows)


if __name__ == "__main__":
    main()

package org.corroborate.report;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corroborate.RunLog;
import org.corroborate.config.JobConfig;

/**
 * {@code run.json}: the counts of the run and of each phase, time per phase, the configuration
 * used, and evaluation scores when gold labels were given. Read = accepted + rejected always holds
 * in {@code counts}.
 */
public final class RunReport {
  private final JobConfig config;
  private final Map<String, Long> ingestCounts;
  private final RunLog log;
  private final Map<String, Object> evaluation;
  private final Map<String, Long> extra = new LinkedHashMap<>();

  public RunReport(JobConfig config, Map<String, Long> ingestCounts, RunLog log, Map<String, Object> evaluation) {
    this.config = config;
    this.ingestCounts = ingestCounts;
    this.log = log;
    this.evaluation = evaluation;
  }

  /** Adds a count to the overview. */
  public void count(String name, long value) {
    extra.put(name, value);
  }

  /** The headline counts: articles read, accepted, rejected, copies folded, stories, sources. */
  public Map<String, Object> overview() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("articles_read", ingestCounts.get("read"));
    o.put("articles_accepted", ingestCounts.get("accepted"));
    o.put("articles_rejected", ingestCounts.get("rejected"));
    for (RunLog.Phase p : log.phases()) {
      if (p.name().equals("copies")) {
        o.put("copies_folded", p.counts().get("copies_folded"));
        o.put("copy_groups", p.counts().get("copy_groups"));
      }
      if (p.name().equals("stories")) {
        o.put("stories", p.counts().get("stories"));
        o.put("multi_article_stories", p.counts().get("multi_article_stories"));
      }
      if (p.name().equals("facts")) {
        o.put("statements", p.counts().get("statements"));
        o.put("shared_statements", p.counts().getOrDefault("shared_statements", 0L));
        o.put("conflict_statements", p.counts().getOrDefault("conflict_statements", 0L));
      }
    }
    o.putAll(extra);
    return o;
  }

  /** run.json's content. */
  public String toJson(double seconds) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("status", "complete");
    run.put("seconds", Math.round(seconds * 10) / 10.0);
    Map<String, Object> counts = new LinkedHashMap<>(ingestCounts);
    counts.putAll(overview());
    run.put("counts", counts);
    List<Map<String, Object>> phases = new ArrayList<>();
    for (RunLog.Phase p : log.phases()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("phase", p.name());
      m.put("seconds", Math.round(p.seconds() * 100) / 100.0);
      m.put("counts", p.counts());
      phases.add(m);
    }
    run.put("phases", phases);
    run.put("config", configMap(config));
    run.put("evaluation", evaluation);
    return Report.Json.write(run);
  }

  /** The configuration as option name -> value. */
  static Map<String, Object> configMap(JobConfig config) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (RecordComponent c : JobConfig.class.getRecordComponents()) {
      try {
        Object value = c.getAccessor().invoke(config);
        m.put(snake(c.getName()), value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return m;
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}

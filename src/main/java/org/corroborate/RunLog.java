package org.corroborate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times the job's phases, names each in the Spark UI (job group), and logs one line per phase with
 * its counts. The phases and counts end up in {@code run.json}.
 */
public final class RunLog {
  private static final Logger LOG = LoggerFactory.getLogger("org.corroborate");

  private final SparkContext spark;
  private final List<Phase> phases = new ArrayList<>();

  RunLog(SparkContext spark) {
    this.spark = spark;
  }

  /** One finished phase: its name, wall time and counts. */
  public record Phase(String name, double seconds, Map<String, Long> counts) {
    public Phase {
      counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }
  }

  /** Runs {@code work} as phase {@code name}; the work returns the phase's counts. */
  public <T> T phase(String name, String description, Supplier<T> work, java.util.function.Function<T, Map<String, Long>> counts) {
    spark.setJobGroup("corroborate-" + name, description, false);
    LOG.info("{}: {} ...", name, description);
    long start = System.nanoTime();
    try {
      T result = work.get();
      double seconds = (System.nanoTime() - start) / 1e9;
      Map<String, Long> c = counts.apply(result);
      phases.add(new Phase(name, seconds, c));
      LOG.info("{}: done in {} s {}", name, String.format("%.1f", seconds), c);
      return result;
    } finally {
      spark.clearJobGroup();
    }
  }

  /** The phases finished so far, in order. */
  public List<Phase> phases() {
    return List.copyOf(phases);
  }
}

package org.corroborate.testing;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session tests share: local[2], no UI, few shuffle partitions, UTC. One per test JVM,
 * since starting one costs seconds; tests never stop it.
 */
public final class TestSpark {
  private TestSpark() {}

  /** The shared session. */
  public static SparkSession session() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("corroborate-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
  }
}

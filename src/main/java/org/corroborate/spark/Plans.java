package org.corroborate.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Keeps query plans small. An iterative algorithm that builds each round's Dataset from the last
 * one grows a plan that Spark re-analyses and prints at every action, until that alone costs
 * minutes and gigabytes. Re-wrapping the rows of a persisted Dataset as a new Dataset starts a fresh
 * plan while the RDD lineage stays, so a lost executor's partitions can still be recomputed (unlike
 * {@code localCheckpoint}).
 *
 * @param data the rows behind a fresh plan
 * @param cached the persisted Dataset they are read from; {@link #release()} frees it
 */
public record Plans(Dataset<Row> data, Dataset<Row> cached) {

  /** {@code data} persisted, behind a fresh plan. */
  public static Plans cut(Dataset<Row> data) {
    return cut(data, StorageLevel.MEMORY_AND_DISK());
  }

  /** {@code data} persisted at {@code level}, behind a fresh plan. */
  public static Plans cut(Dataset<Row> data, StorageLevel level) {
    Dataset<Row> persisted = data.persist(level);
    return new Plans(SparkSession.active().createDataFrame(persisted.rdd(), persisted.schema()), persisted);
  }

  /** The active session's number of shuffle partitions (sized from the corpus by the job). */
  public static int shufflePartitions() {
    return Integer.parseInt(SparkSession.active().conf().get("spark.sql.shuffle.partitions"));
  }

  /**
   * Runs {@code action} with adaptive execution's merging of small shuffle partitions turned off.
   * Spark sizes merged partitions by bytes, but some stages spend their time on a few bytes: pairs
   * of article numbers each scored against two vectors, or articles split into sentences and
   * aligned. Merged into a task or three, such a stage runs on one core while the others wait.
   */
  public static <T> T withoutCoalescing(java.util.function.Supplier<T> action) {
    SparkSession spark = SparkSession.active();
    String key = "spark.sql.adaptive.coalescePartitions.enabled";
    String before = spark.conf().get(key, "true");
    spark.conf().set(key, "false");
    try {
      return action.get();
    } finally {
      spark.conf().set(key, before);
    }
  }

  /** Frees the cached rows. */
  public void release() {
    cached.unpersist();
  }
}

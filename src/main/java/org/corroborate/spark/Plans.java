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
 * @param free frees the persisted rows they are read from ({@link #release()})
 */
public record Plans(Dataset<Row> data, Runnable free) {

  /** {@code data} persisted, behind a fresh plan. */
  public static Plans cut(Dataset<Row> data) {
    return cut(data, StorageLevel.MEMORY_AND_DISK());
  }

  /** {@code data} persisted at {@code level}, behind a fresh plan. */
  public static Plans cut(Dataset<Row> data, StorageLevel level) {
    Dataset<Row> persisted = data.persist(level);
    return new Plans(SparkSession.active().createDataFrame(persisted.rdd(), persisted.schema()), persisted::unpersist);
  }

  /**
   * {@code data} computed now and saved without its lineage: for a loop whose every round reads
   * the last, where the chain of plans and RDDs grows with the rounds until each task's binary
   * takes longer to read than its work, and past a few dozen rounds overflows the stack. Saved
   * reliably in the checkpoint directory when one is set (the job sets one on a cluster), so a lost
   * executor costs nothing; else in the executors' storage ({@code localCheckpoint}), which in
   * local mode lives and dies with the driver anyway.
   */
  public static Plans checkpoint(Dataset<Row> data) {
    boolean reliable = SparkSession.active().sparkContext().getCheckpointDir().isDefined();
    Dataset<Row> saved = reliable ? data.checkpoint(true) : data.localCheckpoint(true);
    return new Plans(saved, () -> {
      if (saved.queryExecution().logical() instanceof org.apache.spark.sql.execution.LogicalRDD rows) {
        rows.rdd().unpersist(false);
      }
    });
  }

  /**
   * Rows up to which the small side of a join is broadcast. A join of article texts with a table
   * of ids would otherwise shuffle the whole corpus to meet a few bytes an article. At a million
   * articles of short ids, a broadcast table of each article's story is about 100-150 MB while
   * it is built on the driver; ids of hundreds of bytes (URLs) would make it several times that.
   * Only the facts input uses it: in the report phase, where four writes run side by side,
   * broadcasts of every canonical id and every story ran a 4 GiB heap out of memory at a million
   * articles.
   */
  public static final long BROADCAST_ROWS = 1_000_000;

  /**
   * {@code small} marked for broadcast in a join when its {@code rows} are at most
   * {@link #BROADCAST_ROWS}, so that the large side stays where it is; else as it is.
   */
  public static Dataset<Row> broadcastIfSmall(Dataset<Row> small, long rows) {
    return rows <= BROADCAST_ROWS ? org.apache.spark.sql.functions.broadcast(small) : small;
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
    free.run();
  }
}

package org.corroborate.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.corroborate.config.JobConfig;
import org.corroborate.spark.Plans;

/**
 * The ingest stage's result: accepted articles, rejected records with their reasons, and the counts
 * that reconcile them (read = accepted + rejected).
 *
 * <p>{@link #articles()} has the columns of {@link Columns}; {@link #rejected()} has {@code reason,
 * detail, input_file, position, id, record}, where record is the input line or row as read.
 */
public final class Ingest {
  private final Dataset<Row> input;
  private final Dataset<Row> checked;
  private final Dataset<Row> duplicates;
  private final Runnable releaseIds;
  private final Dataset<Row> records;
  private final Plans articles;
  private final Map<String, Long> countsByReason;

  private Ingest(Dataset<Row> input, Dataset<Row> checked, Dataset<Row> duplicates, Runnable releaseIds,
      Dataset<Row> records, Plans articles, Map<String, Long> countsByReason) {
    this.input = input;
    this.checked = checked;
    this.duplicates = duplicates;
    this.releaseIds = releaseIds;
    this.records = records;
    this.articles = articles;
    this.countsByReason = countsByReason;
  }

  /** Reads and validates every input; the accepted articles are cached for the later stages. */
  public static Ingest run(SparkSession spark, JobConfig config) {
    // The checked records are read to build the articles and, at the end, for the rejected/ and
    // deduplicated/ tables, so they wait on disk (the operating system's page cache keeps them
    // close). Only a record rejected here keeps its record as read: an accepted one would hold its
    // text twice, and at a million articles the report's reads of these doubled batches ran a
    // 4 GiB heap out of memory. Whether a valid record is a duplicate is known only once all are
    // read; the lines of those rejected as duplicates come from a second scan of the whole input,
    // run only when there are any, when rejected/ is written.
    pinSplits(spark);
    Dataset<Row> input = ArticleReader.read(spark, config);
    Dataset<Row> checked = RecordValidator.check(input, config)
        .withColumn(ArticleReader.RECORD, when(col(RecordValidator.REASON).isNotNull(), col(ArticleReader.RECORD)))
        .persist(StorageLevel.DISK_ONLY());
    RecordValidator.Identified identified = RecordValidator.withIds(checked);
    Dataset<Row> records = identified.records();
    Map<String, Long> counts = new LinkedHashMap<>();
    long read = 0;
    for (Row r : identified.reasons().groupBy(RecordValidator.REASON).count().orderBy(RecordValidator.REASON).collectAsList()) {
      String reason = r.isNullAt(0) ? "accepted" : r.getString(0);
      counts.put(reason, r.getLong(1));
      read += r.getLong(1);
    }
    counts.putIfAbsent("accepted", 0L);
    Map<String, Long> ordered = new LinkedHashMap<>();
    ordered.put("read", read);
    ordered.put("accepted", counts.remove("accepted"));
    ordered.put("rejected", read - ordered.get("accepted"));
    counts.forEach((reason, n) -> ordered.put("rejected_" + reason, n));
    // The accepted articles are the corpus: at a million articles they alone would fill the storage
    // part of a 4 GiB heap, and building their cached batches on top ran it out of memory. They
    // wait on disk (the operating system's page cache keeps them close), and the heap goes to work.
    Plans articles = Plans.cut(records.filter(col(RecordValidator.REASON).isNull())
        .select(
            col(RecordValidator.ID).as(Columns.ID), col(ArticleReader.M_SOURCE).as(Columns.SOURCE),
            col(RecordValidator.TITLE).as(Columns.TITLE), col(ArticleReader.M_TEXT).as(Columns.TEXT),
            col(RecordValidator.PUBLISHED).as(Columns.PUBLISHED), col(ArticleReader.M_URL).as(Columns.URL),
            col(ArticleReader.M_GOLD_STORY).as(Columns.GOLD_STORY),
            col(ArticleReader.M_GOLD_DUPLICATE).as(Columns.GOLD_DUPLICATE)), StorageLevel.DISK_ONLY());
    return new Ingest(input, checked, identified.duplicates(), identified.free(), records, articles, ordered);
  }

  static final String MIN_PARTITIONS = "spark.sql.files.minPartitionNum";

  /**
   * Fixes how input files are split for the rest of the session, unless the user set it. A record's
   * position is its row number within its split, and Spark sizes splits from the cores it has when
   * a query is planned: on a cluster whose executors come and go, a second reading of the input
   * (for the lines of duplicate ids) could otherwise number the lines differently.
   */
  static void pinSplits(SparkSession spark) {
    if (!spark.conf().contains(MIN_PARTITIONS)) {
      String leaf = spark.conf().get("spark.sql.leafNodeDefaultParallelism", null);
      int cores = leaf != null ? Integer.parseInt(leaf) : spark.sparkContext().defaultParallelism();
      spark.conf().set(MIN_PARTITIONS, String.valueOf(Math.max(1, cores)));
    }
  }

  /** The accepted articles. */
  public Dataset<Row> articles() {
    return articles.data();
  }

  /** Counts: read, accepted, rejected, and rejected per reason. */
  public Map<String, Long> countsByReason() {
    return countsByReason;
  }

  /** The counts for the phase log. */
  public static Map<String, Long> counts(Ingest ingest) {
    return ingest.countsByReason;
  }

  /** Every rejected record with its reason. */
  public Dataset<Row> rejected() {
    // With nothing rejected, the plan is empty and the cached records are not read at all.
    Column any = countsByReason.get("rejected") == 0 ? lit(false) : col(RecordValidator.REASON).isNotNull();
    Dataset<Row> rejected = records.filter(any);
    if (duplicates != null) {
      // A record rejected for a duplicate id was valid when cached, so it was cached without its
      // record as read: that comes from a second scan of the whole input, joined on position.
      // Positions depend on how the files are split, which pinSplits holds fixed for the session.
      String[] position = {ArticleReader.INPUT, ArticleReader.FILE, ArticleReader.POS};
      Dataset<Row> lines = input.select(col(ArticleReader.INPUT), col(ArticleReader.FILE), col(ArticleReader.POS),
              col(ArticleReader.RECORD).as("__line"))
          .join(duplicates.select(ArticleReader.INPUT, ArticleReader.FILE, ArticleReader.POS), position, "left_semi");
      rejected = rejected.join(lines, position, "left")
          .withColumn(ArticleReader.RECORD, coalesce(col(ArticleReader.RECORD), col("__line")));
    }
    return rejected
        .select(
            col(RecordValidator.REASON).as("reason"),
            col(RecordValidator.DETAIL).as("detail"),
            col(ArticleReader.FILE).as("input_file"),
            col(ArticleReader.POS).as("position"),
            col(RecordValidator.ID).as("id"),
            col(ArticleReader.RECORD).as("record"));
  }

  /**
   * Copies up to which the ids of {@link #deduplicated}'s copies are broadcast: about a sixth of
   * the ids of a million generated articles. At a million articles a broadcast of every canonical
   * id ran a 4 GiB heap out of memory beside the report's other writes; a shuffle sends the text of
   * every record across, gigabytes that a busy disk read and wrote for minutes.
   */
  static final long COPIES_BROADCAST = 250_000;

  /**
   * The canonical articles in the input's own fields: every input column as read, for the records
   * whose id is canonical in {@code articleTable} (columns {@code id, canonical}; every accepted
   * record has a row there): all but the copies.
   */
  public Dataset<Row> deduplicated(Dataset<Row> articleTable) {
    List<String> inputColumns = ArticleReader.inputColumns(records);
    Dataset<Row> copies = articleTable.filter(col("id").notEqual(col("canonical"))).select(col("id").as("__copy_id"));
    long copyCount = copies.count();
    Column[] keep = inputColumns.stream().map(c -> records.col("`" + c + "`")).toArray(Column[]::new);
    return records.filter(col(RecordValidator.REASON).isNull())
        .join(copyCount <= COPIES_BROADCAST ? broadcast(copies) : copies,
            records.col(RecordValidator.ID).equalTo(col("__copy_id")), "left_anti")
        .select(keep);
  }

  /** Releases the cached records. */
  public void unpersist() {
    checked.unpersist();
    releaseIds.run();
    articles.release();
  }
}

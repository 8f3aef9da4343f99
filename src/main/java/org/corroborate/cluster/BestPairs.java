package org.corroborate.cluster;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.corroborate.spark.Chunks;
import org.corroborate.spark.Plans;
import org.corroborate.util.TopScores;
import scala.Tuple2;

/**
 * The best pairs of each article: of the pairs each article takes part in, the {@code limit} with
 * the highest score, ties to the lower partner number.
 *
 * <p>A story pair is among the best of either of its articles, so it has to reach both: at a
 * million articles, 200 million scored pairs sent to both ends as rows of a Spark SQL shuffle were
 * a fifth of the story phase. Here the pairs travel as packed entries (two ints and a double) in
 * chunks of thousands, each task keeps a bounded heap per article of its partition
 * ({@link TopScores}), in one pass and without a sort, and a first article's record keeps only
 * its own best partners for its own end before anything is sent: an article's best pairs are
 * among the best of each part of its pairs.
 */
final class BestPairs {
  /** Entries (from, to, score) per chunk sent to one partition. */
  static final int CHUNK = 4096;
  private static final int ENTRY = 2 * Integer.BYTES + Double.BYTES;

  private BestPairs() {}

  /**
   * Pairs ({@code a < b}, {@code score}) among the {@code limit} best of each article, either
   * end, from the scored pairs of {@code scored} ({@link WaveScoring.ScoredFirst} records, each
   * pair in one record); article numbers are below {@code articles}. In order of {@code a}, then
   * {@code b}, within each partition.
   */
  static Dataset<Row> perArticle(JavaRDD<byte[]> scored, long articles, int limit) {
    int partitions = Plans.shufflePartitions();
    HashPartitioner byNumber = new HashPartitioner(partitions);
    JavaRDD<Row> pairs = scored
        .mapPartitionsToPair(records -> ends(records, limit, partitions))
        .partitionBy(byNumber)
        .mapPartitionsToPair(chunks -> best(Chunks.bytes(chunks), articles, limit, partitions).iterator())
        .partitionBy(byNumber)
        .mapPartitions(chunks -> distinct(Chunks.bytes(chunks), articles, partitions).iterator());
    return SparkSession.active().createDataFrame(pairs, WaveScoring.PAIR_SCHEMA);
  }

  /**
   * Each pair of {@code records} as an entry for both its ends, in chunks by the partition of the
   * end ({@code from}); a first article's own end gets only its {@code limit} best partners of
   * the record.
   */
  static Iterator<Tuple2<Integer, byte[]>> ends(Iterator<byte[]> records, int limit, int partitions) {
    Chunks chunks = new Chunks(partitions, ENTRY, CHUNK);
    return Chunks.of(records, chunks, record -> {
      ByteBuffer in = ByteBuffer.wrap(record);
      int a = in.getInt();
      int n = WaveScoring.ScoredFirst.size(record);
      TopScores own = n > limit ? new TopScores(limit) : null;
      for (int i = 0; i < n; i++) {
        int b = in.getInt();
        double s = in.getDouble();
        put(chunks, partitions, b, a, s);
        if (own == null) {
          put(chunks, partitions, a, b, s);
        } else {
          own.offer(b, s);
        }
      }
      if (own != null) {
        long[] bs = own.ids();
        double[] scores = own.scores();
        for (int i = 0; i < bs.length; i++) {
          put(chunks, partitions, a, (int) bs[i], scores[i]);
        }
      }
    });
  }

  /** An entry for the partition of {@code from}. */
  private static void put(Chunks chunks, int partitions, int from, int to, double score) {
    int p = from % partitions;
    chunks.to(p).putInt(from).putInt(to).putDouble(score);
    chunks.written(p);
  }

  /**
   * The {@code limit} best partners of each article of one partition, from entries of that
   * partition ({@code from % partitions} is the partition): each kept pair as an entry
   * ({@code a < b}), in chunks by the partition of {@code a}.
   */
  static List<Tuple2<Integer, byte[]>> best(Iterator<byte[]> chunks, long articles, int limit, int partitions) {
    TopScores[] tops = new TopScores[(int) ((articles + partitions - 1) / partitions)];
    int partition = -1;
    while (chunks.hasNext()) {
      ByteBuffer in = ByteBuffer.wrap(chunks.next());
      while (in.hasRemaining()) {
        int from = in.getInt();
        int to = in.getInt();
        double s = in.getDouble();
        partition = from % partitions;
        TopScores top = tops[from / partitions];
        if (top == null) {
          top = new TopScores(limit);
          tops[from / partitions] = top;
        }
        top.offer(to, s);
      }
    }
    Chunks out = new Chunks(partitions, ENTRY, CHUNK);
    List<Tuple2<Integer, byte[]>> kept = new ArrayList<>();
    for (int local = 0; local < tops.length; local++) {
      if (tops[local] == null) {
        continue;
      }
      int from = local * partitions + partition;
      long[] partners = tops[local].ids();
      double[] scores = tops[local].scores();
      for (int i = 0; i < partners.length; i++) {
        int to = (int) partners[i];
        put(out, partitions, Math.min(from, to), Math.max(from, to), scores[i]);
        while (out.hasReady()) {
          kept.add(out.take());
        }
      }
    }
    out.flush();
    while (out.hasReady()) {
      kept.add(out.take());
    }
    return kept;
  }

  /**
   * Rows {@code a, b, score} of the distinct pairs of entries ({@code a < b}) of one partition
   * ({@code a % partitions} is the partition), by {@code a} then {@code b}: a pair among the best
   * of both its articles comes from both. A counting sort by {@code a} puts each article's
   * partners together.
   */
  static List<Row> distinct(Iterator<byte[]> chunks, long articles, int partitions) {
    List<byte[]> all = new ArrayList<>();
    int count = 0;
    while (chunks.hasNext()) {
      byte[] chunk = chunks.next();
      all.add(chunk);
      count += chunk.length / ENTRY;
    }
    int locals = (int) ((articles + partitions - 1) / partitions);
    int[] start = new int[locals + 1];
    for (byte[] chunk : all) {
      ByteBuffer in = ByteBuffer.wrap(chunk);
      for (int at = 0; at < chunk.length; at += ENTRY) {
        start[in.getInt(at) / partitions + 1]++;
      }
    }
    for (int i = 0; i < locals; i++) {
      start[i + 1] += start[i];
    }
    int[] fill = Arrays.copyOf(start, locals);
    int[] partners = new int[count];
    double[] scores = new double[count];
    int partition = -1;
    for (byte[] chunk : all) {
      ByteBuffer in = ByteBuffer.wrap(chunk);
      while (in.hasRemaining()) {
        int a = in.getInt();
        partition = a % partitions;
        int at = fill[a / partitions]++;
        partners[at] = in.getInt();
        scores[at] = in.getDouble();
      }
    }
    List<Row> out = new ArrayList<>(count);
    for (int local = 0; local < locals; local++) {
      int from = start[local];
      int to = start[local + 1];
      if (from == to) {
        continue;
      }
      // An article has its own best partners above it and one entry from each later article that
      // keeps it: sorted by partner with the entry's place in the low half, then read in order.
      long[] keys = new long[to - from];
      for (int i = from; i < to; i++) {
        keys[i - from] = (long) partners[i] << 32 | (i - from);
      }
      Arrays.sort(keys);
      long a = (long) local * partitions + partition;
      int previous = -1;
      for (long key : keys) {
        int b = (int) (key >>> 32);
        if (b != previous) {
          out.add(RowFactory.create(a, (long) b, scores[from + (int) key]));
          previous = b;
        }
      }
    }
    return out;
  }

  /** Each pair ({@code a, b, measure}) once from each end: {@code from, to, measure} (a double). */
  static Dataset<Row> directed(Dataset<Row> pairs, String measure) {
    return pairs.select(col("a"), col("b"), col(measure))
        .withColumn("__end", explode(array(lit(0), lit(1))))
        .select(
            when(col("__end").equalTo(0), col("a")).otherwise(col("b")).as("from"),
            when(col("__end").equalTo(0), col("b")).otherwise(col("a")).as("to"),
            col(measure).cast(DataTypes.DoubleType));
  }
}

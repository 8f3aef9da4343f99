package org.corroborate.cluster;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.corroborate.spark.Plans;

/**
 * Scores candidate pairs of articles on a packed value of each (a vector, a signature) without
 * copying values into pair rows. Joining each pair with both values shuffles them once per pair:
 * at a million articles, 118 million copy candidates joined with their signatures spilled 32 GB.
 * Instead each first article's pairs become one row with its value, and the values of the other
 * side reach every task by broadcast, a wave of article numbers at a time, as an array indexed by
 * number. Waves run one after another and keep only the pairs that pass, so one wave's values are in
 * the executors at a time.
 */
final class WaveScoring {
  /** Rows of {@link #score}: {@code a, b, score}. */
  static final StructType PAIR_SCHEMA = new StructType()
      .add("a", DataTypes.LongType)
      .add("b", DataTypes.LongType)
      .add("score", DataTypes.DoubleType);

  /** Bytes of packed values in one array sent to the driver. */
  private static final int PACKED_CHUNK = 4 << 20;

  /** The score of a pair from the packed values of its articles. */
  @FunctionalInterface
  interface PairScore extends Serializable {
    double score(byte[] a, byte[] b);
  }

  private WaveScoring() {}

  /**
   * The pairs of {@code pairs} ({@code a, b}: article numbers below {@code articles}) whose score is
   * at least {@code floor}, with their score, from {@code values} ({@code idx, value}: each
   * article's packed value). Persisted; release when read.
   */
  static Scored score(Dataset<Row> pairs, Dataset<Row> values, long articles, long waveArticles,
      PairScore score, double floor) {
    // Each first article's pairs, as one row with that article's value: written once, on disk, and
    // read by every wave.
    Plans firsts = Plans.cut(pairs.groupBy("a").agg(collect_list(col("b")).as("bs"))
        .join(values.toDF("a", "value_a"), "a")
        .select("a", "value_a", "bs"), StorageLevel.DISK_ONLY());
    Plans.withoutCoalescing(() -> firsts.data().count());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkSession.active().sparkContext());
    List<Plans> waves = new ArrayList<>();
    for (long from = 0; from < articles; from += waveArticles) {
      long start = from;
      long end = Math.min(articles, from + waveArticles);
      Broadcast<byte[][]> wave = jsc.broadcast(collect(values, start, end));
      FlatMapFunction<Row, Row> scoreRow = r -> {
        byte[] value = (byte[]) r.get(1);
        byte[][] others = wave.value();
        List<Long> bs = r.getList(2);
        List<Row> out = new ArrayList<>();
        for (long b : bs) {
          if (b >= start && b < end) {
            double s = score.score(value, others[(int) (b - start)]);
            if (s >= floor) {
              out.add(RowFactory.create(r.getLong(0), b, s));
            }
          }
        }
        return out.iterator();
      };
      Plans scores = Plans.cut(firsts.data().flatMap(scoreRow, Encoders.row(PAIR_SCHEMA)));
      scores.data().count();
      // Executors drop their copies; the driver keeps the wave in its block manager, which may move
      // it to disk, should a lost partition of these scores be recomputed. (Destroying it is not an
      // option: the scores' lineage, serialized with every later task that reads them, refers to it.)
      wave.unpersist(false);
      waves.add(scores);
    }
    firsts.release();
    Dataset<Row> scored = waves.stream().map(Plans::data).reduce(Dataset::union)
        .orElseGet(() -> SparkSession.active().createDataFrame(List.of(), PAIR_SCHEMA));
    return new Scored(scored, waves);
  }

  /** Scored pairs and the persisted waves they are read from. */
  record Scored(Dataset<Row> pairs, List<Plans> held) {
    /** Frees the waves; read (or cache) the pairs first. */
    void release() {
      held.forEach(Plans::release);
    }
  }

  /**
   * The packed values of articles {@code start} (inclusive) to {@code end}, by article number. Each
   * partition sends the driver arrays of up to {@link #PACKED_CHUNK} bytes (number, length, bytes),
   * not a row per article: at a million articles, a wave collected as rows ran a 4 GiB driver out
   * of heap.
   */
  private static byte[][] collect(Dataset<Row> values, long start, long end) {
    MapPartitionsFunction<Row, byte[]> packed = rows -> {
      List<byte[]> chunks = new ArrayList<>();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(PACKED_CHUNK);
      DataOutputStream out = new DataOutputStream(bytes);
      while (rows.hasNext()) {
        Row r = rows.next();
        byte[] value = (byte[]) r.get(1);
        if (bytes.size() > 0 && bytes.size() + 8 + value.length > PACKED_CHUNK) {
          chunks.add(bytes.toByteArray());
          bytes.reset();
        }
        out.writeInt((int) (r.getLong(0) - start));
        out.writeInt(value.length);
        out.write(value);
      }
      if (bytes.size() > 0) {
        chunks.add(bytes.toByteArray());
      }
      return chunks.iterator();
    };
    byte[][] out = new byte[(int) (end - start)][];
    Arrays.fill(out, new byte[0]);
    List<byte[]> parts = values.filter(col(ArticleIndex.IDX).geq(start).and(col(ArticleIndex.IDX).lt(end)))
        .mapPartitions(packed, Encoders.BINARY())
        .collectAsList();
    for (byte[] part : parts) {
      ByteBuffer in = ByteBuffer.wrap(part);
      while (in.hasRemaining()) {
        int at = in.getInt();
        byte[] value = new byte[in.getInt()];
        in.get(value);
        out[at] = value;
      }
    }
    return out;
  }
}

package org.corroborate.cluster;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.PartitionPruningRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.corroborate.spark.Plans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;
import scala.runtime.AbstractFunction1;

/**
 * Scores candidate pairs of articles on a packed value of each (a vector, a signature) without
 * copying values into pair rows. Joining each pair with both values shuffles them once per pair:
 * at a million articles, 118 million copy candidates joined with their signatures spilled 32 GB.
 * Instead each first article's pairs become records with its value, and the values of the other
 * side reach every task by broadcast, a wave of article numbers at a time, as an array indexed by
 * number. Waves run one after another and keep only the pairs that pass, so one wave's values are in
 * the executors at a time.
 *
 * <p>A first article's record is cut by wave: one record per wave its partners are in, with its
 * value, in one of that wave's partitions. Each wave reads only its own partitions, so every record
 * is read once. (An earlier version kept one record per first article, partitioned by ranges of
 * article numbers, and each wave read every range with a partner in it: candidates lie within a
 * time window, and when the corpus spans the same days at ten times the articles, the window holds
 * ten times as many waves, so the reading grew with the square of the corpus: at a million
 * generated articles 18 waves read 26% of all ranges each.)
 */
final class WaveScoring {
  /** Scored pairs: {@code a, b, score}. */
  static final StructType PAIR_SCHEMA = new StructType()
      .add("a", DataTypes.LongType)
      .add("b", DataTypes.LongType)
      .add("score", DataTypes.DoubleType);

  /** Rows of {@link #scoreGrouped}'s input with packed partners: {@code a, value_a, bs}. */
  static final StructType GROUPED_SCHEMA = new StructType()
      .add("a", DataTypes.LongType)
      .add("value_a", DataTypes.BinaryType)
      .add("bs", DataTypes.BinaryType);

  private static final Logger LOG = LoggerFactory.getLogger(WaveScoring.class);

  /** Bytes of packed values in one array sent to the driver. */
  private static final int PACKED_CHUNK = 4 << 20;

  /**
   * Fewest partitions of first-article records per wave (the tasks that score a wave side by side);
   * more when there are more cores and few waves.
   */
  static final int PARTITIONS_PER_WAVE = 8;

  /** The score of a pair from the packed values of its articles. */
  @FunctionalInterface
  interface PairScore extends Serializable {
    double score(byte[] a, byte[] b);

    /**
     * {@code a} prepared for scoring against each of its partners in turn; the same scores as
     * {@link #score}. By default nothing is prepared.
     */
    default Scorer against(byte[] a) {
      return b -> score(a, b);
    }
  }

  /** One value's score against others' ({@link PairScore#against}). */
  interface Scorer {
    double score(byte[] b);
  }

  private WaveScoring() {}

  /**
   * The pairs of {@code partners} ({@link BlockPairs#PARTNERS} rows: first articles {@code a} and
   * their partners above them, packed; an article may have several rows) whose score is at least
   * {@code floor}, each pair once, with its score, from {@code values} ({@code idx, value}: each
   * article's packed value). Article numbers are below {@code articles}. Persisted; release when
   * read.
   */
  static Scored scorePartners(Dataset<Row> partners, Dataset<Row> values, long articles, long waveArticles,
      PairScore score, double floor) {
    return scoreGrouped(withValues(partners, values), values, articles, waveArticles, score, floor);
  }

  /**
   * Each first article of {@code partners} with its value and all its partners, as
   * {@link #scoreGrouped} takes them. One shuffle brings an article's value and its partner rows
   * (one from each task and chunk that paired it) together, sorted by article: a join would
   * shuffle the partner rows twice.
   */
  private static Dataset<Row> withValues(Dataset<Row> partners, Dataset<Row> values) {
    Column none = lit(null).cast(DataTypes.BinaryType);
    return partners.select(col("a"), none.as("value_a"), col("bs"))
        .union(values.toDF("a", "value_a").select(col("a"), col("value_a"), none.as("bs")))
        .repartition(Plans.shufflePartitions(), col("a"))
        .sortWithinPartitions("a")
        .mapPartitions((Iterator<Row> rows) -> new WithValue(rows), Encoders.row(GROUPED_SCHEMA));
  }

  /**
   * Each article's value with its partners merged: from rows sorted by article, its value row
   * ({@code a, value, null}) and its partner rows ({@code a, null, packed partners}) in any order.
   * An article without partners gives no row.
   */
  static final class WithValue implements Iterator<Row> {
    private final Iterator<Row> rows;
    private Row ahead;
    private Row next;

    WithValue(Iterator<Row> rows) {
      this.rows = rows;
      this.ahead = rows.hasNext() ? rows.next() : null;
    }

    @Override
    public boolean hasNext() {
      while (next == null && ahead != null) {
        next = group();
      }
      return next != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row out = next;
      next = null;
      return out;
    }

    /** The row of the article of {@code ahead}, or null if it has no value or no partners. */
    private Row group() {
      long a = ahead.getLong(0);
      byte[] value = null;
      List<byte[]> parts = new ArrayList<>();
      int total = 0;
      while (ahead != null && ahead.getLong(0) == a) {
        if (!ahead.isNullAt(1)) {
          value = (byte[]) ahead.get(1);
        }
        if (!ahead.isNullAt(2)) {
          byte[] part = (byte[]) ahead.get(2);
          parts.add(part);
          total += part.length / Integer.BYTES;
        }
        ahead = rows.hasNext() ? rows.next() : null;
      }
      if (value == null || total == 0) {
        return null;
      }
      if (parts.size() == 1) {
        // One task paired this article: its partners are already distinct and ascending.
        return RowFactory.create(a, value, parts.get(0));
      }
      int[] all = new int[total];
      int at = 0;
      for (byte[] part : parts) {
        int n = part.length / Integer.BYTES;
        ByteBuffer.wrap(part).asIntBuffer().get(all, at, n);
        at += n;
      }
      Arrays.sort(all);
      int distinct = 0;
      for (int i = 0; i < all.length; i++) {
        if (i == 0 || all[i] != all[i - 1]) {
          all[distinct++] = all[i];
        }
      }
      return RowFactory.create(a, value, BlockPairs.pack(all, distinct));
    }
  }

  /**
   * {@link #scorePartners}, given each first article's pairs already grouped with its value: {@code
   * grouped} has {@code a, value_a, bs} (its partners' numbers, each above {@code a}: a list of
   * longs, or ints packed by {@link BlockPairs#pack} in ascending order).
   */
  static Scored scoreGrouped(Dataset<Row> grouped, Dataset<Row> values, long articles, long waveArticles,
      PairScore score, double floor) {
    Waves<Plans> waves = eachWave(grouped, values, articles, waveArticles, (inWave, others, start) -> {
      FlatMapFunction<byte[], Row> scoreFirst = record -> {
        First f = First.unpack(record);
        List<Row> out = new ArrayList<>();
        f.scoreEach(others.value(), start, score, floor, (b, s) -> out.add(RowFactory.create((long) f.a, (long) b, s)));
        return out.iterator();
      };
      Plans scores = Plans.cut(SparkSession.active().createDataFrame(inWave.flatMap(scoreFirst), PAIR_SCHEMA));
      scores.data().count();
      return scores;
    });
    Dataset<Row> scored = waves.outputs().stream().map(Plans::data).reduce(Dataset::union)
        .orElseGet(() -> SparkSession.active().createDataFrame(List.of(), PAIR_SCHEMA));
    return new Scored(scored, waves.outputs(), waves.reading());
  }

  /**
   * {@link #scorePartners}, with the pairs that pass as packed records ({@link ScoredFirst}), one
   * per first article and wave: 12 bytes a pair rather than a row of three columns, for a step
   * that reads each pair once more and needs no Spark SQL, as {@link BestPairs#perArticle} does.
   * Persisted on disk; release when read.
   */
  static Packed scorePartnersPacked(Dataset<Row> partners, Dataset<Row> values, long articles, long waveArticles,
      PairScore score, double floor) {
    Waves<JavaRDD<byte[]>> waves = eachWave(withValues(partners, values), values, articles, waveArticles,
        (inWave, others, start) -> {
          JavaRDD<byte[]> scores = inWave
              .map(record -> ScoredFirst.of(First.unpack(record), others.value(), start, score, floor))
              .filter(record -> ScoredFirst.size(record) > 0)
              .persist(StorageLevel.DISK_ONLY());
          scores.count();
          return scores;
        });
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkSession.active().sparkContext());
    JavaRDD<byte[]> all = waves.outputs().stream().reduce(JavaRDD::union).orElseGet(jsc::emptyRDD);
    return new Packed(all, waves.outputs(), waves.reading());
  }

  /** What a wave makes of its first articles' records and its articles' values (see {@link #eachWave}). */
  @FunctionalInterface
  private interface WaveStep<T> {
    /**
     * The wave's output, computed and persisted before it returns: {@code inWave} holds the
     * wave's records ({@link First}), {@code others} the values of its articles by number from
     * {@code start}.
     */
    T run(JavaRDD<byte[]> inWave, Broadcast<byte[][]> others, long start);
  }

  /** The outputs of the waves that had records, and what the waves read. */
  private record Waves<T>(List<T> outputs, Reading reading) {}

  /**
   * Runs {@code step} for each wave of {@code waveArticles} article numbers in turn, with that
   * wave's values broadcast: {@code grouped} has {@code a, value_a, bs} (see {@link #scoreGrouped}).
   */
  private static <T> Waves<T> eachWave(Dataset<Row> grouped, Dataset<Row> values, long articles, long waveArticles,
      WaveStep<T> step) {
    int waves = (int) Math.max(1, (articles + waveArticles - 1) / waveArticles);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkSession.active().sparkContext());
    // Waves run one after another: a wave gets up to a task per core, but all waves together not
    // much more than twice the shuffle partitions, since every task that writes the records writes
    // to every partition.
    long share = (2L * Plans.shufflePartitions() + waves - 1) / waves;
    int perWave = (int) Math.max(PARTITIONS_PER_WAVE, Math.min(jsc.defaultParallelism(), share));
    int partitions = waves * perWave;
    // Each first article's pairs, split by the wave of the partner: one record per article and wave,
    // with the article's value, in one of its wave's partitions; written once, on disk. A wave reads
    // its own records only, so every record is read once, however many waves the corpus has.
    // (Records are packed as bytes: Spark reads a byte array back far faster than an object.)
    JavaRDD<byte[]> firsts = grouped
        .javaRDD()
        .flatMapToPair(r -> byWave(First.of(r), waveArticles, perWave).iterator())
        .partitionBy(new HashPartitioner(partitions))
        .values()
        .persist(StorageLevel.DISK_ONLY());
    // Each article's value, in the partition of its wave, so that a wave reads its own values only.
    JavaRDD<byte[]> valuesByWave = values.javaRDD()
        .mapToPair(r -> new Tuple2<>((int) (r.getLong(0) / waveArticles), numbered(r.getLong(0), (byte[]) r.get(1))))
        .partitionBy(new HashPartitioner(waves))
        .values()
        .persist(StorageLevel.DISK_ONLY());
    // How many records each partition holds (computing them on the way): a wave with none is skipped.
    List<Tuple2<Integer, Long>> sizes = firsts.mapPartitionsWithIndex((p, records) -> {
      long n = 0;
      for (; records.hasNext(); records.next()) {
        n++;
      }
      return List.of(new Tuple2<>(p, n)).iterator();
    }, true).collect();
    long[] recordsIn = new long[partitions];
    for (Tuple2<Integer, Long> t : sizes) {
      recordsIn[t._1()] = t._2();
    }
    List<T> outputs = new ArrayList<>();
    long records = 0;
    for (int w = 0; w < waves; w++) {
      BitSet reads = new BitSet(partitions);
      for (int p = w * perWave; p < (w + 1) * perWave; p++) {
        if (recordsIn[p] > 0) {
          reads.set(p);
          records += recordsIn[p];
        }
      }
      if (reads.isEmpty()) {
        continue;
      }
      long start = w * waveArticles;
      long end = Math.min(articles, start + waveArticles);
      Broadcast<byte[][]> inWaveValues = jsc.broadcast(collect(valuesByWave, w, start, end));
      JavaRDD<byte[]> inWave = JavaRDD.fromRDD(
          PartitionPruningRDD.create(firsts.rdd(), new InSet(reads)), firsts.classTag());
      outputs.add(step.run(inWave, inWaveValues, start));
      // Executors drop their copies; the driver keeps the wave in its block manager, which may move
      // it to disk, should a lost partition of the output be recomputed. (Destroying it is not an
      // option: the output's lineage, serialized with every later task that reads it, refers to it.)
      inWaveValues.unpersist(false);
    }
    firsts.unpersist(false);
    valuesByWave.unpersist(false);
    LOG.info("wave scoring: {} waves read {} records of first articles' pairs (one per article and wave, each read by its wave only)",
        waves, records);
    return new Waves<>(outputs, new Reading(waves, partitions, records));
  }

  /**
   * What the waves read: {@code records} first-article records (one per article and wave its
   * partners are in) from {@code partitions} partitions, each record by its own wave only.
   */
  record Reading(int waves, int partitions, long records) implements Serializable {}

  /** A first article's number, value and partners' numbers (ascending). */
  static final class First implements Serializable {
    private static final long serialVersionUID = 1L;
    final int a;
    final byte[] value;
    final int[] bs;

    First(int a, byte[] value, int[] bs) {
      this.a = a;
      this.value = value;
      this.bs = bs;
    }

    /** The record as bytes: number, value length, value, partners. */
    byte[] pack() {
      ByteBuffer out = ByteBuffer.allocate(Integer.BYTES * (2 + bs.length) + value.length);
      out.putInt(a).putInt(value.length).put(value);
      for (int b : bs) {
        out.putInt(b);
      }
      return out.array();
    }

    /** Each partner's score against this article, when at least {@code floor}, to {@code sink}. */
    void scoreEach(byte[][] others, long start, PairScore score, double floor, PartnerSink sink) {
      Scorer first = score.against(value);
      for (int b : bs) {
        double s = first.score(others[(int) (b - start)]);
        if (s >= floor) {
          sink.accept(b, s);
        }
      }
    }

    /** Receives a partner and its pair's score. */
    interface PartnerSink {
      void accept(int b, double score);
    }

    static First unpack(byte[] packed) {
      ByteBuffer in = ByteBuffer.wrap(packed);
      int a = in.getInt();
      byte[] value = new byte[in.getInt()];
      in.get(value);
      int[] bs = new int[in.remaining() / Integer.BYTES];
      in.asIntBuffer().get(bs);
      return new First(a, value, bs);
    }

    static First of(Row r) {
      if (r.get(2) instanceof byte[] packed) {
        return new First((int) r.getLong(0), (byte[]) r.get(1), BlockPairs.unpack(packed));
      }
      List<Long> partners = r.getList(2);
      int[] bs = new int[partners.size()];
      for (int i = 0; i < bs.length; i++) {
        bs[i] = (int) (long) partners.get(i);
      }
      Arrays.sort(bs);
      return new First((int) r.getLong(0), (byte[]) r.get(1), bs);
    }
  }

  /**
   * The records of {@code f} by wave: its partners cut into runs of one wave each, keyed by one of
   * that wave's {@code perWave} partitions (spread by article number).
   */
  static List<Tuple2<Integer, byte[]>> byWave(First f, long waveArticles, int perWave) {
    List<Tuple2<Integer, byte[]>> out = new ArrayList<>(1);
    int from = 0;
    while (from < f.bs.length) {
      long wave = f.bs[from] / waveArticles;
      int to = from + 1;
      while (to < f.bs.length && f.bs[to] / waveArticles == wave) {
        to++;
      }
      int partition = (int) (wave * perWave + f.a % perWave);
      out.add(new Tuple2<>(partition, new First(f.a, f.value, Arrays.copyOfRange(f.bs, from, to)).pack()));
      from = to;
    }
    return out;
  }

  /** The partitions of a set, as the filter {@link PartitionPruningRDD} takes. */
  private static final class InSet extends AbstractFunction1<Object, Object> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final BitSet partitions;

    InSet(BitSet partitions) {
      this.partitions = partitions;
    }

    @Override
    public Object apply(Object partition) {
      return partitions.get((Integer) partition);
    }
  }

  /** Scored pairs and the persisted waves they are read from. */
  record Scored(Dataset<Row> pairs, List<Plans> held, Reading reading) {
    /** Frees the waves; read (or cache) the pairs first. */
    void release() {
      held.forEach(Plans::release);
    }
  }

  /** Scored pairs as packed records ({@link ScoredFirst}) and the persisted waves they are read from. */
  record Packed(JavaRDD<byte[]> records, List<JavaRDD<byte[]>> held, Reading reading) {
    /** Frees the waves; read the records first. */
    void release() {
      held.forEach(r -> r.unpersist(false));
    }
  }

  /**
   * A first article's pairs that passed, as one record: its number, then each partner's number
   * and the pair's score (an int and a double), partners ascending.
   */
  static final class ScoredFirst {
    static final int HEADER = Integer.BYTES;
    static final int ENTRY = Integer.BYTES + Double.BYTES;

    private ScoredFirst() {}

    /** The record of {@code f}'s partners scoring at least {@code floor} against {@code others} (numbered from {@code start}). */
    static byte[] of(First f, byte[][] others, long start, PairScore score, double floor) {
      int[] bs = new int[f.bs.length];
      double[] scores = new double[f.bs.length];
      int[] n = new int[1];
      f.scoreEach(others, start, score, floor, (b, s) -> {
        bs[n[0]] = b;
        scores[n[0]++] = s;
      });
      return pack(f.a, bs, scores, n[0]);
    }

    /** The record of first article {@code a} with the first {@code n} partners and scores. */
    static byte[] pack(int a, int[] bs, double[] scores, int n) {
      ByteBuffer out = ByteBuffer.allocate(HEADER + n * ENTRY);
      out.putInt(a);
      for (int i = 0; i < n; i++) {
        out.putInt(bs[i]).putDouble(scores[i]);
      }
      return out.array();
    }

    /** Number of pairs in the record. */
    static int size(byte[] record) {
      return (record.length - HEADER) / ENTRY;
    }
  }

  /** An article's number and value as one record: number, value. */
  private static byte[] numbered(long idx, byte[] value) {
    return ByteBuffer.allocate(Long.BYTES + value.length).putLong(idx).put(value).array();
  }

  /**
   * The values of wave {@code wave}, articles {@code start} (inclusive) to {@code end}, by article
   * number, from {@code valuesByWave} ({@link #numbered} records in the partition of their wave).
   * The wave's partition sends the driver arrays of up to {@link #PACKED_CHUNK} bytes, not a
   * record per article: at a million articles, a wave collected as rows ran a 4 GiB driver out of
   * heap.
   */
  private static byte[][] collect(JavaRDD<byte[]> valuesByWave, int wave, long start, long end) {
    FlatMapFunction<Iterator<byte[]>, byte[]> packed = records -> {
      List<byte[]> chunks = new ArrayList<>();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(PACKED_CHUNK);
      DataOutputStream out = new DataOutputStream(bytes);
      while (records.hasNext()) {
        byte[] record = records.next();
        int length = record.length - Long.BYTES;
        if (bytes.size() > 0 && bytes.size() + 8 + length > PACKED_CHUNK) {
          chunks.add(bytes.toByteArray());
          bytes.reset();
        }
        out.writeInt((int) (ByteBuffer.wrap(record).getLong() - start));
        out.writeInt(length);
        out.write(record, Long.BYTES, length);
      }
      if (bytes.size() > 0) {
        chunks.add(bytes.toByteArray());
      }
      return chunks.iterator();
    };
    byte[][] out = new byte[(int) (end - start)][];
    Arrays.fill(out, new byte[0]);
    BitSet only = new BitSet();
    only.set(wave);
    List<byte[]> parts = JavaRDD.fromRDD(PartitionPruningRDD.create(valuesByWave.rdd(), new InSet(only)),
            valuesByWave.classTag())
        .mapPartitions(packed)
        .collect();
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

package org.corroborate.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.corroborate.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Wave scoring: every pair scored exactly, and every record read by one wave only. */
class WaveScoringTest {
  private static final StructType VALUES = new StructType()
      .add("idx", DataTypes.LongType)
      .add("value", DataTypes.BinaryType);
  private static final int ARTICLES = 2_000;

  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.session();
  }

  /** Each article's value is its number; a pair scores the sum of its two numbers modulo 10. */
  private static final WaveScoring.PairScore SUM_MOD_10 =
      (x, y) -> (ByteBuffer.wrap(x).getInt() + ByteBuffer.wrap(y).getInt()) % 10;

  @Test
  void localPairsAreReadOncePerArticleAndWave() {
    // Partners within 30 numbers of each other, as articles numbered in time order are.
    Random random = new Random(5);
    List<long[]> pairs = new ArrayList<>();
    for (int a = 0; a < ARTICLES; a++) {
      for (int k = 0; k < 3; k++) {
        int b = a + 1 + random.nextInt(30);
        if (b < ARTICLES) {
          pairs.add(new long[] {a, b});
        }
      }
    }
    WaveScoring.Scored scored = score(pairs, 100);
    assertEquals(expected(pairs), actual(scored));
    WaveScoring.Reading reading = scored.reading();
    assertEquals(20, reading.waves());
    assertEquals(0, reading.partitions() % 20, "partitions: whole waves of them");
    assertTrue(reading.partitions() / 20 >= WaveScoring.PARTITIONS_PER_WAVE, "partitions: " + reading.partitions());
    // One record per first article and wave of its partners, read once: about 2,000 articles, the
    // few near the end of a wave with a second record for partners in the next.
    assertEquals(articleWaves(pairs, 100), reading.records());
    assertTrue(reading.records() < 2_000 * 13 / 10, "records: " + reading.records());
    scored.release();
  }

  @Test
  void pairsAcrossTheCorpusAreAllScored() {
    Random random = new Random(9);
    List<long[]> pairs = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      int a = random.nextInt(ARTICLES - 1);
      int b = a + 1 + random.nextInt(ARTICLES - a - 1);
      pairs.add(new long[] {a, b});
    }
    WaveScoring.Scored scored = score(pairs, 300);
    assertEquals(expected(pairs), actual(scored));
    // Far partners: an article's record is cut into one per wave its partners are in.
    assertEquals(articleWaves(pairs, 300), scored.reading().records());
    scored.release();
  }

  /** The distinct (first article, wave of the partner) of {@code pairs}. */
  private static long articleWaves(List<long[]> pairs, long waveArticles) {
    return pairs.stream().map(p -> p[0] * 1_000_000 + p[1] / waveArticles).distinct().count();
  }

  @Test
  void partnersInSeveralRowsWithRepeatsAreScoredOnce() {
    Random random = new Random(11);
    List<long[]> pairs = new ArrayList<>();
    List<Row> partnerRows = new ArrayList<>();
    for (int a = 0; a < ARTICLES - 1; a++) {
      // Each article's partners in up to three rows (three tasks), which repeat some of them.
      TreeMap<Integer, List<Integer>> rows = new TreeMap<>();
      for (int k = 0; k < 4; k++) {
        int b = a + 1 + random.nextInt(Math.min(40, ARTICLES - a - 1));
        pairs.add(new long[] {a, b});
        rows.computeIfAbsent(random.nextInt(3), r -> new ArrayList<>()).add(b);
        if (random.nextBoolean()) {
          rows.computeIfAbsent(random.nextInt(3), r -> new ArrayList<>()).add(b);
        }
      }
      for (List<Integer> bs : rows.values()) {
        int[] sorted = bs.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        partnerRows.add(RowFactory.create((long) a, BlockPairs.pack(sorted, sorted.length)));
      }
    }
    WaveScoring.Scored scored = WaveScoring.scorePartners(
        spark.createDataFrame(partnerRows, BlockPairs.PARTNERS), values(), ARTICLES, 300, SUM_MOD_10, 5);
    assertEquals(expected(pairs), actual(scored));
    scored.release();
  }

  @Test
  void anArticleWithoutPartnersOrWithoutValueGivesNoRecord() {
    byte[] value = {1};
    List<Row> rows = List.of(
        RowFactory.create(1L, value, null),
        RowFactory.create(2L, null, BlockPairs.pack(new int[] {5, 9}, 2)),
        RowFactory.create(2L, value, null),
        RowFactory.create(2L, null, BlockPairs.pack(new int[] {3, 9}, 2)),
        RowFactory.create(4L, null, BlockPairs.pack(new int[] {7}, 1)),
        RowFactory.create(6L, null, BlockPairs.pack(new int[] {8}, 1)),
        RowFactory.create(6L, value, null));
    List<Row> out = new ArrayList<>();
    new WaveScoring.WithValue(rows.iterator()).forEachRemaining(out::add);
    assertEquals(2, out.size());
    assertEquals(2L, out.get(0).getLong(0));
    assertArrayEquals(new int[] {3, 5, 9}, BlockPairs.unpack((byte[]) out.get(0).get(2)));
    assertEquals(6L, out.get(1).getLong(0));
    assertArrayEquals(value, (byte[]) out.get(1).get(1));
    assertArrayEquals(new int[] {8}, BlockPairs.unpack((byte[]) out.get(1).get(2)));
  }

  private static Dataset<Row> values() {
    List<Row> valueRows = new ArrayList<>();
    for (int i = 0; i < ARTICLES; i++) {
      valueRows.add(RowFactory.create((long) i, ByteBuffer.allocate(4).putInt(i).array()));
    }
    return spark.createDataFrame(valueRows, VALUES);
  }

  /** Scores {@code pairs} (repeats allowed) given as one partner row per first article. */
  private static WaveScoring.Scored score(List<long[]> pairs, long waveArticles) {
    TreeMap<Long, TreeSet<Integer>> partners = new TreeMap<>();
    for (long[] p : pairs) {
      partners.computeIfAbsent(p[0], a -> new TreeSet<>()).add((int) p[1]);
    }
    List<Row> rows = new ArrayList<>();
    partners.forEach((a, bs) -> {
      int[] sorted = bs.stream().mapToInt(Integer::intValue).toArray();
      rows.add(RowFactory.create(a, BlockPairs.pack(sorted, sorted.length)));
    });
    return WaveScoring.scorePartners(spark.createDataFrame(rows, BlockPairs.PARTNERS), values(), ARTICLES,
        waveArticles, SUM_MOD_10, 5);
  }

  private static TreeMap<Long, Double> expected(List<long[]> pairs) {
    TreeMap<Long, Double> out = new TreeMap<>();
    for (long[] p : pairs) {
      double s = (p[0] + p[1]) % 10;
      if (s >= 5) {
        out.put(p[0] * ARTICLES + p[1], s);
      }
    }
    return out;
  }

  private static TreeMap<Long, Double> actual(WaveScoring.Scored scored) {
    TreeMap<Long, Double> out = new TreeMap<>();
    for (Row r : scored.pairs().collectAsList()) {
      Double before = out.put(r.getLong(0) * ARTICLES + r.getLong(1), r.getDouble(2));
      assertEquals(null, before, "pair scored twice: " + r);
    }
    return out;
  }
}

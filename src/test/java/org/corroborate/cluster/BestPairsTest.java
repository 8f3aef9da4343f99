package org.corroborate.cluster;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.row_number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.corroborate.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

class BestPairsTest {
  private static final StructType PAIRS = new StructType()
      .add("a", DataTypes.LongType)
      .add("b", DataTypes.LongType)
      .add("score", DataTypes.DoubleType);

  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.session();
  }

  /** The definition: rank each article's pairs by score, then partner, and keep the first {@code limit}. */
  private static Dataset<Row> ranked(Dataset<Row> pairs, int limit) {
    Dataset<Row> directed = pairs.select(col("a").as("from"), col("b").as("to"), col("score"))
        .union(pairs.select(col("b").as("from"), col("a").as("to"), col("score")));
    return directed
        .withColumn("rank", row_number().over(Window.partitionBy("from").orderBy(col("score").desc(), col("to").asc())))
        .filter(col("rank").leq(limit))
        .select(least(col("from"), col("to")).as("a"), greatest(col("from"), col("to")).as("b"), col("score"))
        .dropDuplicates("a", "b");
  }

  @Test
  void keepsWhatARankingOfEachArticlesPairsKeeps() {
    // Scores on a coarse grid, so that many pairs of one article tie and the partner decides.
    Random random = new Random(13);
    List<Row> rows = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (int n = 0; n < 4_000; n++) {
      long a = random.nextInt(300);
      long b = random.nextInt(300);
      if (a == b || !seen.add(Math.min(a, b) * 1_000 + Math.max(a, b))) {
        continue;
      }
      rows.add(RowFactory.create(Math.min(a, b), Math.max(a, b), random.nextInt(5) / 4.0));
    }
    Dataset<Row> pairs = spark.createDataFrame(rows, PAIRS);
    JavaRDD<byte[]> scored = records(rows, random);
    for (int limit : new int[] {1, 3, 40}) {
      Set<String> expected = strings(ranked(pairs, limit));
      Set<String> actual = strings(BestPairs.perArticle(scored, 300, limit));
      assertEquals(expected, actual, "limit " + limit);
      assertTrue(actual.size() < rows.size() || limit == 40, "limit " + limit + " drops pairs");
    }
  }

  @Test
  void eachArticleKeepsItsBestPartnersWhateverTheirOrder() {
    ByteBuffer chunk = ByteBuffer.allocate(4 * 16);
    chunk.putInt(0).putInt(7).putDouble(0.5).putInt(0).putInt(3).putDouble(0.5)
        .putInt(0).putInt(9).putDouble(0.9).putInt(0).putInt(1).putDouble(0.1);
    List<Tuple2<Integer, byte[]>> kept = BestPairs.best(List.of(chunk.array()).iterator(), 10, 2, 1);
    List<Row> rows = BestPairs.distinct(kept.stream().map(Tuple2::_2).iterator(), 10, 1);
    Set<String> pairs = new TreeSet<>();
    rows.forEach(r -> pairs.add(r.getLong(0) + "-" + r.getLong(1) + "@" + r.getDouble(2)));
    // 0.9 first; of the two at 0.5 the lower partner.
    assertEquals(Set.of("0-9@0.9", "0-3@0.5"), pairs);
  }

  @Test
  void aPairKeptAtBothEndsComesOutOnceInOrder() {
    // Two articles, each the other's best: both ends keep the pair; and 2's other pair, given first.
    ByteBuffer chunk = ByteBuffer.allocate(3 * 16);
    chunk.putInt(2).putInt(8).putDouble(0.2).putInt(2).putInt(4).putDouble(0.7).putInt(2).putInt(4).putDouble(0.7);
    List<Row> rows = BestPairs.distinct(List.of(chunk.array()).iterator(), 10, 2);
    assertEquals(List.of("2-4@0.7", "2-8@0.2"), rows.stream().map(r -> r.getLong(0) + "-" + r.getLong(1) + "@" + r.getDouble(2)).toList());
  }

  /**
   * The pairs as scored first-article records: each article's partners above it cut into one to
   * three records at random, as waves cut them.
   */
  private static JavaRDD<byte[]> records(List<Row> rows, Random random) {
    Map<Integer, List<Row>> byFirst = new TreeMap<>();
    for (Row r : rows) {
      byFirst.computeIfAbsent((int) r.getLong(0), k -> new ArrayList<>()).add(r);
    }
    List<byte[]> out = new ArrayList<>();
    for (Map.Entry<Integer, List<Row>> e : byFirst.entrySet()) {
      List<Row> partners = new ArrayList<>(e.getValue());
      partners.sort(Comparator.comparingLong(r -> r.getLong(1)));
      int from = 0;
      while (from < partners.size()) {
        int to = Math.min(partners.size(), from + 1 + random.nextInt(partners.size()));
        int[] bs = new int[to - from];
        double[] scores = new double[to - from];
        for (int i = from; i < to; i++) {
          bs[i - from] = (int) partners.get(i).getLong(1);
          scores[i - from] = partners.get(i).getDouble(2);
        }
        out.add(WaveScoring.ScoredFirst.pack(e.getKey(), bs, scores, bs.length));
        from = to;
      }
    }
    return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(out, 3);
  }

  private static Set<String> strings(Dataset<Row> pairs) {
    Set<String> out = new TreeSet<>();
    for (Row r : pairs.collectAsList()) {
      out.add(r.getLong(0) + "-" + r.getLong(1) + "@" + r.getDouble(2));
    }
    return out;
  }
}

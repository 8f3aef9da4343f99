package org.corroborate.cluster;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.row_number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
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
    for (int limit : new int[] {1, 3, 40}) {
      Set<String> expected = strings(ranked(pairs, limit));
      Set<String> actual = strings(BestPairs.perArticle(pairs, "score", limit));
      assertEquals(expected, actual, "limit " + limit);
      assertTrue(actual.size() < rows.size() || limit == 40, "limit " + limit + " drops pairs");
    }
  }

  @Test
  void eachArticleKeepsItsBestPartnersWhateverTheirOrder() {
    List<Row> kept = BestPairs.best(List.of(RowFactory.create(0L, 7L, 0.5), RowFactory.create(0L, 3L, 0.5),
        RowFactory.create(0L, 9L, 0.9), RowFactory.create(0L, 1L, 0.1)).iterator(), 2);
    Set<String> pairs = new TreeSet<>();
    kept.forEach(r -> pairs.add(r.getLong(0) + "-" + r.getLong(1) + "@" + r.getDouble(2)));
    // 0.9 first; of the two at 0.5 the lower partner.
    assertEquals(Set.of("0-9@0.9", "0-3@0.5"), pairs);
  }

  private static Set<String> strings(Dataset<Row> pairs) {
    Set<String> out = new TreeSet<>();
    for (Row r : pairs.collectAsList()) {
      out.add(r.getLong(0) + "-" + r.getLong(1) + "@" + r.getDouble(2));
    }
    return out;
  }
}

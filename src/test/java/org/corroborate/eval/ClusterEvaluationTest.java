package org.corroborate.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClusterEvaluationTest {

  private static final double EPS = 1e-9;
  private static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.StringType)
      .add("gold_story", DataTypes.StringType)
      .add("story_id", DataTypes.StringType);

  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = SparkSession.builder()
        .master("local[2]")
        .appName("ClusterEvaluationTest")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  private static Dataset<Row> articles(List<String> gold, List<String> predicted) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < gold.size(); i++) {
      rows.add(RowFactory.create("a" + i, gold.get(i), predicted.get(i)));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  private static void assertScoresClose(ClusterScores expected, ClusterScores actual) {
    assertEquals(expected.articles(), actual.articles(), "articles");
    assertEquals(expected.goldClusters(), actual.goldClusters(), "goldClusters");
    assertEquals(expected.predictedClusters(), actual.predictedClusters(), "predictedClusters");
    assertEquals(expected.bcubedPrecision(), actual.bcubedPrecision(), EPS, "bcubedPrecision");
    assertEquals(expected.bcubedRecall(), actual.bcubedRecall(), EPS, "bcubedRecall");
    assertEquals(expected.bcubedF1(), actual.bcubedF1(), EPS, "bcubedF1");
    assertEquals(expected.pairwisePrecision(), actual.pairwisePrecision(), EPS, "pairwisePrecision");
    assertEquals(expected.pairwiseRecall(), actual.pairwiseRecall(), EPS, "pairwiseRecall");
    assertEquals(expected.pairwiseF1(), actual.pairwiseF1(), EPS, "pairwiseF1");
    assertEquals(expected.ari(), actual.ari(), EPS, "ari");
  }

  @Test
  void matchesTheHandComputedScores() {
    List<String> gold = Arrays.asList("a", "a", "a", "a", "b", "b");
    List<String> predicted = Arrays.asList("x", "x", "x", "y", "y", "y");
    ClusterScores s = ClusterEvaluation.score(articles(gold, predicted), "gold_story", "story_id");
    assertScoresClose(new ClusterScores(6, 2, 2, 7.0 / 9, 0.75, 42.0 / 55, 2.0 / 3, 4.0 / 7,
        8.0 / 13, 12.0 / 37), s);
  }

  @Test
  void agreesWithClusterMetricsOnRandomClusteringsWithUnlabelledArticles() {
    Random random = new Random(7);
    for (int round = 0; round < 3; round++) {
      List<String> gold = new ArrayList<>();
      List<String> predicted = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        int story = random.nextInt(40);
        gold.add(random.nextInt(20) == 0 ? null : "g" + story);
        // Mostly right, sometimes merged with a neighbour or split off, sometimes unassigned.
        int guess = random.nextInt(5) == 0 ? story / 2 : story;
        predicted.add(random.nextInt(50) == 0 ? null : "p" + guess + (random.nextInt(10) == 0 ? "s" : ""));
      }
      ClusterScores expected = ClusterMetrics.fromLabels(gold, predicted);
      ClusterScores actual = ClusterEvaluation.score(articles(gold, predicted), "gold_story", "story_id");
      assertScoresClose(expected, actual);
    }
  }

  @Test
  void scoresEdgeCasesLikeClusterMetrics() {
    List<String> singletons = Arrays.asList("a", "b", "c", "d");
    List<String> oneCluster = Arrays.asList("x", "x", "x", "x");
    assertScoresClose(ClusterMetrics.fromLabels(singletons, oneCluster),
        ClusterEvaluation.score(articles(singletons, oneCluster), "gold_story", "story_id"));
    assertScoresClose(ClusterMetrics.fromLabels(oneCluster, singletons),
        ClusterEvaluation.score(articles(oneCluster, singletons), "gold_story", "story_id"));
    assertScoresClose(new ClusterScores(0, 0, 0, 1, 1, 1, 1, 1, 1, 1),
        ClusterEvaluation.score(articles(List.of(), List.of()), "gold_story", "story_id"));
  }

  @Test
  void comparesLabelsOfAnyTypeAsStrings() {
    Dataset<Row> numeric = spark.range(10).selectExpr("id", "id % 3 AS gold", "id % 3 AS pred");
    ClusterScores s = ClusterEvaluation.score(numeric, "gold", "pred");
    assertEquals(10, s.articles());
    assertEquals(3, s.goldClusters());
    assertEquals(1.0, s.bcubedF1(), EPS);
    assertEquals(1.0, s.ari(), EPS);
  }

  @Test
  void namesTheMissingColumnAndTheAvailableOnes() {
    Dataset<Row> data = articles(List.of("a"), List.of("x"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClusterEvaluation.score(data, "gold", "story_id"));
    assertTrue(e.getMessage().contains("'gold'"), e.getMessage());
    assertTrue(e.getMessage().contains("available: id, gold_story, story_id"), e.getMessage());
  }
}

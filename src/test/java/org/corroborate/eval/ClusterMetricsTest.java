package org.corroborate.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.corroborate.eval.ClusterMetrics.Cell;
import org.junit.jupiter.api.Test;

class ClusterMetricsTest {

  private static final double EPS = 1e-12;

  private static List<String> labels(String letters) {
    return Arrays.asList(letters.split(""));
  }

  /*
   * Gold a a a a b b, predicted x x x y y y (articles 1..6).
   * Cells: (a,x)=3, (a,y)=1, (b,y)=2; |a|=4, |b|=2, |x|=3, |y|=3.
   * B-cubed precision: articles 1-3: 3/3 each = 3; article 4: 1/3; articles 5-6: 2/3 each = 4/3;
   *   sum 14/3, / 6 = 7/9.
   * B-cubed recall: articles 1-3: 3/4 each = 9/4; article 4: 1/4; articles 5-6: 2/2 each = 2;
   *   sum 9/2, / 6 = 3/4.
   * B-cubed F1: 2 (7/9)(3/4) / (7/9 + 3/4) = (42/36) / (55/36) = 42/55.
   * Pairs: tp = C(3,2) + C(1,2) + C(2,2) = 3 + 0 + 1 = 4; predicted = C(3,2) + C(3,2) = 6;
   *   gold = C(4,2) + C(2,2) = 7. P = 4/6 = 2/3, R = 4/7, F1 = (16/21) / (26/21) = 8/13.
   * ARI: C(6,2) = 15; expected = 7 * 6 / 15 = 2.8; max = (7 + 6) / 2 = 6.5;
   *   (4 - 2.8) / (6.5 - 2.8) = 1.2 / 3.7 = 12/37.
   */
  @Test
  void scoresAMixedClusteringAsComputedByHand() {
    ClusterScores s = ClusterMetrics.fromLabels(labels("aaaabb"), labels("xxxyyy"));
    assertEquals(6, s.articles());
    assertEquals(2, s.goldClusters());
    assertEquals(2, s.predictedClusters());
    assertEquals(7.0 / 9, s.bcubedPrecision(), EPS);
    assertEquals(3.0 / 4, s.bcubedRecall(), EPS);
    assertEquals(42.0 / 55, s.bcubedF1(), EPS);
    assertEquals(2.0 / 3, s.pairwisePrecision(), EPS);
    assertEquals(4.0 / 7, s.pairwiseRecall(), EPS);
    assertEquals(8.0 / 13, s.pairwiseF1(), EPS);
    assertEquals(12.0 / 37, s.ari(), EPS);
  }

  /*
   * Gold a a a b b, predicted x x y y y. Cells (a,x)=2, (a,y)=1, (b,y)=2; |a|=3, |b|=2, |x|=2, |y|=3.
   * Precision: 2/2 + 2/2 + 1/3 + 2/3 + 2/3 = 11/3, / 5 = 11/15. Recall: 2/3 + 2/3 + 1/3 + 1 + 1 =
   * 11/3, / 5 = 11/15. Pairs: tp = 1 + 0 + 1 = 2, predicted = 1 + 3 = 4, gold = 3 + 1 = 4: P = R =
   * F1 = 1/2. ARI: C(5,2) = 10, expected = 16/10 = 1.6, max = 4: (2 - 1.6) / (4 - 1.6) = 1/6.
   */
  @Test
  void scoresTheSameFromCellsAsFromLabels() {
    List<Cell> cells = List.of(new Cell("a", "x", 2), new Cell("a", "y", 1), new Cell("b", "y", 1),
        new Cell("b", "y", 1), new Cell("c", "z", 0));
    ClusterScores s = ClusterMetrics.fromContingency(cells);
    assertEquals(5, s.articles());
    assertEquals(2, s.goldClusters(), "a cell with count 0 holds no article and no cluster");
    assertEquals(11.0 / 15, s.bcubedPrecision(), EPS);
    assertEquals(11.0 / 15, s.bcubedRecall(), EPS);
    assertEquals(11.0 / 15, s.bcubedF1(), EPS);
    assertEquals(0.5, s.pairwisePrecision(), EPS);
    assertEquals(0.5, s.pairwiseRecall(), EPS);
    assertEquals(0.5, s.pairwiseF1(), EPS);
    assertEquals(1.0 / 6, s.ari(), EPS);
    assertEquals(s, ClusterMetrics.fromLabels(labels("aaabb"), labels("xxyyy")));
  }

  /* All singletons on both sides: every article's cluster is itself, so B-cubed is 1; no pairs
   * anywhere, so pairwise P and R take the empty convention 1; ARI: expected 0, max 0 -> 1. */
  @Test
  void allSingletonsOnBothSidesIsPerfect() {
    ClusterScores s = ClusterMetrics.fromLabels(labels("abcd"), labels("wxyz"));
    assertEquals(new ClusterScores(4, 4, 4, 1, 1, 1, 1, 1, 1, 1), s);
  }

  /* Gold singletons, one predicted cluster of 4: precision 1/4 per article, recall 1;
   * B-cubed F1 = 2 (1/4) / (5/4) = 0.4. Pairs: tp 0, predicted 6, gold 0 -> P 0, R 1 (empty), F1 0.
   * ARI: expected 0 * 6 / 6 = 0, max 3, (0 - 0) / 3 = 0. */
  @Test
  void oneBigPredictedClusterOverSingletons() {
    ClusterScores s = ClusterMetrics.fromLabels(labels("abcd"), labels("xxxx"));
    assertEquals(new ClusterScores(4, 4, 1, 0.25, 1, 0.4, 0, 1, 0, 0), s);
  }

  /* One gold cluster of 4, predicted singletons: the mirror image of the case above. */
  @Test
  void singletonPredictionsOfOneBigGoldCluster() {
    ClusterScores s = ClusterMetrics.fromLabels(labels("aaaa"), labels("wxyz"));
    assertEquals(new ClusterScores(4, 1, 4, 1, 0.25, 0.4, 1, 0, 0, 0), s);
  }

  /* One cluster on both sides: all 1; ARI: C(3,2) = 3, expected 3 * 3 / 3 = 3, max 3 -> 0/0 -> 1. */
  @Test
  void oneBigClusterOnBothSidesIsPerfect() {
    ClusterScores s = ClusterMetrics.fromLabels(labels("aaa"), labels("xxx"));
    assertEquals(new ClusterScores(3, 1, 1, 1, 1, 1, 1, 1, 1, 1), s);
  }

  @Test
  void scoresOneArticleAndNoArticlesAsPerfect() {
    assertEquals(new ClusterScores(1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
        ClusterMetrics.fromLabels(List.of("a"), List.of("x")));
    assertEquals(new ClusterScores(0, 0, 0, 1, 1, 1, 1, 1, 1, 1),
        ClusterMetrics.fromContingency(List.of()));
  }

  /*
   * Gold a a null null, predicted x x x y. The two unlabelled articles are gold clusters of their
   * own: gold {1,2}, {3}, {4}; predicted {1,2,3}, {4}.
   * Precision: 2/3 + 2/3 + 1/3 + 1/1 = 8/3, / 4 = 2/3. Recall: 1 + 1 + 1 + 1 = 4, / 4 = 1.
   * Pairs: tp = C(2,2) = 1, predicted = 3, gold = 1: P 1/3, R 1.
   * ARI: C(4,2) = 6, expected 1 * 3 / 6 = 0.5, max 2: (1 - 0.5) / (2 - 0.5) = 1/3.
   */
  @Test
  void treatsEachUnlabelledArticleAsItsOwnGoldCluster() {
    ClusterScores s = ClusterMetrics.fromLabels(
        Arrays.asList("a", "a", null, null), Arrays.asList("x", "x", "x", "y"));
    assertEquals(3, s.goldClusters());
    assertEquals(2.0 / 3, s.bcubedPrecision(), EPS);
    assertEquals(1.0, s.bcubedRecall(), EPS);
    assertEquals(1.0 / 3, s.pairwisePrecision(), EPS);
    assertEquals(1.0, s.pairwiseRecall(), EPS);
    assertEquals(1.0 / 3, s.ari(), EPS);
  }

  /* A negative ARI: gold a a b b, predicted x y x y. tp 0, gold 2, predicted 2, C(4,2) = 6;
   * expected 2 * 2 / 6 = 2/3, max 2: (0 - 2/3) / (2 - 2/3) = -1/2. */
  @Test
  void givesANegativeAriForAnAntiCorrelatedClustering() {
    ClusterScores s = ClusterMetrics.fromLabels(labels("aabb"), labels("xyxy"));
    assertEquals(-0.5, s.ari(), EPS);
    assertEquals(0.5, s.bcubedPrecision(), EPS);
    assertEquals(0.0, s.pairwiseF1(), EPS);
  }

  @Test
  void computesTheAriExactlyForLargeCounts() {
    // One cluster of a million articles on both sides: the expected index equals the maximum, and
    // an inexact computation would divide rounding noise by rounding noise.
    ClusterScores s = ClusterMetrics.fromContingency(List.of(new Cell("g", "p", 1_000_000)));
    assertEquals(1.0, s.ari());
    assertEquals(1.0, s.pairwiseF1());
  }

  @Test
  void rejectsNegativeCountsAndMismatchedLabelLists() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Cell("a", "x", -1));
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ClusterMetrics.fromLabels(List.of("a"), List.of("x", "y")));
  }

  @Test
  void exportsEveryScoreUnderASnakeCaseKey() {
    Map<String, Object> map = ClusterMetrics.fromLabels(labels("aab"), labels("xxy")).toMap();
    assertEquals(List.of("articles", "gold_clusters", "predicted_clusters", "bcubed_precision",
        "bcubed_recall", "bcubed_f1", "pairwise_precision", "pairwise_recall", "pairwise_f1", "ari"),
        List.copyOf(map.keySet()));
    assertEquals(3L, map.get("articles"));
    assertEquals(1.0, map.get("ari"));
  }
}

package org.corroborate.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Quality of a predicted clustering against gold labels; a driver-side value for reports.
 *
 * <p>B-cubed precision and recall (Bagga &amp; Baldwin 1998) average, over articles, the share of an
 * article's predicted cluster that is in its gold cluster and vice versa. Pairwise scores count
 * article pairs put in one cluster. {@code ari} is the adjusted Rand index (Hubert &amp; Arabie 1985).
 * Every F1 is 0 when precision and recall are both 0.
 *
 * @param articles number of articles scored
 * @param goldClusters number of gold clusters (an unlabelled article is a cluster of its own)
 * @param predictedClusters number of predicted clusters
 * @param bcubedPrecision B-cubed precision, in [0, 1]
 * @param bcubedRecall B-cubed recall, in [0, 1]
 * @param bcubedF1 harmonic mean of the B-cubed precision and recall
 * @param pairwisePrecision same-cluster pairs correct / predicted same-cluster pairs (1 if none predicted)
 * @param pairwiseRecall same-cluster pairs correct / gold same-cluster pairs (1 if none in gold)
 * @param pairwiseF1 harmonic mean of the pairwise precision and recall
 * @param ari adjusted Rand index, in [-1, 1]; 1 when expected and maximum index coincide
 */
public record ClusterScores(
    long articles,
    long goldClusters,
    long predictedClusters,
    double bcubedPrecision,
    double bcubedRecall,
    double bcubedF1,
    double pairwisePrecision,
    double pairwiseRecall,
    double pairwiseF1,
    double ari) {

  private static final double SLACK = 1e-9;

  public ClusterScores {
    if (articles < 0 || goldClusters < 0 || predictedClusters < 0) {
      throw new IllegalArgumentException("counts must be >= 0, got articles=" + articles
          + ", goldClusters=" + goldClusters + ", predictedClusters=" + predictedClusters);
    }
    if (goldClusters > articles || predictedClusters > articles) {
      throw new IllegalArgumentException("more clusters than articles: articles=" + articles
          + ", goldClusters=" + goldClusters + ", predictedClusters=" + predictedClusters);
    }
    checkUnit("bcubedPrecision", bcubedPrecision);
    checkUnit("bcubedRecall", bcubedRecall);
    checkUnit("bcubedF1", bcubedF1);
    checkUnit("pairwisePrecision", pairwisePrecision);
    checkUnit("pairwiseRecall", pairwiseRecall);
    checkUnit("pairwiseF1", pairwiseF1);
    if (!(ari >= -1 - SLACK && ari <= 1 + SLACK)) {
      throw new IllegalArgumentException("ari must be in [-1, 1], got " + ari);
    }
  }

  private static void checkUnit(String name, double value) {
    if (!(value >= -SLACK && value <= 1 + SLACK)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
    }
  }

  /**
   * Returns the scores as an ordered map with snake_case keys, ready for a JSON writer: {@code
   * articles, gold_clusters, predicted_clusters, bcubed_precision, bcubed_recall, bcubed_f1,
   * pairwise_precision, pairwise_recall, pairwise_f1, ari}. Values are not rounded.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("articles", articles);
    map.put("gold_clusters", goldClusters);
    map.put("predicted_clusters", predictedClusters);
    map.put("bcubed_precision", bcubedPrecision);
    map.put("bcubed_recall", bcubedRecall);
    map.put("bcubed_f1", bcubedF1);
    map.put("pairwise_precision", pairwisePrecision);
    map.put("pairwise_recall", pairwiseRecall);
    map.put("pairwise_f1", pairwiseF1);
    map.put("ari", ari);
    return map;
  }
}

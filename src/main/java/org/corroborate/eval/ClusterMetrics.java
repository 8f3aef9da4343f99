package org.corroborate.eval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Clustering scores from a contingency table, in plain Java.
 *
 * <p>A contingency cell counts the articles with one gold label and one predicted label. From the
 * cells this class computes B-cubed precision, recall and F1 (Bagga &amp; Baldwin 1998, "Entity-based
 * cross-document coreferencing using the vector space model"), pairwise precision, recall and F1 over
 * same-cluster article pairs, and the adjusted Rand index (Hubert &amp; Arabie 1985, "Comparing
 * partitions"). The definitions and the conventions for empty denominators are those of {@code
 * tools/score_clusters.py}:
 *
 * <ul>
 *   <li>pairwise precision is 1 when no pair is predicted together, pairwise recall is 1 when no
 *       gold cluster has two articles;
 *   <li>an F1 is 0 when precision + recall is 0;
 *   <li>the ARI is 1 when its denominator (maximum index minus expected index) is 0, e.g. when both
 *       clusterings are all singletons or both are one cluster; the expected index is 0 for fewer
 *       than two articles.
 * </ul>
 *
 * <p>The script cannot score zero articles; here an empty table scores 1 everywhere, like the other
 * empty denominators, with {@code articles == 0} telling the reader there was nothing to score.
 *
 * <p>A {@code null} label is not a cluster: each article counted in a cell with a {@code null} gold
 * (or predicted) label is a singleton cluster of its own on that side, the way the script scores
 * articles missing from a prediction.
 */
public final class ClusterMetrics {

  /**
   * One contingency cell: {@code count} articles have gold label {@code gold} and predicted label
   * {@code predicted}. A {@code null} label makes each of these articles its own cluster.
   */
  public record Cell(String gold, String predicted, long count) {
    public Cell {
      if (count < 0) {
        throw new IllegalArgumentException("cell count must be >= 0, got " + count
            + " for gold=" + gold + ", predicted=" + predicted);
      }
    }
  }

  /**
   * The sums every score is derived from; computed here from cells, or by Spark in {@link
   * ClusterEvaluation}.
   *
   * @param articles n, the number of articles
   * @param goldClusters number of gold clusters
   * @param predictedClusters number of predicted clusters
   * @param bcubedPrecisionSum sum over cells of count^2 / |predicted cluster|
   * @param bcubedRecallSum sum over cells of count^2 / |gold cluster|
   * @param truePositivePairs sum over cells of C(count, 2)
   * @param goldPairs sum over gold clusters of C(size, 2)
   * @param predictedPairs sum over predicted clusters of C(size, 2)
   */
  record Totals(
      long articles,
      long goldClusters,
      long predictedClusters,
      double bcubedPrecisionSum,
      double bcubedRecallSum,
      long truePositivePairs,
      long goldPairs,
      long predictedPairs) {}

  private ClusterMetrics() {}

  /** Returns the scores of the clustering described by {@code cells}; cells may repeat a label pair. */
  public static ClusterScores fromContingency(Iterable<Cell> cells) {
    Objects.requireNonNull(cells, "cells");
    Map<String, Long> goldSizes = new HashMap<>();
    Map<String, Long> predictedSizes = new HashMap<>();
    Map<List<String>, Long> merged = new HashMap<>();
    long articles = 0;
    long nullGold = 0;
    long nullPredicted = 0;
    for (Cell cell : cells) {
      Objects.requireNonNull(cell, "cell");
      if (cell.count() == 0) {
        continue;
      }
      articles = Math.addExact(articles, cell.count());
      if (cell.gold() == null) {
        nullGold += cell.count();
      } else {
        goldSizes.merge(cell.gold(), cell.count(), Long::sum);
      }
      if (cell.predicted() == null) {
        nullPredicted += cell.count();
      } else {
        predictedSizes.merge(cell.predicted(), cell.count(), Long::sum);
      }
      List<String> key = new ArrayList<>(2);
      key.add(cell.gold());
      key.add(cell.predicted());
      merged.merge(key, cell.count(), Long::sum);
    }
    double precisionSum = 0;
    double recallSum = 0;
    long truePositivePairs = 0;
    for (Map.Entry<List<String>, Long> entry : merged.entrySet()) {
      String gold = entry.getKey().get(0);
      String predicted = entry.getKey().get(1);
      long count = entry.getValue();
      if (gold == null || predicted == null) {
        // count separate cells of one article each.
        long goldSize = gold == null ? 1 : goldSizes.get(gold);
        long predictedSize = predicted == null ? 1 : predictedSizes.get(predicted);
        precisionSum += (double) count / predictedSize;
        recallSum += (double) count / goldSize;
      } else {
        double square = (double) count * count;
        precisionSum += square / predictedSizes.get(predicted);
        recallSum += square / goldSizes.get(gold);
        truePositivePairs += pairs(count);
      }
    }
    long goldPairs = goldSizes.values().stream().mapToLong(ClusterMetrics::pairs).sum();
    long predictedPairs = predictedSizes.values().stream().mapToLong(ClusterMetrics::pairs).sum();
    return fromTotals(new Totals(articles, goldSizes.size() + nullGold,
        predictedSizes.size() + nullPredicted, precisionSum, recallSum, truePositivePairs,
        goldPairs, predictedPairs));
  }

  /**
   * Returns the scores of a clustering given as two parallel label lists, one entry per article;
   * a convenience over {@link #fromContingency(Iterable)}.
   */
  public static ClusterScores fromLabels(List<String> gold, List<String> predicted) {
    if (gold.size() != predicted.size()) {
      throw new IllegalArgumentException("gold and predicted labels differ in length: "
          + gold.size() + " vs " + predicted.size());
    }
    List<Cell> cells = new ArrayList<>(gold.size());
    for (int i = 0; i < gold.size(); i++) {
      cells.add(new Cell(gold.get(i), predicted.get(i), 1));
    }
    return fromContingency(cells);
  }

  /** Returns the scores derived from precomputed sums. */
  static ClusterScores fromTotals(Totals t) {
    long n = t.articles();
    if (n == 0) {
      return new ClusterScores(0, 0, 0, 1, 1, 1, 1, 1, 1, 1);
    }
    double bcubedPrecision = clamp(t.bcubedPrecisionSum() / n);
    double bcubedRecall = clamp(t.bcubedRecallSum() / n);
    double pairwisePrecision =
        t.predictedPairs() == 0 ? 1.0 : (double) t.truePositivePairs() / t.predictedPairs();
    double pairwiseRecall =
        t.goldPairs() == 0 ? 1.0 : (double) t.truePositivePairs() / t.goldPairs();
    return new ClusterScores(n, t.goldClusters(), t.predictedClusters(),
        bcubedPrecision, bcubedRecall, f1(bcubedPrecision, bcubedRecall),
        pairwisePrecision, pairwiseRecall, f1(pairwisePrecision, pairwiseRecall),
        ari(n, t.truePositivePairs(), t.goldPairs(), t.predictedPairs()));
  }

  /**
   * Adjusted Rand index (tp - E) / (max - E) with E = goldPairs * predictedPairs / C(n, 2) and max =
   * (goldPairs + predictedPairs) / 2, multiplied through by 2 C(n, 2) and computed exactly, so that
   * a zero denominator is recognised without rounding error.
   */
  static double ari(long n, long truePositivePairs, long goldPairs, long predictedPairs) {
    BigInteger total = BigInteger.valueOf(n > 1 ? pairs(n) : 0);
    BigInteger tp = BigInteger.valueOf(truePositivePairs);
    BigInteger gp = BigInteger.valueOf(goldPairs);
    BigInteger pp = BigInteger.valueOf(predictedPairs);
    BigInteger crossTwice = gp.multiply(pp).shiftLeft(1);
    BigInteger numerator;
    BigInteger denominator;
    if (total.signum() == 0) {
      // Expected index 0: (tp - 0) / ((gp + pp) / 2).
      numerator = tp.shiftLeft(1);
      denominator = gp.add(pp);
    } else {
      numerator = tp.multiply(total).shiftLeft(1).subtract(crossTwice);
      denominator = gp.add(pp).multiply(total).subtract(crossTwice);
    }
    if (denominator.signum() == 0) {
      return 1.0;
    }
    return new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL64)
        .doubleValue();
  }

  /** Returns C(k, 2), the number of pairs among k items. */
  static long pairs(long k) {
    return k < 2 ? 0 : Math.multiplyExact(k, k - 1) / 2;
  }

  private static double f1(double precision, double recall) {
    return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
  }

  /** Keeps a sum of floating-point shares from drifting past 1 by rounding. */
  private static double clamp(double share) {
    return Math.min(1.0, Math.max(0.0, share));
  }
}

package org.corroborate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

class SharedNeighboursTest {
  /** Profiles of the articles of {@code pairs} ({@code {a, b, score}} rows), by article. */
  private static Map<Long, byte[]> profiles(double[][] pairs) {
    Map<Long, List<Long>> to = new HashMap<>();
    Map<Long, List<Double>> scores = new HashMap<>();
    for (double[] p : pairs) {
      for (int end = 0; end < 2; end++) {
        long from = (long) p[end];
        to.computeIfAbsent(from, k -> new ArrayList<>()).add((long) p[1 - end]);
        scores.computeIfAbsent(from, k -> new ArrayList<>()).add(p[2]);
      }
    }
    Map<Long, byte[]> out = new HashMap<>();
    for (long a : to.keySet()) {
      out.put(a, SharedNeighbours.profile(a, CollectionConverters.asScala(to.get(a)).toSeq(),
          CollectionConverters.asScala(scores.get(a)).toSeq()));
    }
    return out;
  }

  @Test
  void scoresTwiceTheSimilarityTimesTheCosineOfTheProfiles() {
    Map<Long, byte[]> p = profiles(new double[][] {{0, 1, 0.5}, {0, 2, 0.2}, {1, 2, 0.4}});
    // Profiles, each article's own entry being its nearest neighbour's similarity:
    // 0 = (0.5, 0.5, 0.2), 1 = (0.5, 0.5, 0.4), 2 = (0.2, 0.4, 0.4).
    double cos01 = (0.25 + 0.25 + 0.08) / Math.sqrt(0.54 * 0.66);
    assertEquals(2 * 0.5 * cos01, SharedNeighbours.score(p.get(0L), p.get(1L)), 1e-12);
    assertEquals(2 * 0.5 * cos01, SharedNeighbours.score(p.get(1L), p.get(0L)), 1e-12);
    double cos12 = (0.5 * 0.2 + 0.5 * 0.4 + 0.4 * 0.4) / Math.sqrt(0.66 * 0.36);
    assertEquals(2 * 0.4 * cos12, SharedNeighbours.score(p.get(1L), p.get(2L)), 1e-12);
  }

  @Test
  void aPairInsideAGroupGainsOverAnEqualPairBetweenGroups() {
    // Two groups of four (0-3 and 4-7), every pair inside a group at 0.3, and one pair between
    // them at 0.3 (3-4).
    List<double[]> pairs = new ArrayList<>();
    for (int g = 0; g < 8; g += 4) {
      for (int i = g; i < g + 4; i++) {
        for (int j = i + 1; j < g + 4; j++) {
          pairs.add(new double[] {i, j, 0.3});
        }
      }
    }
    pairs.add(new double[] {3, 4, 0.3});
    Map<Long, byte[]> p = profiles(pairs.toArray(new double[0][]));
    // Identical profiles: twice the similarity. The two ends of the bridge share only each other
    // among their five entries: cosine 2/5.
    assertEquals(0.6, SharedNeighbours.score(p.get(0L), p.get(1L)), 1e-12);
    assertEquals(2 * 0.3 * 2 / 5, SharedNeighbours.score(p.get(3L), p.get(4L)), 1e-12);
    assertTrue(SharedNeighbours.score(p.get(2L), p.get(3L)) > 0.3);
  }

  @Test
  void aPairWhoseArticlesHaveNoOtherPairKeepsItsSimilarity() {
    Map<Long, byte[]> p = profiles(new double[][] {{0, 1, 0.03}, {2, 3, 0.2}, {3, 4, 0.1}});
    assertEquals(0.03, SharedNeighbours.score(p.get(0L), p.get(1L)), 0.0);
    // A leaf of a larger group is weighed as any pair.
    assertTrue(SharedNeighbours.score(p.get(2L), p.get(3L)) != 0.2);
    assertEquals(0.03, SharedNeighbours.reinforce(new long[] {0, 2, 3}, new long[] {1, 3, 4},
        new double[] {0.03, 0.2, 0.1}, 3)[0], 0.0);
  }

  @Test
  void scoresAWholeGraphInOneTaskAsPairByPairBitForBit() {
    java.util.Random random = new java.util.Random(17);
    for (int round = 0; round < 20; round++) {
      int nodes = 20 + random.nextInt(2_000);
      java.util.Set<Long> seen = new java.util.HashSet<>();
      java.util.List<long[]> edges = new java.util.ArrayList<>();
      int wanted = random.nextInt(6 * nodes);
      while (edges.size() < wanted) {
        // Article numbers with gaps, partners near in number, as story pairs are.
        long x = 3L * random.nextInt(nodes);
        long y = Math.max(0, x + 3L * (random.nextInt(60) - 30));
        if (x == y || !seen.add(Math.min(x, y) << 32 | Math.max(x, y))) {
          continue;
        }
        edges.add(new long[] {Math.min(x, y), Math.max(x, y)});
      }
      int m = edges.size();
      long[] a = new long[m];
      long[] b = new long[m];
      double[] w = new double[m];
      java.util.Map<Long, java.util.List<Integer>> byNode = new java.util.HashMap<>();
      for (int k = 0; k < m; k++) {
        a[k] = edges.get(k)[0];
        b[k] = edges.get(k)[1];
        w[k] = random.nextInt(4) == 0 ? random.nextInt(3) / 4.0 : random.nextDouble();
        byNode.computeIfAbsent(a[k], x -> new java.util.ArrayList<>()).add(k);
        byNode.computeIfAbsent(b[k], x -> new java.util.ArrayList<>()).add(k);
      }
      // Pair by pair, as in Spark: each article's packed profile, each pair scored on two of them.
      java.util.Map<Long, byte[]> profiles = new java.util.HashMap<>();
      byNode.forEach((node, ks) -> {
        long[] partners = new long[ks.size()];
        double[] similarities = new double[ks.size()];
        for (int i = 0; i < ks.size(); i++) {
          int k = ks.get(i);
          partners[i] = a[k] == node ? b[k] : a[k];
          similarities[i] = w[k];
        }
        profiles.put(node, SharedNeighbours.profile(node, partners, similarities, 0, partners.length));
      });
      double[] whole = SharedNeighbours.reinforce(a, b, w, m);
      for (int k = 0; k < m; k++) {
        double expected = SharedNeighbours.score(profiles.get(a[k]), profiles.get(b[k]));
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(whole[k]),
            "round " + round + ", pair " + a[k] + "-" + b[k] + ": " + expected + " vs " + whole[k]);
      }
    }
  }
}

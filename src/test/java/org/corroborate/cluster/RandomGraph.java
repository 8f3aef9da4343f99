package org.corroborate.cluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded test graphs for the clustering tests: planted groups of nodes with random inner edges,
 * joined by weak random edges; each pair once, {@code from < to}, random (hence distinct) weights.
 *
 * @param from first node of each edge
 * @param to second node of each edge
 * @param weight weight of each edge
 * @param groupedNodes nodes 0 to this (exclusive) lie in planted groups; weak edges may reach beyond
 */
record RandomGraph(long[] from, long[] to, double[] weight, long groupedNodes) {

  /**
   * Groups of {@code minSize + nextInt(sizeSpread)} nodes until {@code nodes} are placed, each inner
   * pair an edge with probability {@code innerP} and weight {@code innerMin + innerSpread * r};
   * then {@code weakEdges} random pairs among the first {@code nodes + extraNodes} nodes, weight
   * {@code weakMax * r}.
   */
  static RandomGraph planted(Random random, int nodes, int minSize, int sizeSpread, double innerP,
      double innerMin, double innerSpread, int weakEdges, int extraNodes, double weakMax) {
    List<long[]> pairs = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    long node = 0;
    while (node < nodes) {
      int size = minSize + random.nextInt(sizeSpread);
      for (long a = node; a < node + size; a++) {
        for (long b = a + 1; b < node + size; b++) {
          if (random.nextDouble() < innerP) {
            add(pairs, weights, seen, a, b, innerMin + innerSpread * random.nextDouble());
          }
        }
      }
      node += size;
    }
    for (int k = 0; k < weakEdges; k++) {
      long a = random.nextInt((int) node + extraNodes);
      long b = random.nextInt((int) node + extraNodes);
      add(pairs, weights, seen, Math.min(a, b), Math.max(a, b), weakMax * random.nextDouble());
    }
    int m = pairs.size();
    long[] from = new long[m];
    long[] to = new long[m];
    double[] w = new double[m];
    for (int k = 0; k < m; k++) {
      from[k] = pairs.get(k)[0];
      to[k] = pairs.get(k)[1];
      w[k] = weights.get(k);
    }
    return new RandomGraph(from, to, w, node);
  }

  /** Number of edges. */
  int size() {
    return from.length;
  }

  private static void add(List<long[]> pairs, List<Double> weights, Set<Long> seen, long a, long b, double w) {
    if (a != b && seen.add(a << 32 | b)) {
      pairs.add(new long[] {a, b});
      weights.add(w);
    }
  }
}

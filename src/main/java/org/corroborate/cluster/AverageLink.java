package org.corroborate.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Average-link (UPGMA) agglomerative clustering over a sparse similarity graph: repeatedly merges
 * the two clusters with the highest mean pairwise similarity while it is at least the threshold; a
 * pair without an edge counts as similarity 0. Unlike connected components, one article similar to
 * two unrelated stories cannot chain them: the stories' mean similarity stays low.
 *
 * <p>Cost is O(E log E) for E edges (merged neighbour maps, smaller into larger, and a heap with lazy
 * deletion), so a component's cost is bounded by its edges, which blocking bounds per article.
 * Deterministic: ties go to the pair of lower cluster indices.
 */
public final class AverageLink {
  private AverageLink() {}

  /**
   * The cluster of each of {@code n} nodes (a representative node index) given edges
   * {@code (from[k], to[k], weight[k])}; duplicate edges are summed once per direction given.
   */
  public static int[] cluster(int n, int[] from, int[] to, double[] weight, double threshold) {
    int[] size = new int[n];
    int[] version = new int[n];
    int[] parent = new int[n];
    @SuppressWarnings("unchecked")
    Map<Integer, Double>[] sums = new Map[n];
    for (int i = 0; i < n; i++) {
      size[i] = 1;
      parent[i] = i;
      sums[i] = new HashMap<>();
    }
    for (int k = 0; k < from.length; k++) {
      int a = from[k];
      int b = to[k];
      if (a == b) {
        continue;
      }
      sums[a].merge(b, weight[k], Double::sum);
      sums[b].merge(a, weight[k], Double::sum);
    }
    PriorityQueue<Candidate> heap = new PriorityQueue<>();
    for (int a = 0; a < n; a++) {
      for (Map.Entry<Integer, Double> e : sums[a].entrySet()) {
        int b = e.getKey();
        if (a < b) {
          heap.add(new Candidate(e.getValue(), a, b, 0, 0));
        }
      }
    }
    while (!heap.isEmpty()) {
      Candidate c = heap.poll();
      if (c.score < threshold) {
        break;
      }
      if (parent[c.a] != c.a || parent[c.b] != c.b || version[c.a] != c.versionA || version[c.b] != c.versionB) {
        continue;
      }
      int keep = sums[c.a].size() >= sums[c.b].size() ? c.a : c.b;
      int gone = keep == c.a ? c.b : c.a;
      parent[gone] = keep;
      sums[keep].remove(gone);
      for (Map.Entry<Integer, Double> e : sums[gone].entrySet()) {
        int other = e.getKey();
        if (other == keep) {
          continue;
        }
        sums[keep].merge(other, e.getValue(), Double::sum);
        Map<Integer, Double> otherSums = sums[other];
        double moved = otherSums.remove(gone);
        otherSums.merge(keep, moved, Double::sum);
      }
      sums[gone] = Map.of();
      size[keep] += size[gone];
      version[keep]++;
      for (Map.Entry<Integer, Double> e : sums[keep].entrySet()) {
        int other = e.getKey();
        double mean = e.getValue() / ((double) size[keep] * size[other]);
        int lo = Math.min(keep, other);
        int hi = Math.max(keep, other);
        heap.add(new Candidate(mean, lo, hi, version[lo], version[hi]));
      }
    }
    int[] cluster = new int[n];
    for (int i = 0; i < n; i++) {
      int r = i;
      while (parent[r] != r) {
        r = parent[r];
      }
      cluster[i] = r;
    }
    return cluster;
  }

  private record Candidate(double score, int a, int b, int versionA, int versionB)
      implements Comparable<Candidate> {
    @Override
    public int compareTo(Candidate o) {
      if (score != o.score) {
        return Double.compare(o.score, score);
      }
      return a != o.a ? Integer.compare(a, o.a) : Integer.compare(b, o.b);
    }
  }
}

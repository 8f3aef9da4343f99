package org.corroborate.cluster;

import java.util.PriorityQueue;
import org.corroborate.util.IntDoubleMap;

/**
 * Average-link (UPGMA) agglomerative clustering over a sparse similarity graph: repeatedly merges
 * the two clusters with the highest mean pairwise similarity while it is at least the threshold; a
 * pair without an edge counts as similarity 0. Unlike connected components, one article similar to
 * two unrelated stories cannot chain them: the stories' mean similarity stays low.
 *
 * <p>Merged neighbour maps (smaller into larger) and a heap with lazy deletion that holds only pairs
 * at or above the threshold, so a component's cost grows with its edges, which blocking bounds per
 * article. Neighbour maps are primitive ({@link IntDoubleMap}): about 100 bytes an edge in all.
 * Deterministic: ties go to the pair of lower cluster indices.
 */
public final class AverageLink {
  private AverageLink() {}

  /**
   * The cluster of each of {@code n} nodes (a representative node index) given edges
   * {@code (from[k], to[k], weight[k])}; duplicate edges are summed once per direction given.
   */
  public static int[] cluster(int n, int[] from, int[] to, double[] weight, double threshold) {
    int[] ones = new int[n];
    java.util.Arrays.fill(ones, 1);
    return cluster(n, ones, from, to, weight, threshold);
  }

  /**
   * {@link #cluster(int, int[], int[], double[], double)} for nodes that are clusters already, of
   * {@code sizes[i]} articles each, with {@code weight} the summed similarity between two of them.
   */
  public static int[] cluster(int n, int[] sizes, int[] from, int[] to, double[] weight, double threshold) {
    int[] size = new int[n];
    int[] version = new int[n];
    int[] parent = new int[n];
    int[] degree = new int[n];
    for (int k = 0; k < from.length; k++) {
      if (from[k] != to[k]) {
        degree[from[k]]++;
        degree[to[k]]++;
      }
    }
    IntDoubleMap[] sums = new IntDoubleMap[n];
    for (int i = 0; i < n; i++) {
      size[i] = sizes[i];
      parent[i] = i;
      sums[i] = new IntDoubleMap(degree[i]);
    }
    for (int k = 0; k < from.length; k++) {
      int a = from[k];
      int b = to[k];
      if (a == b) {
        continue;
      }
      sums[a].add(b, weight[k]);
      sums[b].add(a, weight[k]);
    }
    PriorityQueue<Candidate> heap = new PriorityQueue<>();
    for (int a = 0; a < n; a++) {
      IntDoubleMap m = sums[a];
      for (int slot = 0; slot < m.capacity(); slot++) {
        int b = m.keyAt(slot);
        double mean = b > a ? m.valueAt(slot) / ((double) size[a] * size[b]) : 0;
        if (b > a && mean >= threshold) {
          heap.add(new Candidate(mean, a, b, 0, 0));
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
      IntDoubleMap goneSums = sums[gone];
      for (int slot = 0; slot < goneSums.capacity(); slot++) {
        int other = goneSums.keyAt(slot);
        if (other < 0 || other == keep) {
          continue;
        }
        sums[keep].add(other, goneSums.valueAt(slot));
        double moved = sums[other].remove(gone);
        sums[other].add(keep, moved);
      }
      sums[gone] = null;
      size[keep] += size[gone];
      version[keep]++;
      IntDoubleMap keepSums = sums[keep];
      for (int slot = 0; slot < keepSums.capacity(); slot++) {
        int other = keepSums.keyAt(slot);
        if (other < 0) {
          continue;
        }
        double mean = keepSums.valueAt(slot) / ((double) size[keep] * size[other]);
        int lo = Math.min(keep, other);
        int hi = Math.max(keep, other);
        if (mean < threshold) {
          continue;
        }
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

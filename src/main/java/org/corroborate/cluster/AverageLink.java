package org.corroborate.cluster;

import org.corroborate.util.IntDoubleMap;
import org.corroborate.util.ParentLinks;

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
   * {@link #cluster(int, int[], int[], double[], double)} part by part, the parts side by side on
   * the machine's cores: for a whole graph clustered in one task, while the other cores wait.
   *
   * <p>Two clusters merge only when their mean reaches the threshold, and a mean is at most the
   * strongest edge between them, so every cluster lies within one part: a connected component of
   * the edges that reach the threshold. Edges between parts can never take part in a merge and
   * are left out. Each part's merges are those it makes alone, so the clusters are the same as
   * over the whole graph; only when two candidate merges have exactly the same mean may the choice
   * between them differ, as the whole graph's neighbour counts (which decide a merged cluster's
   * index, and with it later ties) include the other parts. The result does not depend on how the
   * parts are scheduled. Edges must be distinct pairs. Below a threshold of 0 a mean can exceed
   * every edge (a missing pair counts 0), so the whole graph is clustered at once.
   */
  public static int[] clusterParts(int n, int[] from, int[] to, double[] weight, double threshold) {
    if (threshold < 0) {
      return cluster(n, from, to, weight, threshold);
    }
    int[] root = new int[n];
    for (int i = 0; i < n; i++) {
      root[i] = i;
    }
    for (int k = 0; k < from.length; k++) {
      if (weight[k] >= threshold && from[k] != to[k]) {
        int a = ParentLinks.find(root, from[k]);
        int b = ParentLinks.find(root, to[k]);
        if (a != b) {
          root[Math.max(a, b)] = Math.min(a, b);
        }
      }
    }
    // Parts of two or more nodes, numbered by their least node; a node's place in its part keeps
    // the nodes' order, so ties between indices break alike.
    int[] part = new int[n];
    int[] local = new int[n];
    int[] partSize = new int[n];
    int parts = 0;
    int[] partOfRoot = new int[n];
    java.util.Arrays.fill(partOfRoot, -1);
    int[] members = new int[n];
    for (int i = 0; i < n; i++) {
      members[ParentLinks.find(root, i)]++;
    }
    for (int i = 0; i < n; i++) {
      int r = ParentLinks.find(root, i);
      if (members[r] < 2) {
        part[i] = -1;
        continue;
      }
      if (partOfRoot[r] < 0) {
        partOfRoot[r] = parts++;
      }
      part[i] = partOfRoot[r];
      local[i] = partSize[part[i]]++;
    }
    int[] nodeStart = new int[parts + 1];
    for (int p = 0; p < parts; p++) {
      nodeStart[p + 1] = nodeStart[p] + partSize[p];
    }
    int[] nodes = new int[nodeStart[parts]];
    for (int i = 0; i < n; i++) {
      if (part[i] >= 0) {
        nodes[nodeStart[part[i]] + local[i]] = i;
      }
    }
    int[] edgeStart = new int[parts + 1];
    for (int k = 0; k < from.length; k++) {
      if (part[from[k]] >= 0 && part[from[k]] == part[to[k]]) {
        edgeStart[part[from[k]] + 1]++;
      }
    }
    for (int p = 0; p < parts; p++) {
      edgeStart[p + 1] += edgeStart[p];
    }
    int[] edges = new int[edgeStart[parts]];
    int[] fill = java.util.Arrays.copyOf(edgeStart, parts);
    for (int k = 0; k < from.length; k++) {
      if (part[from[k]] >= 0 && part[from[k]] == part[to[k]]) {
        edges[fill[part[from[k]]]++] = k;
      }
    }
    int[] cluster = new int[n];
    for (int i = 0; i < n; i++) {
      cluster[i] = i;
    }
    // Largest parts first, roughly: the stream splits the order among the cores, so that one
    // large part is unlikely to start last.
    Integer[] order = new Integer[parts];
    for (int p = 0; p < parts; p++) {
      order[p] = p;
    }
    java.util.Arrays.sort(order, (x, y) -> Integer.compare(edgeStart[y + 1] - edgeStart[y], edgeStart[x + 1] - edgeStart[x]));
    java.util.Arrays.stream(order).parallel().forEach(p -> {
      int m = edgeStart[p + 1] - edgeStart[p];
      int[] f = new int[m];
      int[] t = new int[m];
      double[] w = new double[m];
      for (int e = 0; e < m; e++) {
        int k = edges[edgeStart[p] + e];
        f[e] = local[from[k]];
        t[e] = local[to[k]];
        w[e] = weight[k];
      }
      int[] c = cluster(partSize[p], f, t, w, threshold);
      for (int i = 0; i < c.length; i++) {
        cluster[nodes[nodeStart[p] + i]] = nodes[nodeStart[p] + c[i]];
      }
    });
    return cluster;
  }

  /**
   * {@link #cluster(int, int[], int[], double[], double)} for nodes that are clusters already, of
   * {@code sizes[i]} articles each, with {@code weight} the summed similarity between two of them.
   */
  public static int[] cluster(int n, int[] sizes, int[] from, int[] to, double[] weight, double threshold) {
    return cluster(n, sizes, null, from, to, weight, threshold).cluster();
  }

  /**
   * The merges of average link that are certain when the nodes are part of a larger graph, whose
   * edges to the rest reach a mean of at most {@code bound[i]} from node {@code i}.
   *
   * <p>A merge of two clusters is one of the global merges when each is the other's nearest
   * neighbour (Murtagh 1983; average link is reducible, so merging any such pair first leaves the
   * result unchanged). The best pair left here is each one's nearest inside; it is their nearest
   * overall when its mean reaches both bounds, as the bound of a merged cluster stays the greater
   * of its parts' (its mean to any outside cluster, merged or not, is an average of its parts').
   * Otherwise the two are frozen: neither can merge with anything else here before its outside
   * neighbours are known. The merges do not depend on the order of the edges.
   *
   * @param bound per node, the highest mean of its edges to outside nodes (0 when it has none);
   *     {@code null} for a whole graph, which gives {@link #cluster(int, int[], int[], int[], double[], double)}
   * @return each node's cluster and, per cluster, whether it may still merge with outside clusters
   */
  public static Bounded cluster(int n, int[] sizes, double[] bound, int[] from, int[] to, double[] weight,
      double threshold) {
    double[] outside = bound == null ? new double[n] : bound.clone();
    boolean[] frozen = new boolean[n];
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
    Candidates heap = new Candidates(from.length);
    for (int a = 0; a < n; a++) {
      IntDoubleMap m = sums[a];
      for (int slot = 0; slot < m.capacity(); slot++) {
        int b = m.keyAt(slot);
        double mean = b > a ? m.valueAt(slot) / ((double) size[a] * size[b]) : 0;
        if (b > a && mean >= threshold) {
          heap.add(mean, a, b, 0, 0);
        }
      }
    }
    while (!heap.isEmpty()) {
      double score = heap.score();
      int ca = heap.a();
      int cb = heap.b();
      boolean current = version[ca] == heap.versionA() && version[cb] == heap.versionB();
      heap.poll();
      if (score < threshold) {
        break;
      }
      if (parent[ca] != ca || parent[cb] != cb || !current) {
        continue;
      }
      if (frozen[ca] || frozen[cb] || score < outside[ca] || score < outside[cb]) {
        frozen[ca] = true;
        frozen[cb] = true;
        continue;
      }
      int keep = sums[ca].size() >= sums[cb].size() ? ca : cb;
      int gone = keep == ca ? cb : ca;
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
      outside[keep] = Math.max(outside[keep], outside[gone]);
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
        heap.add(mean, lo, hi, version[lo], version[hi]);
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
    boolean[] open = new boolean[n];
    for (int i = 0; i < n; i++) {
      open[i] = parent[i] == i && (frozen[i] || outside[i] >= threshold);
    }
    return new Bounded(cluster, open, sums);
  }

  /**
   * The clusters of {@link #cluster(int, int[], double[], int[], int[], double[], double)}.
   *
   * @param cluster each node's cluster, a representative node
   * @param open per representative, whether the cluster may still merge with an outside one (it is
   *     frozen, or its bound reaches the threshold); a closed cluster is final
   * @param sums per representative, the summed weights of its edges to the other representatives
   *     (by index); {@code null} for the other nodes
   */
  public record Bounded(int[] cluster, boolean[] open, IntDoubleMap[] sums) {}

  /**
   * Candidate merges, best first: highest mean, then lower first cluster, then lower second. A
   * binary heap over parallel arrays of primitives: average link pushes and pops millions of
   * candidates, and as a queue of objects each step of a sift followed a pointer to compare.
   * Each candidate carries the versions of its two clusters when it was scored, so a stale one
   * is told from the current one when it comes up.
   */
  static final class Candidates {
    private double[] score;
    private int[] a;
    private int[] b;
    private int[] versionA;
    private int[] versionB;
    private int size;

    Candidates(int expected) {
      int capacity = Math.max(16, expected);
      score = new double[capacity];
      a = new int[capacity];
      b = new int[capacity];
      versionA = new int[capacity];
      versionB = new int[capacity];
    }

    boolean isEmpty() {
      return size == 0;
    }

    /** The best candidate's mean; with {@link #a()}, {@link #b()} and their versions. */
    double score() {
      return score[0];
    }

    int a() {
      return a[0];
    }

    int b() {
      return b[0];
    }

    int versionA() {
      return versionA[0];
    }

    int versionB() {
      return versionB[0];
    }

    void add(double mean, int first, int second, int firstVersion, int secondVersion) {
      if (size == score.length) {
        int capacity = score.length * 2;
        score = java.util.Arrays.copyOf(score, capacity);
        a = java.util.Arrays.copyOf(a, capacity);
        b = java.util.Arrays.copyOf(b, capacity);
        versionA = java.util.Arrays.copyOf(versionA, capacity);
        versionB = java.util.Arrays.copyOf(versionB, capacity);
      }
      int i = size++;
      while (i > 0) {
        int up = (i - 1) >>> 1;
        if (!precedes(mean, first, second, score[up], a[up], b[up])) {
          break;
        }
        move(up, i);
        i = up;
      }
      set(i, mean, first, second, firstVersion, secondVersion);
    }

    /** Removes the best candidate. */
    void poll() {
      int last = --size;
      if (last == 0) {
        return;
      }
      double mean = score[last];
      int first = a[last];
      int second = b[last];
      int firstVersion = versionA[last];
      int secondVersion = versionB[last];
      int i = 0;
      int half = last >>> 1;
      while (i < half) {
        int child = 2 * i + 1;
        int right = child + 1;
        if (right < last && precedes(score[right], a[right], b[right], score[child], a[child], b[child])) {
          child = right;
        }
        if (!precedes(score[child], a[child], b[child], mean, first, second)) {
          break;
        }
        move(child, i);
        i = child;
      }
      set(i, mean, first, second, firstVersion, secondVersion);
    }

    /** Whether candidate (mean1, first1, second1) comes before (mean2, first2, second2). */
    private static boolean precedes(double mean1, int first1, int second1, double mean2, int first2, int second2) {
      if (mean1 != mean2) {
        return mean1 > mean2;
      }
      return first1 != first2 ? first1 < first2 : second1 < second2;
    }

    private void move(int from, int to) {
      score[to] = score[from];
      a[to] = a[from];
      b[to] = b[from];
      versionA[to] = versionA[from];
      versionB[to] = versionB[from];
    }

    private void set(int at, double mean, int first, int second, int firstVersion, int secondVersion) {
      score[at] = mean;
      a[at] = first;
      b[at] = second;
      versionA[at] = firstVersion;
      versionB[at] = secondVersion;
    }
  }
}

package org.corroborate.cluster;

import java.util.Arrays;

/**
 * The edges of a graph of article numbers, with the nodes numbered densely: {@link #nodes} holds
 * the distinct article numbers in ascending order, and {@link #from}, {@link #to} each edge's two
 * ends as positions there, in the edges' own order.
 *
 * <p>One sort of the edges' ends, each packed with its edge and side into a long, gives all of
 * it: a sort of the distinct nodes followed by a binary search of every end (two misses of the
 * processor's cache a step, in arrays of millions) cost more than the sort itself.
 */
final class DenseEdges {
  /** The distinct article numbers, ascending. */
  final long[] nodes;
  /** Each edge's first end, a position in {@link #nodes}. */
  final int[] from;
  /** Each edge's second end, a position in {@link #nodes}. */
  final int[] to;
  private int[] order;

  private DenseEdges(long[] nodes, int[] from, int[] to) {
    this.nodes = nodes;
    this.from = from;
    this.to = to;
  }

  /**
   * The first {@code m} edges {@code a[k], b[k]}: article numbers from 0 to
   * {@link Integer#MAX_VALUE}, {@code a[k] < b[k]}.
   *
   * @throws IllegalStateException when an edge is out of order or out of range
   * @throws IllegalArgumentException when there are more than {@code Integer.MAX_VALUE / 2} edges
   */
  static DenseEdges of(long[] a, long[] b, int m) {
    if (m > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("too many edges for one task: " + m);
    }
    long[] ends = new long[2 * m];
    for (int k = 0; k < m; k++) {
      if (a[k] < 0 || a[k] >= b[k] || b[k] > Integer.MAX_VALUE) {
        throw new IllegalStateException("story pair out of order or out of range: " + a[k] + ", " + b[k]);
      }
      // The number above, edge and side below: sorted, ends of one node come together.
      ends[2 * k] = a[k] << 32 | (2L * k);
      ends[2 * k + 1] = b[k] << 32 | (2L * k + 1);
    }
    Arrays.sort(ends);
    int[] from = new int[m];
    int[] to = new int[m];
    long[] nodes = new long[2 * m];
    int count = 0;
    long last = -1;
    for (long end : ends) {
      long node = end >>> 32;
      if (node != last) {
        nodes[count++] = node;
        last = node;
      }
      int slot = (int) end;
      if ((slot & 1) == 0) {
        from[slot >>> 1] = count - 1;
      } else {
        to[slot >>> 1] = count - 1;
      }
    }
    return new DenseEdges(Arrays.copyOf(nodes, count), from, to);
  }

  /** Where each node's edges start in {@link #order()}: {@code nodes.length + 1} offsets. */
  int[] startsByFirst() {
    int[] start = new int[nodes.length + 1];
    for (int k = 0; k < from.length; k++) {
      start[from[k] + 1]++;
    }
    for (int i = 0; i < nodes.length; i++) {
      start[i + 1] += start[i];
    }
    return start;
  }

  /**
   * The edges' indices ordered by their ends (first, then second): each node's edges by a count
   * of them, then those few sorted. Computed once.
   *
   * @throws IllegalStateException when a pair is given twice
   */
  int[] order() {
    if (order == null) {
      order = ordered();
    }
    return order;
  }

  private int[] ordered() {
    int m = from.length;
    int[] start = startsByFirst();
    long[] byFirst = new long[m];
    int[] fill = Arrays.copyOf(start, nodes.length);
    for (int k = 0; k < m; k++) {
      byFirst[fill[from[k]]++] = (long) to[k] << 32 | k;
    }
    int[] sorted = new int[m];
    for (int i = 0; i < nodes.length; i++) {
      Arrays.sort(byFirst, start[i], start[i + 1]);
      for (int p = start[i]; p < start[i + 1]; p++) {
        if (p > start[i] && byFirst[p] >>> 32 == byFirst[p - 1] >>> 32) {
          throw new IllegalStateException("story pair given twice: " + nodes[i] + ", " + nodes[(int) (byFirst[p] >>> 32)]);
        }
        sorted[p] = (int) byFirst[p];
      }
    }
    return sorted;
  }
}

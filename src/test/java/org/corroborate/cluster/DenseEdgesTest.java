package org.corroborate.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DenseEdgesTest {
  @Test
  void numbersNodesInOrderAndOrdersEdgesByTheirEnds() {
    Random random = new Random(3);
    for (int round = 0; round < 30; round++) {
      int m = 1 + random.nextInt(3_000);
      long span = 2 + random.nextInt(round % 2 == 0 ? 200 : 5_000_000);
      long[] a = new long[m];
      long[] b = new long[m];
      Set<Long> seen = new HashSet<>();
      int k = 0;
      while (k < m) {
        long x = (long) (random.nextDouble() * span);
        long y = (long) (random.nextDouble() * span);
        if (x == y || !seen.add(Math.min(x, y) << 32 | Math.max(x, y))) {
          if (seen.size() >= span * (span - 1) / 2) {
            break;
          }
          continue;
        }
        a[k] = Math.min(x, y);
        b[k] = Math.max(x, y);
        k++;
      }
      int edges = k;
      DenseEdges dense = DenseEdges.of(a, b, edges);

      // The plain way: the sorted distinct nodes, a binary search per end, pairs sorted as longs.
      long[] both = LongStream.concat(Arrays.stream(a, 0, edges), Arrays.stream(b, 0, edges)).sorted().distinct().toArray();
      assertArrayEquals(both, dense.nodes, "round " + round);
      long[] pairs = new long[edges];
      for (int e = 0; e < edges; e++) {
        assertEquals(Arrays.binarySearch(both, a[e]), dense.from[e]);
        assertEquals(Arrays.binarySearch(both, b[e]), dense.to[e]);
        pairs[e] = a[e] << 32 | b[e];
      }
      long[] sorted = pairs.clone();
      Arrays.sort(sorted);
      int[] order = dense.order();
      for (int p = 0; p < edges; p++) {
        assertEquals(sorted[p], pairs[order[p]], "round " + round + ", place " + p);
      }
    }
  }

  @Test
  void keepsArticleNumbersUpToTheLargestInt() {
    long top = Integer.MAX_VALUE;
    DenseEdges dense = DenseEdges.of(new long[] {top - 1, 0, 0}, new long[] {top, top, 7}, 3);
    assertArrayEquals(new long[] {0, 7, top - 1, top}, dense.nodes);
    assertArrayEquals(new int[] {2, 0, 0}, dense.from);
    assertArrayEquals(new int[] {3, 3, 1}, dense.to);
    assertArrayEquals(new int[] {2, 1, 0}, dense.order());
  }

  @Test
  void refusesAPairGivenTwiceOrOutOfOrder() {
    DenseEdges twice = DenseEdges.of(new long[] {4, 1, 4}, new long[] {9, 4, 9}, 3);
    IllegalStateException e = assertThrows(IllegalStateException.class, twice::order);
    assertEquals("story pair given twice: 4, 9", e.getMessage());
    e = assertThrows(IllegalStateException.class, () -> DenseEdges.of(new long[] {5}, new long[] {2}, 1));
    assertEquals("story pair out of order or out of range: 5, 2", e.getMessage());
  }
}

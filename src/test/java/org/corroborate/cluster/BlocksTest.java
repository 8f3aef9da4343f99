package org.corroborate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlocksTest {
  @Test
  void pairsEveryoneInASmallBlock() {
    assertEquals(10, Blocks.pairs(5, 10).size());
  }

  @Test
  void boundsTheWorkOfAnOversizedBlockLinearly() {
    List<int[]> pairs = Blocks.pairs(10_000, 100);
    // Each member pairs with at most the next 50: fewer than 10,000 x 50 pairs, not 50 million.
    assertTrue(pairs.size() <= 10_000 * 50, "pairs: " + pairs.size());
    for (int[] p : pairs) {
      assertTrue(p[1] > p[0] && p[1] - p[0] <= 50);
    }
    assertEquals(9_999, pairs.stream().filter(p -> p[1] == p[0] + 1).count());
  }
}

package org.corroborate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class BlockPairsTest {
  private static final long DAY = 86_400_000L;

  /** Keyed rows of one block: members 0..size-1, one day apart. */
  private static List<Row> block(long key, int size, long firstIdx) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      rows.add(RowFactory.create(key, i * DAY, firstIdx + i));
    }
    return rows;
  }

  private static List<Row> pairs(List<Row> sorted, int maxBlock, long window) {
    List<Row> out = new ArrayList<>();
    new BlockPairs.PairStream(sorted.iterator(), maxBlock, window).forEachRemaining(out::add);
    return out;
  }

  @Test
  void pairsEveryoneInASmallBlock() {
    Set<Long> out = new HashSet<>();
    for (Row r : pairs(block(7, 5, 0), 10, 0)) {
      out.add(r.getLong(0));
    }
    assertEquals(10, out.size());
    assertTrue(out.contains(BlockPairs.pair(0, 4)));
  }

  @Test
  void keepsBlocksApart() {
    List<Row> rows = new ArrayList<>(block(1, 3, 0));
    rows.addAll(block(2, 3, 10));
    Set<Long> out = new HashSet<>();
    for (Row r : pairs(rows, 10, 0)) {
      out.add(r.getLong(0));
    }
    assertEquals(Set.of(BlockPairs.pair(0, 1), BlockPairs.pair(0, 2), BlockPairs.pair(1, 2),
        BlockPairs.pair(10, 11), BlockPairs.pair(10, 12), BlockPairs.pair(11, 12)), out);
  }

  @Test
  void boundsTheWorkOfAnOversizedBlockLinearly() {
    List<Row> out = pairs(block(3, 10_000, 0), 100, 0);
    // Each member pairs with at most the 50 before it: fewer than 10,000 x 50 pairs, not 50 million.
    assertTrue(out.size() <= 10_000 * 50, "pairs: " + out.size());
    long adjacent = 0;
    for (Row r : out) {
      long a = BlockPairs.first(r.getLong(0));
      long b = BlockPairs.second(r.getLong(0));
      assertTrue(b > a && b - a <= 50, a + "-" + b);
      adjacent += b == a + 1 ? 1 : 0;
    }
    assertEquals(9_999, adjacent);
    assertEquals(out.size(), out.stream().mapToLong(r -> r.getLong(0)).distinct().count(), "no pair twice");
  }

  @Test
  void dropsPairsOutsideTheWindowUnlessATimeIsUnknown() {
    List<Row> rows = List.of(
        RowFactory.create(5L, 0L, 0L),
        RowFactory.create(5L, 2 * DAY, 1L),
        RowFactory.create(5L, 9 * DAY, 2L),
        RowFactory.create(5L, BlockPairs.UNKNOWN_TIME, 3L));
    Set<Long> out = new HashSet<>();
    for (Row r : pairs(rows, 10, 3 * DAY)) {
      out.add(r.getLong(0));
    }
    assertEquals(Set.of(BlockPairs.pair(0, 1), BlockPairs.pair(0, 3), BlockPairs.pair(1, 3),
        BlockPairs.pair(2, 3)), out);
  }

  @Test
  void packsAPairIntoOneLongLesserFirst() {
    long p = BlockPairs.pair(123_456, 7);
    assertEquals(7, BlockPairs.first(p));
    assertEquals(123_456, BlockPairs.second(p));
    assertEquals(p, BlockPairs.pair(7, 123_456));
  }
}

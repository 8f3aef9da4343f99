package org.corroborate.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
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

  /** The pairs a scan of {@code sorted} emits, in order, repeats included. */
  private static List<Long> pairs(List<Row> sorted, int maxBlock, long window) {
    List<Long> out = new ArrayList<>();
    BlockPairs.Scan scan = new BlockPairs.Scan(maxBlock, window, out::add);
    for (Row r : sorted) {
      scan.add(r.getLong(0), r.getLong(1), r.getLong(2));
    }
    scan.end();
    return out;
  }

  @Test
  void pairsEveryoneInASmallBlock() {
    Set<Long> out = new HashSet<>(pairs(block(7, 5, 0), 10, 0));
    assertEquals(10, out.size());
    assertTrue(out.contains(BlockPairs.pair(0, 4)));
  }

  @Test
  void keepsBlocksApart() {
    List<Row> rows = new ArrayList<>(block(1, 3, 0));
    rows.addAll(block(2, 3, 10));
    Set<Long> out = new HashSet<>(pairs(rows, 10, 0));
    assertEquals(Set.of(BlockPairs.pair(0, 1), BlockPairs.pair(0, 2), BlockPairs.pair(1, 2),
        BlockPairs.pair(10, 11), BlockPairs.pair(10, 12), BlockPairs.pair(11, 12)), out);
  }

  @Test
  void boundsTheWorkOfAnOversizedBlockLinearly() {
    List<Long> out = pairs(block(3, 10_000, 0), 100, 0);
    // Each member pairs with at most the 50 before it: fewer than 10,000 x 50 pairs, not 50 million.
    assertTrue(out.size() <= 10_000 * 50, "pairs: " + out.size());
    long adjacent = 0;
    for (long p : out) {
      long a = BlockPairs.first(p);
      long b = BlockPairs.second(p);
      assertTrue(b > a && b - a <= 50, a + "-" + b);
      adjacent += b == a + 1 ? 1 : 0;
    }
    assertEquals(9_999, adjacent);
    assertEquals(out.size(), out.stream().distinct().count(), "no pair twice");
  }

  @Test
  void dropsPairsOutsideTheWindowUnlessATimeIsUnknown() {
    List<Row> rows = List.of(
        RowFactory.create(5L, 0L, 0L),
        RowFactory.create(5L, 2 * DAY, 1L),
        RowFactory.create(5L, 9 * DAY, 2L),
        RowFactory.create(5L, BlockPairs.UNKNOWN_TIME, 3L));
    Set<Long> out = new HashSet<>(pairs(rows, 10, 3 * DAY));
    assertEquals(Set.of(BlockPairs.pair(0, 1), BlockPairs.pair(0, 3), BlockPairs.pair(1, 3),
        BlockPairs.pair(2, 3)), out);
  }

  @Test
  void groupsEachArticlesDistinctPartnersAcrossChunksAndTasks() {
    // Oversized blocks (about 70 members, at most 12 paired in full) ...
    assertGroupsAsScanned(25, 12);
    // ... and small blocks, each ending in a burst of pairs larger than a chunk.
    assertGroupsAsScanned(100, 30);
  }

  /** Grouped rows of two tasks, 50 pairs a chunk, hold exactly the distinct pairs of a scan. */
  private static void assertGroupsAsScanned(int keys, int maxBlock) {
    Random random = new Random(7);
    List<Row> rows = new ArrayList<>();
    for (long idx = 0; idx < 300; idx++) {
      long time = random.nextInt(20) * DAY;
      for (int k = 0; k < 6; k++) {
        rows.add(RowFactory.create((long) random.nextInt(keys), time, idx));
      }
    }
    rows.sort(Comparator.<Row>comparingLong(r -> r.getLong(0)).thenComparingLong(r -> r.getLong(1))
        .thenComparingLong(r -> r.getLong(2)));
    Set<Long> expected = new HashSet<>(pairs(rows, maxBlock, 4 * DAY));
    int half = rows.size() / 2;
    while (half < rows.size() && rows.get(half).getLong(0) == rows.get(half - 1).getLong(0)) {
      half++;
    }
    List<Row> grouped = new ArrayList<>();
    new BlockPairs.Grouped(rows.subList(0, half).iterator(), maxBlock, 4 * DAY, 50).forEachRemaining(grouped::add);
    new BlockPairs.Grouped(rows.subList(half, rows.size()).iterator(), maxBlock, 4 * DAY, 50).forEachRemaining(grouped::add);
    assertTrue(grouped.size() > 300, "several rows per article: " + grouped.size());
    Set<Long> found = new HashSet<>();
    for (Row r : grouped) {
      long a = r.getLong(0);
      int[] bs = BlockPairs.unpack((byte[]) r.get(1));
      assertTrue(bs.length > 0, "a row has partners");
      for (int i = 0; i < bs.length; i++) {
        assertTrue(bs[i] > a && (i == 0 || bs[i] > bs[i - 1]), "ascending partners above " + a);
        found.add(BlockPairs.pair(a, bs[i]));
      }
    }
    assertEquals(expected, found);
  }

  @Test
  void packsPartnersAsInts() {
    int[] numbers = {3, 70_000, Integer.MAX_VALUE, 5};
    assertArrayEquals(new int[] {3, 70_000, Integer.MAX_VALUE}, BlockPairs.unpack(BlockPairs.pack(numbers, 3)));
  }

  @Test
  void packsAPairIntoOneLongLesserFirst() {
    long p = BlockPairs.pair(123_456, 7);
    assertEquals(7, BlockPairs.first(p));
    assertEquals(123_456, BlockPairs.second(p));
    assertEquals(p, BlockPairs.pair(7, 123_456));
  }
}

package org.corroborate.cluster;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Candidate pairs inside one block (a bucket of articles sharing a key), with bounded work: a block
 * of at most {@code maxBlock} members yields all its pairs; a larger one pairs each member only with
 * the {@code maxBlock / 2} members that follow it in the given order (time, then id), so its cost
 * grows linearly with its size instead of quadratically.
 */
public final class Blocks {
  private Blocks() {}

  /** Index pairs (i, j), i before j, of the members of one block, sorted by the caller. */
  public static List<int[]> pairs(int size, int maxBlock) {
    List<int[]> out = new ArrayList<>();
    int reach = size <= maxBlock ? size : Math.max(1, maxBlock / 2);
    for (int i = 0; i < size; i++) {
      for (int j = i + 1; j < size && j <= i + reach; j++) {
        out.add(new int[] {i, j});
      }
    }
    return out;
  }

  /**
   * Orders block members (rows of id, published, ...) by time, unknown dates last, then id: the
   * order in which an oversized block pairs neighbours.
   */
  public static int byTimeThenId(Row a, Row b) {
    Timestamp ta = a.isNullAt(1) ? null : a.getTimestamp(1);
    Timestamp tb = b.isNullAt(1) ? null : b.getTimestamp(1);
    if (ta != null && tb != null && !ta.equals(tb)) {
      return ta.compareTo(tb);
    }
    if ((ta == null) != (tb == null)) {
      return ta == null ? 1 : -1;
    }
    return a.getString(0).compareTo(b.getString(0));
  }
}
